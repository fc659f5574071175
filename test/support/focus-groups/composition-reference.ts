import { createHash } from 'node:crypto';
import type { CompositionInput, CompositionResult } from '../../../libs/focus-groups/src/composition';

/**
 * An independent reading of the composition model as the README states it ("Focus-group
 * composition"), written apart from the engine and sharing no code with it: the numbers each
 * session derives from its capacity and show rate, the hard rules (checked on a result), the
 * objective of any assignment, the LP relaxation (built as CPLEX LP text for HiGHS's text
 * interface, not the engine's sparse model) and, for tiny rounds, a brute-force optimum.
 */

/** The README's weights, restated: a change in the engine that the README does not follow fails. */
const W = { seat: 1000, ifNeedBe: 100, mismatch: 400, coveragePlace: 1500, coverageSession: 10000, diversityPlace: 50 };

export interface ReferenceSession {
  id: string;
  capacity: number;
  label: string | null;
  /** Only the label's segment (named, homogeneous by default). */
  labelRequired: boolean;
  /** Mixed and homogeneous: one segment, any. */
  oneSegment: boolean;
  centi: number;
  /** Most invited: ceil(capacity / show rate), never over the cap. */
  most: number;
  /** Fewest invited to run. */
  fewest: number;
  /** Applicants who may be invited (after the rules that make a pair impossible). */
  eligible: Set<string>;
}

export interface ReferenceRound {
  input: CompositionInput;
  sessions: ReferenceSession[];
  present: Set<string>;
  share: number;
  drawWeight: Map<string, number>;
}

const ceil = (x: number) => Math.ceil(x - 1e-9);

export function referenceRound(input: CompositionInput): ReferenceRound {
  const rate = input.defaultShowRate ?? 0.7;
  const factor = input.maxOverRecruitment ?? 1.5;
  const minGroup = input.minGroupSize;
  const answer = (applicant: CompositionInput['applicants'][number], sessionId: string) => applicant.availability[sessionId] ?? 'no';
  const sessions = input.sessions.map((s): ReferenceSession => {
    const label = s.segment === 'mixed' ? null : s.segment;
    const homogeneous = s.homogeneous ?? label !== null;
    const centi = Math.min(100, Math.max(1, Math.round((s.showRate ?? rate) * 100)));
    const cap = Math.min(input.maxInvitedPerSession ?? Infinity, ceil(s.capacity * factor));
    const most = Math.min(cap, ceil((s.capacity * 100) / centi));
    const fewest = minGroup === undefined ? 1 : Math.min(most, ceil((Math.min(minGroup, s.capacity) * 100) / centi));
    const available = input.applicants.filter((a) => answer(a, s.id) !== 'no');
    let eligible = available;
    if (label !== null && homogeneous) eligible = available.filter((a) => a.segment === label);
    if (label === null && homogeneous) {
      // A segment with fewer available than the minimum cannot fill the session alone.
      eligible = available.filter((a) => a.segment !== null && available.filter((b) => b.segment === a.segment).length >= fewest);
    }
    if (eligible.length < fewest) eligible = [];
    return {
      id: s.id,
      capacity: s.capacity,
      label,
      labelRequired: label !== null && homogeneous,
      oneSegment: label === null && homogeneous,
      centi,
      most,
      fewest,
      eligible: new Set(eligible.map((a) => a.id)),
    };
  });
  const present = new Set<string>();
  for (const a of input.applicants) if (a.segment !== null && sessions.some((s) => s.eligible.has(a.id))) present.add(a.segment);
  const places = sessions
    .filter((s) => s.eligible.size > 0)
    .map((s) => s.most)
    .sort((x, y) => y - x);
  const total = places.slice(0, input.targetGroups ?? places.length).reduce((a, b) => a + b, 0);
  const share = present.size > 0 ? Math.floor(total / present.size) : 0;
  const order = [...input.applicants]
    .map((a) => ({ id: a.id, key: createHash('sha256').update(`${input.seed}\n${a.id}`).digest('hex') }))
    .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.id < y.id ? -1 : 1));
  const drawWeight = new Map(order.map((a, position) => [a.id, input.applicants.length - position]));
  return { input, sessions, present, share, drawWeight };
}

/** Who is invited where, read from a result. */
export function assignmentOf(result: CompositionResult): Map<string, string[]> {
  const where = new Map<string, string[]>();
  for (const s of result.sessions) for (const i of s.invited) where.set(i.applicantId, [...(where.get(i.applicantId) ?? []), s.sessionId]);
  return where;
}

/** The objective of an assignment (applicant -> session), as the README defines it. */
export function referenceObjective(round: ReferenceRound, assignment: Map<string, string>): number {
  const { input } = round;
  const byId = new Map(input.applicants.map((a) => [a.id, a]));
  let total = 0;
  const places = new Map<string, number>();
  const members = new Map<string, string[]>();
  for (const [applicantId, sessionId] of assignment) {
    const a = byId.get(applicantId)!;
    const s = round.sessions.find((x) => x.id === sessionId)!;
    total += W.seat;
    if (a.availability[sessionId] === 'if_need_be') total -= W.ifNeedBe;
    if (s.label !== null && !s.labelRequired && a.segment !== s.label) total -= W.mismatch;
    if (a.segment !== null) places.set(a.segment, (places.get(a.segment) ?? 0) + 1);
    members.set(sessionId, [...(members.get(sessionId) ?? []), applicantId]);
  }
  for (const g of round.present) {
    const target = (input.coverage ?? []).find((c) => c.segment === g);
    const have = places.get(g) ?? 0;
    total += W.coveragePlace * Math.min(have, target?.minPlaces ?? 0);
    total += W.diversityPlace * Math.min(have, round.share);
  }
  for (const target of input.coverage ?? []) {
    const homogeneousOn = round.sessions.filter((s) => {
      const inSession = members.get(s.id) ?? [];
      if (inSession.length === 0) return false;
      if (s.labelRequired) return s.label === target.segment;
      return s.oneSegment && inSession.every((id) => byId.get(id)!.segment === target.segment);
    }).length;
    total += W.coverageSession * Math.min(homogeneousOn, target.minSessions ?? 0);
  }
  return total;
}

export function referenceDraw(round: ReferenceRound, assignment: Map<string, string>): number {
  let total = 0;
  for (const applicantId of assignment.keys()) total += round.drawWeight.get(applicantId)!;
  return total;
}

/** Every hard rule a result breaks, in words. Empty when it keeps them all. */
export function violations(input: CompositionInput, result: CompositionResult): string[] {
  const round = referenceRound(input);
  const out: string[] = [];
  const byId = new Map(input.applicants.map((a) => [a.id, a]));
  const where = assignmentOf(result);
  for (const [applicantId, sessions] of where) {
    if (!byId.has(applicantId)) out.push(`${applicantId} is not an applicant`);
    if (sessions.length > 1) out.push(`${applicantId} is invited ${sessions.length} times`);
  }
  let running = 0;
  for (const s of round.sessions) {
    const plan = result.sessions.find((p) => p.sessionId === s.id);
    if (!plan) {
      out.push(`session ${s.id} is missing from the result`);
      continue;
    }
    const invited = plan.invited.map((i) => byId.get(i.applicantId)).filter((a) => a !== undefined);
    if (invited.length > 0) running++;
    if (invited.length > s.most)
      out.push(`session ${s.id} invites ${invited.length}, more than capacity plus over-recruitment allow (${s.most})`);
    if (invited.length > 0 && invited.length < s.fewest)
      out.push(`session ${s.id} runs with ${invited.length}, below its minimum ${s.fewest}`);
    for (const a of invited) {
      const answer = a.availability[s.id] ?? 'no';
      if (answer === 'no') out.push(`${a.id} is invited to ${s.id}, which they said no to`);
      const shown = plan.invited.find((i) => i.applicantId === a.id)!.availability;
      if (answer !== 'no' && shown !== answer) out.push(`${a.id}'s availability for ${s.id} is shown as ${shown}, they said ${answer}`);
      if (s.labelRequired && a.segment !== s.label) out.push(`${a.id} (${a.segment}) is invited to ${s.id}, which requires ${s.label}`);
    }
    if (s.oneSegment && invited.length > 0 && (invited[0].segment === null || invited.some((a) => a.segment !== invited[0].segment))) {
      out.push(`session ${s.id} must be homogeneous and mixes ${[...new Set(invited.map((a) => a.segment))].join(', ')}`);
    }
    const reserves = new Set(plan.reserves);
    if (reserves.size !== plan.reserves.length) out.push(`session ${s.id} lists a reserve twice`);
    if (plan.reserves.length > (input.maxReserves ?? s.capacity)) out.push(`session ${s.id} lists more reserves than allowed`);
    for (const id of plan.reserves) {
      const a = byId.get(id);
      if (!a) out.push(`reserve ${id} is not an applicant`);
      else if (where.has(id)) out.push(`reserve ${id} of ${s.id} is already invited`);
      else if ((a.availability[s.id] ?? 'no') === 'no') out.push(`reserve ${id} of ${s.id} said no to it`);
      else if (s.labelRequired && a.segment !== s.label) out.push(`reserve ${id} of ${s.id} is not of its segment`);
      else if (s.oneSegment && invited.length > 0 && a.segment !== invited[0].segment)
        out.push(`reserve ${id} of ${s.id} is not of the segment it serves`);
    }
  }
  if (input.targetGroups !== undefined && running > input.targetGroups)
    out.push(`${running} sessions run, more than the target of ${input.targetGroups}`);
  const notChosen = new Map(result.notChosen.map((n) => [n.applicantId, n]));
  for (const a of input.applicants) {
    const left = notChosen.get(a.id);
    if (where.has(a.id) === (left !== undefined))
      out.push(`${a.id} is ${left ? 'both invited and not chosen' : 'neither invited nor given a reason'}`);
    const saidNoToAll = input.sessions.every((s) => (a.availability[s.id] ?? 'no') === 'no');
    if (left && (left.reason === 'unavailable') !== saidNoToAll) out.push(`${a.id}'s reason "${left.reason}" does not match their answers`);
  }
  return out;
}

type TextSolver = { solve: (lp: string, options?: Record<string, unknown>) => { Status: string; ObjectiveValue: number } };

/** The LP relaxation of the README's model, solved with HiGHS from CPLEX LP text: an upper bound. */
export function referenceLpBound(highs: TextSolver, input: CompositionInput): number {
  return referenceSolve(highs, input, false);
}

/** The LP relaxation's bound on the number of applicants invited, under the same rules. */
export function referencePlacesBound(highs: TextSolver, input: CompositionInput): number {
  return referenceSolve(highs, input, false, true);
}

/** The same model with its binaries: the exact optimum, found apart from the engine. */
export function referenceMipOptimum(highs: TextSolver, input: CompositionInput): number {
  return referenceSolve(highs, input, true);
}

function referenceSolve(highs: TextSolver, input: CompositionInput, integer: boolean, placesOnly = false): number {
  const round = referenceRound(input);
  const byId = new Map(input.applicants.map((a) => [a.id, a]));
  const name = (prefix: string, ...parts: number[]) => `${prefix}_${parts.join('_')}`;
  const appIndex = new Map(input.applicants.map((a, i) => [a.id, i]));
  const segments = [...new Set(input.applicants.map((a) => a.segment).filter((g): g is string => g !== null))].sort();
  const segIndex = new Map(segments.map((g, i) => [g, i]));
  const objective: string[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  const binaries: string[] = [];
  const perApplicant = new Map<string, string[]>();
  const seatTerms = new Map<string, string[]>();
  const serving = new Map<string, string[]>();
  round.sessions.forEach((s, j) => {
    if (s.eligible.size === 0) return;
    const o = name('o', j);
    bounds.push(`0 <= ${o} <= 1`);
    binaries.push(o);
    const xs: string[] = [];
    const oneSegmentOptions = new Set([...s.eligible].map((id) => byId.get(id)!.segment!));
    if (s.oneSegment) {
      const ys = [...oneSegmentOptions].map((g) => name('y', j, segIndex.get(g)!));
      ys.forEach((y) => bounds.push(`0 <= ${y} <= 1`));
      binaries.push(...ys);
      rows.push(`${ys.join(' + ')} - ${o} = 0`);
      for (const g of oneSegmentOptions) serving.set(g, [...(serving.get(g) ?? []), name('y', j, segIndex.get(g)!)]);
    } else if (s.labelRequired) {
      serving.set(s.label!, [...(serving.get(s.label!) ?? []), o]);
    }
    for (const id of s.eligible) {
      const a = byId.get(id)!;
      const x = name('x', appIndex.get(id)!, j);
      xs.push(x);
      bounds.push(`0 <= ${x} <= 1`);
      binaries.push(x);
      const weight =
        W.seat -
        (a.availability[s.id] === 'if_need_be' ? W.ifNeedBe : 0) -
        (s.label !== null && !s.labelRequired && a.segment !== s.label ? W.mismatch : 0);
      objective.push(`${placesOnly ? 1 : weight} ${x}`);
      perApplicant.set(id, [...(perApplicant.get(id) ?? []), x]);
      rows.push(`${x} - ${s.oneSegment ? name('y', j, segIndex.get(a.segment!)!) : o} <= 0`);
      if (a.segment !== null) seatTerms.set(a.segment, [...(seatTerms.get(a.segment) ?? []), x]);
    }
    rows.push(`${xs.join(' + ')} - ${s.most} ${o} <= 0`);
    rows.push(`${xs.join(' + ')} - ${s.fewest} ${o} >= 0`);
  });
  for (const xs of perApplicant.values()) rows.push(`${xs.join(' + ')} <= 1`);
  const runs = round.sessions.flatMap((s, j) => (s.eligible.size > 0 ? [name('o', j)] : []));
  if (input.targetGroups !== undefined && runs.length > 0) rows.push(`${runs.join(' + ')} <= ${input.targetGroups}`);
  for (const g of placesOnly ? [] : round.present) {
    const gi = segIndex.get(g)!;
    const terms = seatTerms.get(g) ?? [];
    const target = (input.coverage ?? []).find((c) => c.segment === g);
    const minPlaces = target?.minPlaces ?? 0;
    if (minPlaces > 0 && terms.length) {
      objective.push(`${W.coveragePlace} ${name('cov', gi)}`);
      bounds.push(`0 <= ${name('cov', gi)} <= ${minPlaces}`);
      rows.push(`${name('cov', gi)} - ${terms.join(' - ')} <= 0`);
    }
    if (round.share > 0 && terms.length) {
      objective.push(`${W.diversityPlace} ${name('div', gi)}`);
      bounds.push(`0 <= ${name('div', gi)} <= ${round.share}`);
      rows.push(`${name('div', gi)} - ${terms.join(' - ')} <= 0`);
    }
  }
  (placesOnly ? [] : (input.coverage ?? [])).forEach((target, t) => {
    const serve = serving.get(target.segment) ?? [];
    if (!target.minSessions || serve.length === 0) return;
    objective.push(`${W.coverageSession} ${name('ses', t)}`);
    bounds.push(`0 <= ${name('ses', t)} <= ${target.minSessions}`);
    rows.push(`${name('ses', t)} - ${serve.join(' - ')} <= 0`);
  });
  if (objective.length === 0) return 0;
  const lp = [
    'Maximize',
    ` obj: ${objective.join(' + ')}`,
    'Subject To',
    ...rows.map((r, i) => ` c${i}: ${r}`),
    'Bounds',
    ...bounds.map((b) => ` ${b}`),
    ...(integer ? ['General', ` ${binaries.join(' ')}`] : []),
    'End',
  ].join('\n');
  const solved = highs.solve(lp, integer ? { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0.5 } : { output_flag: false });
  if (solved.Status !== 'Optimal') throw new Error(`reference LP: ${solved.Status}`);
  return solved.ObjectiveValue;
}

/**
 * For tiny rounds: every assignment (each applicant in none or one of the sessions they may be
 * invited to) that keeps the rules, the best objective, and among those the best draw.
 */
export function bruteForce(input: CompositionInput): { objective: number; draw: number; assignments: number } {
  const round = referenceRound(input);
  const byId = new Map(input.applicants.map((a) => [a.id, a]));
  const options = input.applicants.map((a) => round.sessions.filter((s) => s.eligible.has(a.id)).map((s) => s.id));
  const count = new Map<string, number>();
  const chosen = new Map<string, string>();
  let best = { objective: 0, draw: 0, assignments: 0 };
  const feasible = () => {
    let running = 0;
    for (const s of round.sessions) {
      const n = count.get(s.id) ?? 0;
      if (n === 0) continue;
      running++;
      if (n > s.most || n < s.fewest) return false;
      if (s.oneSegment) {
        const segments = new Set([...chosen].filter(([, j]) => j === s.id).map(([id]) => byId.get(id)!.segment));
        if (segments.size > 1) return false;
      }
    }
    return input.targetGroups === undefined || running <= input.targetGroups;
  };
  const visit = (i: number) => {
    if (i === input.applicants.length) {
      if (!feasible()) return;
      best.assignments++;
      const objective = referenceObjective(round, chosen);
      const draw = referenceDraw(round, chosen);
      if (objective > best.objective || (objective === best.objective && draw > best.draw)) best = { ...best, objective, draw };
      return;
    }
    visit(i + 1);
    for (const sessionId of options[i]) {
      const n = count.get(sessionId) ?? 0;
      if (n >= round.sessions.find((s) => s.id === sessionId)!.most) continue;
      count.set(sessionId, n + 1);
      chosen.set(input.applicants[i].id, sessionId);
      visit(i + 1);
      chosen.delete(input.applicants[i].id);
      count.set(sessionId, n);
    }
  };
  visit(0);
  return best;
}
