import { buildAuditComponents } from './audit-model';
import type { AuditExposure, AuditInput } from './audit-types';
import { ComponentSolver } from './component-solver';
import { highsRuntime } from './highs-runtime';

const TOLERANCE = 1e-6;

/**
 * Both ends of every withheld cell's interval, with no shortcut (two solves per cell): for tests
 * that hold the auditor to a brute-force oracle, and for diagnostics. `auditRelease` is the cheap
 * path that stops as soon as a cell is known to be safe.
 */
export async function withheldIntervals(input: AuditInput): Promise<AuditExposure[]> {
  const highs = await highsRuntime();
  const intervals: AuditExposure[] = [];
  for (const component of buildAuditComponents(input)) {
    const solver = new ComponentSolver(highs, component);
    try {
      for (const target of component.targets) {
        const min = Math.max(0, Math.ceil(solver.bound([target.column], 1).value - TOLERANCE));
        const max = Math.floor(solver.bound([target.column], -1).value + TOLERANCE);
        intervals.push({ key: input.release.cells[target.cell].key, min, max });
      }
    } finally {
      solver.dispose();
    }
  }
  return intervals;
}
