import type { CoverageFigure, CoverageShortfall } from './composition-types';
import { homogeneousSessionsPerSegment, type AssignmentState } from './objective';
import type { RoundPlan } from './round-plan';

/** Per segment with a target: what was reached, and when short, the first reason that explains it. */
export function coverageFigures(plan: RoundPlan, state: AssignmentState): CoverageFigure[] {
  const sessions = homogeneousSessionsPerSegment(plan, state);
  return plan.segments.flatMap((segment, g): CoverageFigure[] => {
    const { minSessions, minPlaces } = plan.targets[g];
    if (minSessions === 0 && minPlaces === 0) return [];
    const places = state.segmentPlaces[g];
    const sessionsMet = sessions[g] >= minSessions;
    const placesMet = places >= minPlaces;
    const figure: CoverageFigure = {
      segment,
      minSessions,
      sessions: sessions[g],
      minPlaces,
      places,
      expectedSeats: Math.round(state.segmentCenti[g]) / 100,
      met: sessionsMet && placesMet,
    };
    if (!figure.met) figure.shortfall = shortfall(plan, g, sessionsMet, placesMet);
    return [figure];
  });
}

function shortfall(plan: RoundPlan, g: number, sessionsMet: boolean, placesMet: boolean): CoverageShortfall {
  const reachable = plan.applicants.filter((a) => a.segmentIndex === g && plan.arcsByApplicant[a.index].length > 0);
  if (reachable.length === 0) return 'no_applicants';
  if (!sessionsMet) {
    const possible = plan.sessions.filter(
      (s) => s.canRun && ((s.requiresLabel && s.label === plan.segments[g]) || (s.mixedHomogeneous && s.segmentOptions.includes(g))),
    );
    if (possible.length < plan.targets[g].minSessions) return 'too_few_sessions';
  }
  if (!placesMet && reachable.length < plan.targets[g].minPlaces) return 'too_few_applicants';
  return 'competing_targets';
}
