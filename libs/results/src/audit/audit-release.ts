import { buildAuditComponents, type AuditComponent } from './audit-model';
import type { AuditExposure, AuditInput, AuditReport } from './audit-types';
import { ComponentSolver } from './component-solver';
import { highsRuntime } from './highs-runtime';

/** LP values within this of an integer count as that integer (simplex round-off). */
const TOLERANCE = 1e-6;
/** Counts are never negative; `Math.max` also turns HiGHS's -0 into 0. */
const ceil = (x: number) => Math.max(0, Math.ceil(x - TOLERANCE));
const floor = (x: number) => Math.floor(x + TOLERANCE);

/**
 * For each withheld cell of the release, the smallest and largest true value a reader with every
 * published number (to within the noise bound), every identity and every earlier release could
 * still believe in; the cell is exposed when that is one value, or lies entirely inside 1..k-1.
 *
 * Intervals are those of the LP relaxation rounded inwards (ceil of the minimum, floor of the
 * maximum): exact for the two-way tables of one breakdown, and never narrower than the integer
 * truth, so the auditor may miss an exposure only an integer program would find, never invent one.
 */
export async function auditRelease(input: AuditInput): Promise<AuditReport> {
  const started = performance.now();
  const components = buildAuditComponents(input);
  const exposed: AuditExposure[] = [];
  let cellsChecked = 0;
  let solves = 0;
  const highs = components.length > 0 ? await highsRuntime() : null;
  for (const component of components) {
    cellsChecked += component.targets.length;
    const solver = new ComponentSolver(highs!, component);
    try {
      exposed.push(...auditComponent(component, solver, input));
    } finally {
      solves += solver.solves;
      solver.dispose();
    }
  }
  return { cellsChecked, solves, exposed, millis: Math.round(performance.now() - started) };
}

/**
 * Most cells are settled without solving for their own ends. The true values are a feasible
 * point, and so is every LP solution; a cell seen at 0 in one and at 1 or more in another cannot
 * be pinned, nor one seen at >= k and at some smaller value. So the auditor first solves for the
 * smallest SUM of all unsettled cells (which drives many to 0 at once), then for the largest sum
 * (which drives many up), repeating while that settles cells, and solves one cell at a time only
 * for what is left: those are the cells the reader may really pin down.
 */
function auditComponent(component: AuditComponent, solver: ComponentSolver, input: AuditInput): AuditExposure[] {
  const { k } = input;
  const targets = component.targets;
  const lowest = targets.map((t) => input.release.cells[t.cell].trueValue);
  const highest = [...lowest];
  const exactMin: (number | null)[] = targets.map(() => null);
  const exactMax: (number | null)[] = targets.map(() => null);
  const witness = (solution: Float64Array) =>
    targets.forEach((t, i) => {
      lowest[i] = Math.min(lowest[i], solution[t.column]);
      highest[i] = Math.max(highest[i], solution[t.column]);
    });
  // Integer ends as far as known: the minimum is at most minEnd, the maximum at least maxEnd.
  const minEnd = (i: number) => exactMin[i] ?? ceil(lowest[i]);
  const maxEnd = (i: number) => exactMax[i] ?? floor(highest[i]);
  // Not exposed, whatever the exact ends are: at least two integers, one of them 0 or >= k.
  const safe = (i: number) => minEnd(i) < maxEnd(i) && (minEnd(i) <= 0 || maxEnd(i) >= k);
  // Counts are never negative, so a cell seen at 0 has its exact minimum.
  const needsMin = (i: number) => !safe(i) && exactMin[i] === null && minEnd(i) > 0;
  const needsMax = (i: number) => !safe(i) && exactMax[i] === null;

  const settle = (needs: (i: number) => boolean, direction: 1 | -1, exact: (number | null)[]) => {
    let open = targets.map((_, i) => i).filter(needs);
    let batch = open.length > 1;
    while (open.length > 0) {
      if (batch) {
        witness(solver.bound(open.map((i) => targets[i].column), direction).solution);
        const before = open.length;
        open = open.filter(needs);
        batch = open.length > 1 && open.length < before; // stop batching once it stops helping
        continue;
      }
      const i = open[0];
      const result = solver.bound([targets[i].column], direction);
      exact[i] = direction === 1 ? ceil(result.value) : floor(result.value);
      witness(result.solution);
      open = open.filter(needs);
    }
  };
  settle(needsMin, 1, exactMin);
  settle(needsMax, -1, exactMax);

  const exposures: AuditExposure[] = [];
  targets.forEach((target, i) => {
    if (safe(i)) return;
    // Both ends are exact here: the minimum was solved or seen at 0, the maximum solved.
    exposures.push({ key: input.release.cells[target.cell].key, min: minEnd(i), max: maxEnd(i) });
  });
  return exposures;
}
