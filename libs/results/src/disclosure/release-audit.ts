import { auditRelease, type AuditReport, type AuditTables } from '../audit';
import type { Tabulation, CompiledResults } from '../compile/build-results';
import { NOISE_BOUND } from '../perturbation/ptable';

/** What the compile status shows about the audit of the prepared release. */
export interface AuditSummary {
  cellsChecked: number;
  solves: number;
  /** Exposed cells found in the last round (0 when the release is safe). */
  exposed: number;
  /** Rounds of auditing (1 when nothing had to be withheld). */
  rounds: number;
  /** Cells withheld on the auditor's word, on top of the k rule. */
  withheldMore: number;
  millis: number;
  /** The auditor could not be satisfied: the municipality's tables are all withheld. */
  tablesWithheld: boolean;
}

const MAX_ROUNDS = 12;

/** The auditor refused the tables (a bug on one side or the other): the same data fails the same way. */
export class AuditFailure extends Error {
  override name = 'AuditFailure';
}

async function audit(input: Parameters<typeof auditRelease>[0]): Promise<AuditReport> {
  try {
    return await auditRelease(input);
  } catch (error) {
    throw new AuditFailure((error as Error).message);
  }
}

/**
 * Before a release is stored, an LP reader (libs/results/src/audit, HiGHS) computes for every
 * withheld cell the smallest and largest value consistent with everything public: this release,
 * the same municipality's earlier releases of this survey version, every identity between cells,
 * and the noise bound. A cell pinned to one value, or to 1..k-1, is exposed: the smallest
 * published cell on a line through it is withheld too, and the release audited again. If that does
 * not converge, the municipality's tables are withheld. Never throws for data reasons.
 */
export async function auditAndProtect(
  tabulation: Tabulation,
  k: number,
  earlier: AuditTables[],
): Promise<{ results: CompiledResults; tables: AuditTables; audit: AuditSummary }> {
  const summary: AuditSummary = { cellsChecked: 0, solves: 0, exposed: 0, rounds: 0, withheldMore: 0, millis: 0, tablesWithheld: false };
  const table = tabulation.table;
  // Below k nothing is published but "fewer than k"; the auditor sees exactly that.
  if (tabulation.belowThreshold) {
    tabulation.withholdTables();
    tabulation.table.withholdTotal();
  }
  for (;;) {
    const tables = table.auditTables();
    const report = await audit({ k, noiseBound: NOISE_BOUND, release: tables, earlier });
    summary.rounds++;
    summary.cellsChecked = report.cellsChecked;
    summary.solves += report.solves;
    summary.millis += report.millis;
    summary.exposed = report.exposed.length;
    if (!report.exposed.length) return { results: tabulation.render(), tables, audit: summary };

    let withheld = 0;
    if (summary.rounds < MAX_ROUNDS) {
      for (const exposure of report.exposed) {
        const index = table.indexOf(exposure.key);
        if (index === undefined) continue;
        const candidates = table
          .linesThrough(index)
          .flatMap((line) => [...line.members, line.total])
          .filter((i) => i !== index && table.published(i) !== null && !table.cells[i].structural)
          .sort((a, b) => table.published(a)! - table.published(b)! || a - b);
        if (candidates.length && table.withhold(candidates[0])) withheld++;
      }
    }
    summary.withheldMore += withheld;
    if (!withheld) {
      // Nothing left to withhold near the exposed cells, or too many rounds: publish no tables.
      summary.tablesWithheld = true;
      const results = tabulation.renderWithheld();
      return { results, tables: table.auditTables(), audit: summary };
    }
  }
}
