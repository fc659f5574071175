import type { ObjectiveParts } from './composition-types';
import type { RoundPlan } from './round-plan';

/**
 * The objective's weights, in units where one invitation is worth 1000. All are integers and so
 * are the quantities they multiply at any integer solution, so every objective value is an
 * integer: the draw may then be optimised second without giving up a single unit of the first
 * objective (see the README, "Focus-group composition", for why each weight is what it is).
 */
export const WEIGHTS = {
  /** Each applicant invited: as many as possible, first of all. */
  seat: 1000,
  /** Deducted for an "if need be" answer: "yes" is preferred, never at the cost of a place. */
  ifNeedBe: 100,
  /** Deducted for someone of another segment in a session that prefers its segment. */
  segmentMismatch: 400,
  /** Per place of a segment, up to its `minPlaces` target: coverage is worth more than a seat. */
  coveragePlace: 1500,
  /** Per running session homogeneous on a segment, up to its `minSessions` target. */
  coverageSession: 10000,
  /** Per place of a segment, up to its equal share of the round's places: less than "yes" over "if need be". */
  diversityPlace: 50,
} as const;

export function arcWeight(ifNeedBe: boolean, mismatch: boolean): number {
  return WEIGHTS.seat - (ifNeedBe ? WEIGHTS.ifNeedBe : 0) - (mismatch ? WEIGHTS.segmentMismatch : 0);
}

/** The coverage and diversity value of a segment that holds `places` places. */
export function segmentValue(plan: RoundPlan, segment: number, places: number): number {
  if (segment < 0 || !plan.presentSegments[segment]) return 0;
  const coverage = WEIGHTS.coveragePlace * Math.min(places, plan.targets[segment].minPlaces);
  const diversity = WEIGHTS.diversityPlace * Math.min(places, plan.equalSharePlaces);
  return coverage + diversity;
}

/** What an assignment is made of: who is where, and the totals the objective is a function of. */
export interface AssignmentState {
  /** Per applicant: the session index they are invited to, or -1. */
  sessionOf: Int32Array;
  /** Per session: the number invited. */
  invited: Int32Array;
  /** Per segment: places (invited). */
  segmentPlaces: Int32Array;
  /** Per segment: expected seats in hundredths (a figure; the objective counts places). */
  segmentCenti: Float64Array;
  /** Per session: the segment every invited shares, -1 if none or mixed members, -2 if empty. */
  commonSegment: Int32Array;
}

export function assignmentState(plan: RoundPlan, sessionOf: Int32Array): AssignmentState {
  const invited = new Int32Array(plan.sessions.length);
  const segmentPlaces = new Int32Array(plan.segments.length);
  const segmentCenti = new Float64Array(plan.segments.length);
  const commonSegment = new Int32Array(plan.sessions.length).fill(-2);
  sessionOf.forEach((j, i) => {
    if (j < 0) return;
    invited[j]++;
    const g = plan.applicants[i].segmentIndex;
    if (g >= 0) {
      segmentPlaces[g]++;
      segmentCenti[g] += plan.sessions[j].showRateCenti;
    }
    commonSegment[j] = commonSegment[j] === -2 ? g : commonSegment[j] === g ? g : -1;
  });
  return { sessionOf, invited, segmentPlaces, segmentCenti, commonSegment };
}

/** Sessions counting towards a segment's `minSessions`: running and homogeneous on it by requirement. */
export function homogeneousSessionsPerSegment(plan: RoundPlan, state: AssignmentState): number[] {
  const count = plan.segments.map(() => 0);
  for (const s of plan.sessions) {
    if (state.invited[s.index] === 0) continue;
    if (s.requiresLabel) count[plan.segments.indexOf(s.label!)]++;
    else if (s.mixedHomogeneous && state.commonSegment[s.index] >= 0) count[state.commonSegment[s.index]]++;
  }
  return count;
}

/** The objective of an assignment, in its parts. Assumes the assignment uses only arcs. */
export function scoreAssignment(
  plan: RoundPlan,
  state: AssignmentState,
  arcOf: (applicant: number, session: number) => number,
): ObjectiveParts {
  const parts: ObjectiveParts = {
    seats: 0,
    ifNeedBe: 0,
    segmentMismatch: 0,
    coverageSeats: 0,
    coverageSessions: 0,
    diversity: 0,
    total: 0,
  };
  state.sessionOf.forEach((j, i) => {
    if (j < 0) return;
    const arc = plan.arcs[arcOf(i, j)];
    parts.seats += WEIGHTS.seat;
    if (arc.ifNeedBe) parts.ifNeedBe -= WEIGHTS.ifNeedBe;
    if (arc.mismatch) parts.segmentMismatch -= WEIGHTS.segmentMismatch;
  });
  plan.segments.forEach((_, g) => {
    if (!plan.presentSegments[g]) return;
    const places = state.segmentPlaces[g];
    parts.coverageSeats += WEIGHTS.coveragePlace * Math.min(places, plan.targets[g].minPlaces);
    parts.diversity += WEIGHTS.diversityPlace * Math.min(places, plan.equalSharePlaces);
  });
  const sessions = homogeneousSessionsPerSegment(plan, state);
  plan.segments.forEach((_, g) => {
    parts.coverageSessions += WEIGHTS.coverageSession * Math.min(sessions[g], plan.targets[g].minSessions);
  });
  parts.total = parts.seats + parts.ifNeedBe + parts.segmentMismatch + parts.coverageSeats + parts.coverageSessions + parts.diversity;
  return parts;
}
