import type { Stats } from '../results-document';

/**
 * Quantile of values given as counts per value, with the interpolation PostgreSQL's
 * percentile_cont uses (position p * (n - 1) in the sorted list), so ratings (counted in Node)
 * and typed numbers (computed in SQL) follow one definition.
 */
export function quantileOfCounts(sorted: { value: number; n: number }[], p: number): number {
  const total = sorted.reduce((sum, entry) => sum + entry.n, 0);
  const position = p * (total - 1);
  const lower = Math.floor(position);
  const valueAt = (index: number) => {
    let seen = 0;
    for (const entry of sorted) {
      seen += entry.n;
      if (index < seen) return entry.value;
    }
    return sorted[sorted.length - 1].value;
  };
  const low = valueAt(lower);
  return low + (position - lower) * (valueAt(Math.ceil(position)) - low);
}

/** Mean and quartiles from counts per numeric value; null when there is nothing to describe. */
export function statsOfCounts(counts: { value: number; n: number }[]): Stats | null {
  const sorted = counts.filter((entry) => entry.n > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, entry) => sum + entry.n, 0);
  if (!total) return null;
  const mean = sorted.reduce((sum, entry) => sum + entry.value * entry.n, 0) / total;
  return {
    mean: round(mean),
    q1: round(quantileOfCounts(sorted, 0.25)),
    median: round(quantileOfCounts(sorted, 0.5)),
    q3: round(quantileOfCounts(sorted, 0.75)),
  };
}

/** Published figures carry 2 decimals: enough for a chart, and stable across runs. */
export const round = (value: number) => Math.round(value * 100) / 100;
