import { WEIGHTS } from './objective';
import type { RoundPlan } from './round-plan';

/**
 * The MIP of one round, as sparse rows for HiGHS (the README's "Focus-group composition" states the
 * same model in words). Columns:
 *   x[a,s]  binary   applicant a invited to session s (only arcs: available, segment allowed)
 *   o[s]    binary   session s runs
 *   y[s,g]  binary   mixed homogeneous session s serves segment g
 *   cov[g]  >= 0     places of g counted towards its minPlaces
 *   div[g]  >= 0     places of g counted towards its equal share
 *   ses[g]  >= 0     sessions homogeneous on g counted towards its minSessions
 * Rows:
 *   sum_s x[a,s] <= 1                          each applicant at most once
 *   sum_a x[a,s] <= target[s] o[s]            never over the over-recruited invitations
 *   sum_a x[a,s] >= minimum[s] o[s]           a running session reaches its minimum
 *   x[a,s] <= o[s]  (mixed homogeneous: <= y[s,g(a)])   only in running sessions (tightens the LP)
 *   sum_g y[s,g] = o[s]                        a mixed homogeneous session serves one segment
 *   sum_s o[s] <= targetGroups                 the round's target number of groups
 *   cov[g] <= sum x[a,s] (a in g), cov[g] <= minPlaces[g]
 *   div[g] <= sum x[a,s] (a in g), div[g] <= equal share
 *   ses[g] <= sum o[s] (s named g, required) + sum y[s,g], ses[g] <= minSessions[g]
 * Objective 1 (maximise): sum weight[a,s] x[a,s] + 1500 cov + 50 div + 10000 ses.
 * Objective 2 (maximise, without giving up any of objective 1): the draw, sum (N + 1 - position[a]) x[a,s].
 */

export interface BuiltModel {
  numCols: number;
  numRows: number;
  colLower: number[];
  colUpper: number[];
  integer: boolean[];
  primaryCost: number[];
  drawCost: number[];
  rowLower: number[];
  rowUpper: number[];
  /** CSR rows. */
  starts: number[];
  indices: number[];
  values: number[];
  /** Column of arc k is k. */
  arcColumns: number;
  runColumn: Int32Array;
  /** Per session: segment index -> column of y[s,g]. */
  serveColumns: Array<Map<number, number>>;
}

class ModelBuilder {
  colLower: number[] = [];
  colUpper: number[] = [];
  integer: boolean[] = [];
  primaryCost: number[] = [];
  drawCost: number[] = [];
  rowLower: number[] = [];
  rowUpper: number[] = [];
  starts: number[] = [0];
  indices: number[] = [];
  values: number[] = [];

  column(upper: number, integer: boolean, primary: number, draw = 0): number {
    this.colLower.push(0);
    this.colUpper.push(upper);
    this.integer.push(integer);
    this.primaryCost.push(primary);
    this.drawCost.push(draw);
    return this.colLower.length - 1;
  }

  row(lower: number, upper: number, entries: Array<[number, number]>): void {
    for (const [column, value] of entries) {
      this.indices.push(column);
      this.values.push(value);
    }
    this.starts.push(this.indices.length);
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
  }
}

export function buildCompositionModel(plan: RoundPlan): BuiltModel {
  const m = new ModelBuilder();
  const n = plan.applicants.length;
  for (const arc of plan.arcs) m.column(1, true, arc.weight, n + 1 - plan.applicants[arc.applicant].drawPosition);
  const runColumn = new Int32Array(plan.sessions.length).fill(-1);
  const serveColumns = plan.sessions.map(() => new Map<number, number>());
  for (const s of plan.sessions) {
    if (plan.arcsBySession[s.index].length === 0) continue;
    runColumn[s.index] = m.column(1, true, 0);
    if (s.mixedHomogeneous) for (const g of s.segmentOptions) serveColumns[s.index].set(g, m.column(1, true, 0));
  }

  plan.arcsByApplicant.forEach((arcs) => {
    if (arcs.length > 1)
      m.row(
        -Infinity,
        1,
        arcs.map((k) => [k, 1]),
      );
  });
  for (const s of plan.sessions) {
    const arcs = plan.arcsBySession[s.index];
    if (arcs.length === 0) continue;
    const run = runColumn[s.index];
    m.row(-Infinity, 0, [...arcs.map((k): [number, number] => [k, 1]), [run, -s.invitationTarget]]);
    m.row(0, Infinity, [...arcs.map((k): [number, number] => [k, 1]), [run, -s.minimumToRun]]);
    for (const k of arcs) {
      const link = s.mixedHomogeneous ? serveColumns[s.index].get(plan.applicants[plan.arcs[k].applicant].segmentIndex)! : run;
      m.row(-Infinity, 0, [
        [k, 1],
        [link, -1],
      ]);
    }
    if (s.mixedHomogeneous) m.row(0, 0, [...[...serveColumns[s.index].values()].map((c): [number, number] => [c, 1]), [run, -1]]);
  }
  const runs = [...runColumn].filter((c) => c >= 0);
  if (plan.targetGroups !== null && runs.length > plan.targetGroups)
    m.row(
      -Infinity,
      plan.targetGroups,
      runs.map((c) => [c, 1]),
    );

  plan.segments.forEach((_, g) => {
    if (!plan.presentSegments[g]) return;
    const places = plan.arcs.flatMap((arc, k): Array<[number, number]> =>
      plan.applicants[arc.applicant].segmentIndex === g ? [[k, -1]] : [],
    );
    const minPlaces = plan.targets[g].minPlaces;
    if (minPlaces > 0) m.row(-Infinity, 0, [[m.column(minPlaces, false, WEIGHTS.coveragePlace), 1], ...places]);
    if (plan.equalSharePlaces > 0) m.row(-Infinity, 0, [[m.column(plan.equalSharePlaces, false, WEIGHTS.diversityPlace), 1], ...places]);
  });
  plan.segments.forEach((segment, g) => {
    const minSessions = plan.targets[g].minSessions;
    if (minSessions === 0) return;
    const serving: Array<[number, number]> = [];
    for (const s of plan.sessions) {
      if (runColumn[s.index] < 0) continue;
      if (s.requiresLabel && s.label === segment) serving.push([runColumn[s.index], -1]);
      const serve = serveColumns[s.index].get(g);
      if (serve !== undefined) serving.push([serve, -1]);
    }
    if (serving.length > 0) m.row(-Infinity, 0, [[m.column(minSessions, false, WEIGHTS.coverageSession), 1], ...serving]);
  });

  return {
    numCols: m.colLower.length,
    numRows: m.rowLower.length,
    colLower: m.colLower,
    colUpper: m.colUpper,
    integer: m.integer,
    primaryCost: m.primaryCost,
    drawCost: m.drawCost,
    rowLower: m.rowLower,
    rowUpper: m.rowUpper,
    starts: m.starts,
    indices: m.indices,
    values: m.values,
    arcColumns: plan.arcs.length,
    runColumn,
    serveColumns,
  };
}
