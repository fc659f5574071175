import type { Highs } from 'highs';
import type { BuiltModel } from './composition-model';

export interface MipSolution {
  status: 'optimal' | 'time_limit' | 'failed';
  /** Column values, rounded to integers for the integer columns; null when no solution was found. */
  values: Float64Array | null;
  millis: number;
  mipNodes: number;
}

function modelData(highs: Highs, built: BuiltModel, cost: readonly number[], integer: ((column: number) => boolean) | null) {
  const finite = (x: number) => (x === Infinity ? highs.infinity : x === -Infinity ? -highs.infinity : x);
  return {
    numCols: built.numCols,
    numRows: built.numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: cost,
    colLower: built.colLower,
    colUpper: built.colUpper.map(finite),
    rowLower: built.rowLower.map(finite),
    rowUpper: built.rowUpper.map(finite),
    matrix: {
      format: 'csr' as const,
      numRows: built.numRows,
      numCols: built.numCols,
      starts: built.starts,
      indices: built.indices,
      values: built.values,
    },
    ...(integer
      ? {
          integrality: built.integer.map((_, j) =>
            integer(j) ? highs.constants.variableType.integer : highs.constants.variableType.continuous,
          ),
        }
      : {}),
  };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** Above this the simplex could no longer tell a draw position apart on an objective this large. */
const EXACT_OBJECTIVE_LIMIT = 2 ** 45;

/**
 * The one objective that optimises the composition first and the draw second: each column's
 * objective 1 divided by the weights' greatest common divisor (objective 1 is a multiple of it)
 * times a span larger than any draw sum (at most `maxInvited` positions of at most N each), plus
 * its draw. `exact` is false when the largest reachable objective would be too large.
 */
export function lexicographicCost(built: BuiltModel, maxInvited: number): { cost: number[]; exact: boolean } {
  const unit = built.primaryCost.reduce((g, c) => (c === 0 ? g : gcd(g, Math.abs(c))), 0) || 1;
  const drawSpan = maxInvited * Math.max(...built.drawCost, 0) + 1;
  let largestArc = 0;
  let others = 0;
  built.primaryCost.forEach((c, j) => {
    if (j < built.arcColumns) largestArc = Math.max(largestArc, Math.abs(c) / unit);
    else others += (Math.abs(c) / unit) * built.colUpper[j];
  });
  const largest = (maxInvited * largestArc + others + 1) * drawSpan;
  return { cost: built.primaryCost.map((c, j) => (c / unit) * drawSpan + built.drawCost[j]), exact: largest <= EXACT_OBJECTIVE_LIMIT };
}

/**
 * Solves the MIP with HiGHS: the composition's objective first, the seeded draw only among
 * compositions equal on it. Both are integers (objective.ts; the draw is a sum of positions), so
 * one objective does both exactly: objective / unit x K + draw, with K above any difference the
 * draw can make. Solved to a gap below 1, no composition with a lower objective can win on the draw.
 *
 * Only the structural columns (which sessions run, the segment of a mixed homogeneous session) are
 * declared integer. Once they are fixed, what remains is totally unimodular (applicant rows and
 * segment rows are one laminar family, session rows another, the rest are bounds), so the simplex
 * vertex HiGHS returns invites whole people, whatever the objective; HiGHS then branches on a dozen
 * columns instead of every pair (seconds -> tens of milliseconds per round). The result is checked:
 * should a value come back fractional, the round is solved again with every pair integer.
 */
export function solveCompositionMip(highs: Highs, built: BuiltModel, timeLimitSeconds: number, maxInvited: number): MipSolution {
  const started = performance.now();
  const { cost, exact } = lexicographicCost(built, maxInvited);
  if (!exact) throw new Error('focus-group composition: the round is too large for an exact draw');
  const attempt = (integer: (column: number) => boolean): MipSolution => {
    const model = highs.createModel(modelData(highs, built, cost, integer));
    try {
      model.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0.5, time_limit: timeLimitSeconds, random_seed: 0 });
      model.run();
      const mipNodes = Number(model.info.get('mip_node_count'));
      const status = model.getModelStatus();
      const found = model.info.get('primal_solution_status') === highs.constants.solutionStatus.feasible;
      const values = found ? Float64Array.from(model.getSolution().colValue) : null;
      const millis = performance.now() - started;
      if (!values) return { status: 'failed', values: null, millis, mipNodes };
      const solved =
        status === highs.constants.modelStatus.optimal
          ? 'optimal'
          : status === highs.constants.modelStatus.timeLimit
            ? 'time_limit'
            : 'failed';
      return { status: solved, values, millis, mipNodes };
    } finally {
      model.dispose();
    }
  };
  const structural = (j: number) => j >= built.arcColumns && built.integer[j];
  let solution = attempt(structural);
  const whole = (values: Float64Array) => values.every((v, j) => !built.integer[j] || Math.abs(v - Math.round(v)) < 1e-6);
  if (solution.values && !whole(solution.values)) solution = attempt((j) => built.integer[j]);
  if (solution.values) solution.values = solution.values.map((v, j) => (built.integer[j] ? Math.round(v) : v));
  return solution;
}

/** The LP relaxation's optimum of objective 1: an upper bound on every composition's objective. */
export function solveCompositionRelaxation(highs: Highs, built: BuiltModel): number {
  const model = highs.createModel(modelData(highs, built, built.primaryCost, null));
  try {
    model.options.set({ output_flag: false });
    model.run();
    if (model.getModelStatus() !== highs.constants.modelStatus.optimal) {
      throw new Error(`focus-group composition: the LP relaxation ended with model status ${model.getModelStatus()}`);
    }
    return model.getObjectiveValue();
  } finally {
    model.dispose();
  }
}
