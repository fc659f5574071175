import { segmentValue, type AssignmentState } from './objective';
import type { RoundPlan } from './round-plan';

/** Applicants not invited who could take a place in the running session `session` if one is freed. */
export function reserveCandidates(plan: RoundPlan, state: AssignmentState, session: number): number[] {
  const s = plan.sessions[session];
  if (state.invited[session] === 0) return [];
  return plan.arcsBySession[session]
    .map((k) => plan.arcs[k].applicant)
    .filter((i) => state.sessionOf[i] < 0 && (!s.mixedHomogeneous || plan.applicants[i].segmentIndex === state.commonSegment[session]));
}

/**
 * Ordered reserves of a running session: by what the applicant adds to the objective in a freed
 * place (availability, segment, the segment's coverage and share), then by the seeded draw. The
 * flow promotes the first who is still free (an applicant may be a reserve of several sessions).
 */
export function reserveList(plan: RoundPlan, state: AssignmentState, session: number): number[] {
  const s = plan.sessions[session];
  const limit = plan.maxReserves ?? s.capacity;
  const value = (i: number) => {
    const k = plan.arcsBySession[session].find((arc) => plan.arcs[arc].applicant === i)!;
    const g = plan.applicants[i].segmentIndex;
    const places = g >= 0 ? state.segmentPlaces[g] : 0;
    return plan.arcs[k].weight + segmentValue(plan, g, places + 1) - segmentValue(plan, g, places);
  };
  return reserveCandidates(plan, state, session)
    .map((i) => ({ i, value: value(i), draw: plan.applicants[i].drawPosition }))
    .sort((a, b) => b.value - a.value || a.draw - b.draw)
    .slice(0, limit)
    .map((entry) => entry.i);
}
