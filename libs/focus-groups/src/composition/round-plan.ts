import { COMPOSITION_DEFAULTS, type ValidCompositionInput } from './composition-input';
import { MIXED_SEGMENT, type Availability } from './composition-types';
import { drawPositions } from './draw';
import { arcWeight } from './objective';

/**
 * A round as the model sees it: per session the numbers that follow from capacity and show rate,
 * per applicant the draw position, and every (applicant, session) pair the applicant may be
 * invited to ("arcs"). Everything here is fixed before the solver runs.
 */

export interface PlannedSession {
  index: number;
  id: string;
  capacity: number;
  /** The segment a named session serves; null for a mixed session. */
  label: string | null;
  /** Only the label's segment may be invited (named session, homogeneous by requirement). */
  requiresLabel: boolean;
  /** Mixed and homogeneous: everyone shares one segment, chosen by the solver. */
  mixedHomogeneous: boolean;
  /** Show rate in hundredths (1..100). */
  showRateCenti: number;
  invitationCap: number;
  /** Invitations that fill the seats at the show rate, capped: the most this session invites. */
  invitationTarget: number;
  /** Fewest invited for the session to run. */
  minimumToRun: number;
  /** For a mixed homogeneous session: the segments with enough applicants to fill it alone. */
  segmentOptions: number[];
  /** False when fewer applicants may be invited than its minimum: it cannot run. */
  canRun: boolean;
}

export interface PlannedApplicant {
  index: number;
  id: string;
  segment: string | null;
  /** Index into `segments`, or -1. */
  segmentIndex: number;
  drawPosition: number;
  /** Per session index. */
  availability: Availability[];
}

/** A pair the solver may choose: applicant `applicant` invited to session `session`. */
export interface Arc {
  applicant: number;
  session: number;
  ifNeedBe: boolean;
  /** A named session whose segment is preferred, not required, and the applicant's differs. */
  mismatch: boolean;
  weight: number;
}

export interface SegmentTargets {
  minSessions: number;
  minPlaces: number;
}

export interface RoundPlan {
  sessions: PlannedSession[];
  applicants: PlannedApplicant[];
  /** Sorted segment values: of applicants, named sessions and coverage targets. */
  segments: string[];
  targets: SegmentTargets[];
  /** Segments with at least one arc: the diversity share is split among them. */
  presentSegments: boolean[];
  /** Each present segment's equal share of the places of the sessions that can run. */
  equalSharePlaces: number;
  arcs: Arc[];
  arcsByApplicant: number[][];
  arcsBySession: number[][];
  targetGroups: number | null;
  targetSeats: number | null;
  maxReserves: number | null;
  timeLimitSeconds: number;
}

/** Invitations that fill `capacity` seats at a show rate of `centi` hundredths: ceil(100 c / r). */
export function invitationsFor(seats: number, showRateCenti: number): number {
  return Math.ceil((100 * seats) / showRateCenti - 1e-9);
}

export function planRound(input: ValidCompositionInput): RoundPlan {
  const defaultRate = input.defaultShowRate ?? COMPOSITION_DEFAULTS.defaultShowRate;
  const overRecruitment = input.maxOverRecruitment ?? COMPOSITION_DEFAULTS.maxOverRecruitment;
  const minGroupSize = input.minGroupSize ?? null;

  const segmentSet = new Set<string>();
  for (const a of input.applicants) if (a.segment !== null) segmentSet.add(a.segment);
  for (const s of input.sessions) if (s.segment !== MIXED_SEGMENT) segmentSet.add(s.segment);
  for (const c of input.coverage ?? []) segmentSet.add(c.segment);
  const segments = [...segmentSet].sort();
  const segmentIndex = new Map(segments.map((s, i) => [s, i]));

  const sessions: PlannedSession[] = input.sessions.map((s, index) => {
    const label = s.segment === MIXED_SEGMENT ? null : s.segment;
    const homogeneous = s.homogeneous ?? label !== null;
    const showRateCenti = Math.min(100, Math.max(1, Math.round((s.showRate ?? defaultRate) * 100)));
    const invitationCap = Math.min(input.maxInvitedPerSession ?? Infinity, Math.ceil(s.capacity * overRecruitment - 1e-9));
    const invitationTarget = Math.min(invitationCap, invitationsFor(s.capacity, showRateCenti));
    // Without a minimum group size a session runs with anyone invited (see the README on why that is the default).
    const minimumToRun =
      minGroupSize === null ? 1 : Math.min(invitationTarget, invitationsFor(Math.min(minGroupSize, s.capacity), showRateCenti));
    return {
      index,
      id: s.id,
      capacity: s.capacity,
      label,
      requiresLabel: label !== null && homogeneous,
      mixedHomogeneous: label === null && homogeneous,
      showRateCenti,
      invitationCap,
      invitationTarget,
      minimumToRun,
      segmentOptions: [],
      canRun: true,
    };
  });
  const sessionIndex = new Map(sessions.map((s) => [s.id, s.index]));

  const positions = drawPositions(
    input.seed,
    input.applicants.map((a) => a.id),
  );
  const applicants: PlannedApplicant[] = input.applicants.map((a, index) => {
    const availability = sessions.map((): Availability => 'no');
    for (const [sessionId, answer] of Object.entries(a.availability)) availability[sessionIndex.get(sessionId)!] = answer;
    return {
      index,
      id: a.id,
      segment: a.segment,
      segmentIndex: a.segment === null ? -1 : segmentIndex.get(a.segment)!,
      drawPosition: positions.get(a.id)!,
      availability,
    };
  });

  // Which applicants may be invited where. A session that cannot reach its minimum with them
  // cannot run, and a mixed homogeneous session may only take a segment that can fill it alone:
  // leaving those pairs out changes no feasible composition, and keeps the model small.
  const arcs: Arc[] = [];
  for (const session of sessions) {
    const available = applicants.filter((a) => a.availability[session.index] !== 'no');
    let admitted: PlannedApplicant[];
    if (session.requiresLabel) {
      admitted = available.filter((a) => a.segment === session.label);
    } else if (session.mixedHomogeneous) {
      const perSegment = new Map<number, number>();
      for (const a of available) if (a.segmentIndex >= 0) perSegment.set(a.segmentIndex, (perSegment.get(a.segmentIndex) ?? 0) + 1);
      session.segmentOptions = [...perSegment]
        .filter(([, n]) => n >= session.minimumToRun)
        .map(([g]) => g)
        .sort((x, y) => x - y);
      const options = new Set(session.segmentOptions);
      admitted = available.filter((a) => options.has(a.segmentIndex));
    } else {
      admitted = available;
    }
    session.canRun = admitted.length >= session.minimumToRun && admitted.length > 0;
    if (!session.canRun) continue;
    for (const a of admitted) {
      const ifNeedBe = a.availability[session.index] === 'if_need_be';
      const mismatch = session.label !== null && !session.requiresLabel && a.segment !== session.label;
      arcs.push({ applicant: a.index, session: session.index, ifNeedBe, mismatch, weight: arcWeight(ifNeedBe, mismatch) });
    }
  }
  arcs.sort((x, y) => x.applicant - y.applicant || x.session - y.session);
  const arcsByApplicant = applicants.map((): number[] => []);
  const arcsBySession = sessions.map((): number[] => []);
  arcs.forEach((arc, k) => {
    arcsByApplicant[arc.applicant].push(k);
    arcsBySession[arc.session].push(k);
  });

  const targets: SegmentTargets[] = segments.map(() => ({ minSessions: 0, minPlaces: 0 }));
  for (const c of input.coverage ?? []) {
    const t = targets[segmentIndex.get(c.segment)!];
    t.minSessions = c.minSessions ?? 0;
    t.minPlaces = c.minPlaces ?? 0;
  }

  const presentSegments = segments.map(() => false);
  for (const arc of arcs) {
    const g = applicants[arc.applicant].segmentIndex;
    if (g >= 0) presentSegments[g] = true;
  }
  const runnable = sessions
    .filter((s) => s.canRun)
    .map((s) => s.invitationTarget)
    .sort((x, y) => y - x);
  const runnablePlaces = runnable.slice(0, input.targetGroups ?? runnable.length).reduce((sum, c) => sum + c, 0);
  const present = presentSegments.filter(Boolean).length;
  const equalSharePlaces = present > 0 ? Math.floor(runnablePlaces / present) : 0;

  return {
    sessions,
    applicants,
    segments,
    targets,
    presentSegments,
    equalSharePlaces,
    arcs,
    arcsByApplicant,
    arcsBySession,
    targetGroups: input.targetGroups ?? null,
    targetSeats: input.targetSeats ?? null,
    maxReserves: input.maxReserves ?? null,
    timeLimitSeconds: input.timeLimitSeconds ?? COMPOSITION_DEFAULTS.timeLimitSeconds,
  };
}
