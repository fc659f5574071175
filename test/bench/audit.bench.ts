/**
 * bench:audit — LP solves per second of the release auditor on releases shaped like the shipped
 * resident survey (30 closed items x 5 values, 3 breakdowns x 6 groups + "not stated", every line a
 * reader knows), at several municipality sizes, with noise +-2 and k = 5. Prints, per size, the
 * cells, withheld cells, components solved, solves, time and solves/s, and, as a baseline measured
 * in the same run, the time of one plain LP solve of the largest component (what a naive auditor
 * pays per cell and per end) to show what the shortcuts save.
 */
import { auditRelease } from '../../libs/results/src/audit';
import { withheldIntervals } from '../../libs/results/src/audit/withheld-intervals';
import { syntheticRelease } from '../support/synthetic-release';

const SIZES = (process.env.BENCH_AUDIT_SIZES ?? '30,150,500,3000').split(',').map(Number);

async function main() {
  for (const responses of SIZES) {
    const input = syntheticRelease({ responses, items: 30, values: 5, breakdowns: 3, groups: 6, k: 5, noise: 2, seed: responses });
    const withheld = input.release.cells.filter((c) => c.published === null).length;
    const report = await auditRelease(input);
    const started = performance.now();
    const full = await withheldIntervals(input);
    const fullMillis = performance.now() - started;
    console.log(
      `audit: ${responses} responses, ${input.release.cells.length} cells, ${withheld} withheld, ` +
        `${report.solves} solves in ${report.millis} ms (${Math.round((report.solves / Math.max(report.millis, 1)) * 1000)} solves/s), ` +
        `exposed: ${report.exposed.length}; both ends of every cell: ${2 * full.length} solves in ${Math.round(fullMillis)} ms, ratio ${(report.millis / fullMillis).toFixed(2)}`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
