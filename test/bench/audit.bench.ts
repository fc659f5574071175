/**
 * bench:audit — the release auditor on releases shaped like the shipped resident survey (30 closed
 * items x 5 values, 3 breakdowns x 6 groups + "not stated", every line a reader knows), at several
 * municipality sizes, noise +-2, k = 5. Prints per size: cells, withheld cells, solves, time and
 * solves/s; and, measured in the same run as a baseline, what the naive auditor would pay (two
 * single-cell solves per withheld cell, timed on a sample of cells and extrapolated).
 */
import { buildAuditComponents } from '../../libs/results/src/audit/audit-model';
import { auditRelease } from '../../libs/results/src/audit';
import { ComponentSolver } from '../../libs/results/src/audit/component-solver';
import { highsRuntime } from '../../libs/results/src/audit/highs-runtime';
import { syntheticRelease } from '../support/synthetic-release';

const SIZES = (process.env.BENCH_AUDIT_SIZES ?? '30,150,500,3000').split(',').map(Number);
const SAMPLE = 40;

async function main() {
  const highs = await highsRuntime();
  for (const responses of SIZES) {
    const input = syntheticRelease({ responses, items: 30, values: 5, breakdowns: 3, groups: 6, k: 5, noise: 2, seed: responses });
    const withheld = input.release.cells.filter((c) => c.published === null).length;
    const report = await auditRelease(input);
    // Baseline: single-cell solves (min and max) on a sample of withheld cells of the same model.
    let sampled = 0;
    let sampleMillis = 0;
    for (const component of buildAuditComponents(input)) {
      const solver = new ComponentSolver(highs, component);
      const started = performance.now();
      for (const target of component.targets.slice(0, SAMPLE - sampled)) {
        solver.bound([target.column], 1);
        solver.bound([target.column], -1);
        sampled++;
      }
      sampleMillis += performance.now() - started;
      solver.dispose();
      if (sampled >= SAMPLE) break;
    }
    const naiveMillis = sampled ? (sampleMillis / sampled) * withheld : 0;
    console.log(
      `audit: ${responses} responses, ${input.release.cells.length} cells, ${withheld} withheld, ` +
        `${report.solves} solves in ${report.millis} ms (${Math.round((report.solves / Math.max(report.millis, 1)) * 1000)} solves/s), exposed: ${report.exposed.length}; ` +
        `naive (2 solves per withheld cell): ~${Math.round(naiveMillis)} ms (${Math.round(((2 * sampled) / Math.max(sampleMillis, 1)) * 1000)} solves/s), ratio ${(report.millis / Math.max(naiveMillis, 1)).toFixed(3)}`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
