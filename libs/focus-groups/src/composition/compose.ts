// One HiGHS runtime per process, shared with the release auditor (its WebAssembly heap never shrinks).
import { highsRuntime } from '../../../results/src/audit/highs-runtime';
import {
  canonicalInput,
  CompositionInputError,
  compositionInputHash,
  COMPOSITION_MODEL_VERSION,
  validateCompositionInput,
} from './composition-input';
import { buildCompositionModel } from './composition-model';
import { lexicographicCost, solveCompositionMip, solveCompositionRelaxation, type MipSolution } from './composition-solver';
import type { CompositionResult, NotChosen, SessionNotRunReason, SessionPlan } from './composition-types';
import { coverageFigures } from './coverage-figures';
import { assignmentState, scoreAssignment } from './objective';
import { whyNotChosen, type ArcIndex } from './reasons';
import { reserveList } from './reserves';
import { planRound, type RoundPlan } from './round-plan';

/**
 * Composes one round (one municipality): validates the input (throws `CompositionInputError`),
 * solves the MIP with HiGHS, and explains the result. Pure: no database, no clock in the result
 * except the solver's timing figure; the same input and seed give the same composition.
 */
export async function composeRound(rawInput: unknown): Promise<CompositionResult> {
  const input = canonicalInput(validateCompositionInput(rawInput));
  const plan = planRound(input);
  const arcIndex = new Map<number, number>();
  const width = plan.sessions.length;
  plan.arcs.forEach((arc, k) => arcIndex.set(arc.applicant * width + arc.session, k));
  const arcOf: ArcIndex = (applicant, session) => arcIndex.get(applicant * width + session)!;

  const sessionOf = new Int32Array(plan.applicants.length).fill(-1);
  let solution: MipSolution = { status: 'failed', values: null, millis: 0, mipNodes: 0 };
  let lpBound = 0;
  if (plan.arcs.length > 0) {
    const highs = await highsRuntime();
    const built = buildCompositionModel(plan);
    const maxInvited = Math.min(
      plan.applicants.length,
      plan.sessions.reduce((sum, s) => sum + s.invitationTarget, 0),
    );
    if (!lexicographicCost(built, maxInvited).exact) {
      throw new CompositionInputError([
        { field: 'applicants', message: 'too many applicants and sessions in one round for an exact draw: split the round' },
      ]);
    }
    solution = solveCompositionMip(highs, built, plan.timeLimitSeconds, maxInvited);
    if (!solution.values) throw new Error(`focus-group composition: the solver found no composition (round ${input.roundId})`);
    for (let k = 0; k < plan.arcs.length; k++) {
      if (solution.values[k] !== 1) continue;
      const { applicant, session } = plan.arcs[k];
      if (sessionOf[applicant] >= 0) throw new Error('focus-group composition: the solver invited an applicant twice');
      sessionOf[applicant] = session;
    }
    lpBound = solveCompositionRelaxation(highs, built);
  }
  const status = plan.arcs.length === 0 ? 'nothing_to_solve' : solution.status;
  const state = assignmentState(plan, sessionOf);
  const objective = scoreAssignment(plan, state, arcOf);

  const running = plan.sessions.filter((s) => state.invited[s.index] > 0).length;
  const notRun = new Map<number, SessionNotRunReason>();
  for (const s of plan.sessions) {
    if (state.invited[s.index] > 0) continue;
    notRun.set(
      s.index,
      !s.canRun
        ? 'too_few_applicants'
        : plan.targetGroups !== null && running >= plan.targetGroups
          ? 'target_groups_reached'
          : 'applicants_placed_elsewhere',
    );
  }

  const reserves = plan.sessions.map((s) => reserveList(plan, state, s.index));
  const sessions: SessionPlan[] = plan.sessions.map((s) =>
    sessionPlan(plan, state, arcOf, s.index, reserves[s.index], notRun.get(s.index)),
  );
  const reserveFor = new Map<number, Array<{ sessionId: string; position: number }>>();
  reserves.forEach((list, j) =>
    list.forEach((i, position) =>
      reserveFor.set(i, [...(reserveFor.get(i) ?? []), { sessionId: plan.sessions[j].id, position: position + 1 }]),
    ),
  );

  const notChosen: NotChosen[] = plan.applicants
    .filter((a) => sessionOf[a.index] < 0)
    .map((a) => ({
      applicantId: a.id,
      drawPosition: a.drawPosition,
      reserveFor: reserveFor.get(a.index) ?? [],
      ...whyNotChosen(plan, state, arcOf, a.index, notRun, status === 'optimal'),
    }));

  const runningSessions = sessions.filter((s) => s.runs);
  const seats = runningSessions.reduce((sum, s) => sum + s.capacity, 0);
  return {
    roundId: input.roundId,
    seed: input.seed,
    inputHash: compositionInputHash(input),
    modelVersion: COMPOSITION_MODEL_VERSION,
    sessions,
    notChosen,
    figures: {
      applicants: plan.applicants.length,
      unavailable: notChosen.filter((n) => n.reason === 'unavailable').length,
      sessionsProposed: plan.sessions.length,
      sessionsRunning: runningSessions.length,
      seats,
      invited: runningSessions.reduce((sum, s) => sum + s.invited.length, 0),
      expectedAttendance: round2(runningSessions.reduce((sum, s) => sum + s.expectedAttendance, 0)),
      reserves: reserveFor.size,
      objective,
      lpBound: round2(lpBound),
      ratio: lpBound > 0 ? objective.total / lpBound : objective.total === 0 ? 1 : 0,
      coverage: coverageFigures(plan, state),
      targets: {
        groups: {
          target: plan.targetGroups,
          running: runningSessions.length,
          met: plan.targetGroups === null || runningSessions.length >= plan.targetGroups,
        },
        seats: { target: plan.targetSeats, planned: seats, met: plan.targetSeats === null || seats >= plan.targetSeats },
      },
      solver: { status, millis: Math.round(solution.millis), mipNodes: solution.mipNodes },
    },
  };
}

/** Rounds are independent (one per municipality): composed one after another, each its own model. */
export async function composeRounds(inputs: readonly unknown[]): Promise<CompositionResult[]> {
  const results: CompositionResult[] = [];
  for (const input of inputs) results.push(await composeRound(input));
  return results;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function sessionPlan(
  plan: RoundPlan,
  state: ReturnType<typeof assignmentState>,
  arcOf: ArcIndex,
  j: number,
  reserves: number[],
  notRunReason: SessionNotRunReason | undefined,
): SessionPlan {
  const s = plan.sessions[j];
  const invited = plan.applicants
    .filter((a) => state.sessionOf[a.index] === j)
    .sort((a, b) => a.drawPosition - b.drawPosition)
    .map((a) => {
      const arc = plan.arcs[arcOf(a.index, j)];
      return {
        applicantId: a.id,
        availability: arc.ifNeedBe ? ('if_need_be' as const) : ('yes' as const),
        segmentMatch: s.label !== null ? a.segment === s.label : s.mixedHomogeneous,
        drawPosition: a.drawPosition,
      };
    });
  const runs = invited.length > 0;
  const servesSegment = s.label ?? (s.mixedHomogeneous && runs ? plan.segments[state.commonSegment[j]] : null);
  return {
    sessionId: s.id,
    runs,
    ...(notRunReason ? { notRunReason } : {}),
    capacity: s.capacity,
    showRate: s.showRateCenti / 100,
    invitationTarget: s.invitationTarget,
    invitationCap: s.invitationCap,
    minimumToRun: s.minimumToRun,
    servesSegment,
    invited,
    reserves: reserves.map((i) => plan.applicants[i].id),
    expectedAttendance: round2(Math.min(s.capacity, (s.showRateCenti * invited.length) / 100)),
  };
}
