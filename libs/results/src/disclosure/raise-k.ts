import { isWithheld, statsThreshold } from '../perturbation/ptable';
import type { Cell, ItemResult, MunicipalityResults } from '../results-document';

/**
 * A release made under a lower k, served after k was raised: every count now below k is
 * withheld, stats follow the higher threshold, and a municipality now below k shows nothing.
 * Published values do not depend on k, so this is exactly what a release under the new k would
 * withhold by the k rule (cells withheld under the lower k stay withheld).
 */
export function underK(m: MunicipalityResults, releaseK: number, k: number): MunicipalityResults {
  if (k <= releaseK) return m;
  if (m.responses === null || isWithheld(m.responses, k)) return { ...m, responses: null, belowThreshold: true, items: [] };
  const cell = (c: Cell): Cell => (c.suppressed || !isWithheld(c.count, k) ? c : { count: null, suppressed: true });
  const group = <T extends { answered: Cell; counts: { value: string; count: Cell }[]; stats: ItemResult['stats'] }>(g: T): T => {
    const answered = cell(g.answered);
    return {
      ...g,
      answered,
      counts: g.counts.map((c) => ({ ...c, count: cell(c.count) })),
      stats: answered.suppressed || answered.count < statsThreshold(k) ? null : g.stats,
    };
  };
  return {
    ...m,
    items: m.items.map((item) => ({
      ...group(item),
      skipped: cell(item.skipped),
      breakdowns: item.breakdowns.map((b) => ({ ...b, groups: b.groups.map(group) })),
    })),
  };
}
