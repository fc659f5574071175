import type { NotChosen, NotChosenReason, SessionNotRunReason } from './composition-types';
import { WEIGHTS, segmentValue, type AssignmentState } from './objective';
import type { RoundPlan } from './round-plan';

/**
 * "Why was I not chosen": for an applicant left out, the closest they came to a place. When some
 * running session could take them, every such session is full (an open place would have raised
 * the objective), so the question is whom they would replace: for each invited person of those
 * sessions the change of the objective if the two traded places. The best trade is worth 0 when
 * they tie on every criterion (then the draw decided), less than 0 when the invited ranks higher,
 * and the part of the objective that loses most names the reason. A trade worth more than 0, or an
 * open place, would mean the solver's proposal was not the best: that can only happen when it
 * stopped at its time limit, and is an error otherwise.
 */

export type ArcIndex = (applicant: number, session: number) => number;

interface Trade {
  session: number;
  delta: number;
  /** The invited person's draw position (for a tie: the last drawn among those tied). */
  drawPosition: number;
  availability: number;
  mismatch: number;
  segment: number;
}

function trade(plan: RoundPlan, state: AssignmentState, arcOf: ArcIndex, applicant: number, invited: number, session: number): Trade {
  const mine = plan.arcs[arcOf(applicant, session)];
  const theirs = plan.arcs[arcOf(invited, session)];
  const g = plan.applicants[applicant].segmentIndex;
  const h = plan.applicants[invited].segmentIndex;
  let segment = 0;
  if (g !== h) {
    const places = (x: number) => (x >= 0 ? state.segmentPlaces[x] : 0);
    segment += segmentValue(plan, g, places(g) + 1) - segmentValue(plan, g, places(g));
    segment += segmentValue(plan, h, places(h) - 1) - segmentValue(plan, h, places(h));
  }
  const availability = (theirs.ifNeedBe ? WEIGHTS.ifNeedBe : 0) - (mine.ifNeedBe ? WEIGHTS.ifNeedBe : 0);
  const mismatch = (theirs.mismatch ? WEIGHTS.segmentMismatch : 0) - (mine.mismatch ? WEIGHTS.segmentMismatch : 0);
  return {
    session,
    delta: availability + mismatch + segment,
    drawPosition: plan.applicants[invited].drawPosition,
    availability,
    mismatch,
    segment,
  };
}

function notRunning(plan: RoundPlan, sessions: number[], notRun: Map<number, SessionNotRunReason>): string {
  return sessions.map((j) => `${plan.sessions[j].id} (${(notRun.get(j) ?? 'too_few_applicants').replace(/_/g, ' ')})`).join(', ');
}

export function whyNotChosen(
  plan: RoundPlan,
  state: AssignmentState,
  arcOf: ArcIndex,
  applicant: number,
  notRun: Map<number, SessionNotRunReason>,
  solverOptimal: boolean,
): Omit<NotChosen, 'applicantId' | 'drawPosition' | 'reserveFor'> {
  const person = plan.applicants[applicant];
  const available = plan.sessions.filter((s) => person.availability[s.index] !== 'no');
  if (available.length === 0) return { reason: 'unavailable', explanation: 'Answered "no" to every proposed session.' };

  const segmentName = person.segment ?? 'none given';
  const otherSegment = (j: number) => {
    const s = plan.sessions[j];
    if (s.requiresLabel) return s.label !== person.segment;
    if (s.mixedHomogeneous) {
      if (state.invited[j] > 0) return state.commonSegment[j] !== person.segmentIndex;
      return s.canRun && !s.segmentOptions.includes(person.segmentIndex);
    }
    return false;
  };
  const open = available.filter((s) => !otherSegment(s.index));
  if (open.length === 0) {
    const first = available[0];
    return {
      reason: 'segment_not_served',
      sessionId: first.id,
      explanation: `Every session they can attend is for another segment (their segment: ${segmentName}): ${available.map((s) => s.id).join(', ')}.`,
    };
  }
  const running = open.filter((s) => state.invited[s.index] > 0).map((s) => s.index);
  if (running.length === 0) {
    const sessions = open.map((s) => s.index);
    return {
      reason: 'sessions_not_running',
      sessionId: plan.sessions[sessions[0]].id,
      explanation: `The sessions they can attend do not run: ${notRunning(plan, sessions, notRun)}.`,
    };
  }

  let best: Trade | null = null;
  for (const j of running) {
    const s = plan.sessions[j];
    if (state.invited[j] < s.invitationTarget) {
      if (solverOptimal) throw new Error(`focus-group composition: session ${s.id} has an open place applicant ${person.id} could take`);
      return {
        reason: 'solver_stopped',
        sessionId: s.id,
        explanation: 'The solver stopped at its time limit before proving the composition best; a place they could take is open.',
      };
    }
    for (const k of plan.arcsBySession[j]) {
      const invited = plan.arcs[k].applicant;
      if (state.sessionOf[invited] !== j) continue;
      const t = trade(plan, state, arcOf, applicant, invited, j);
      if (!best || t.delta > best.delta || (t.delta === best.delta && t.drawPosition > best.drawPosition)) best = t;
    }
  }
  const t = best!;
  const sessionId = plan.sessions[t.session].id;
  if (t.delta > 0 || (t.delta === 0 && t.drawPosition > person.drawPosition)) {
    if (solverOptimal) throw new Error(`focus-group composition: applicant ${person.id} would improve session ${sessionId}`);
    return {
      reason: 'solver_stopped',
      sessionId,
      explanation: 'The solver stopped at its time limit before proving the composition best.',
    };
  }
  if (t.delta === 0) {
    return {
      reason: 'lost_draw',
      sessionId,
      lostToDrawPosition: t.drawPosition,
      explanation: `Tied on every criterion with people invited to ${sessionId}; the seeded draw placed them ahead (draw position ${person.drawPosition}, the last invited equal ${t.drawPosition}).`,
    };
  }
  const parts: Array<[NotChosenReason, number, string]> = [
    ['others_available_yes', t.availability, `${sessionId} is full with people who answered "yes"; they answered "if need be".`],
    [
      'session_prefers_other_segment',
      t.mismatch,
      `${sessionId} is full with people of the segment it serves (${plan.sessions[t.session].label ?? ''}).`,
    ],
    [
      'segment_full',
      t.segment,
      `Their segment (${segmentName}) already has its coverage and share of the round; the places of ${sessionId} went to other segments.`,
    ],
  ];
  const [reason, , explanation] = parts.reduce((worst, part) => (part[1] < worst[1] ? part : worst));
  return { reason, sessionId, explanation };
}
