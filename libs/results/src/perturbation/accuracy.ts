import { noiseRows, KEY_SPACE } from './ptable';

/** Mean and variance of the noise for a true count, straight from the ptable. */
export function noiseMoments(trueCount: number): { mean: number; variance: number; meanAbsolute: number } {
  const rows = noiseRows(trueCount);
  const mean = rows.reduce((s, r) => s + (r.noise * r.slots) / KEY_SPACE, 0);
  const variance = rows.reduce((s, r) => s + ((r.noise - mean) ** 2 * r.slots) / KEY_SPACE, 0);
  const meanAbsolute = rows.reduce((s, r) => s + (Math.abs(r.noise) * r.slots) / KEY_SPACE, 0);
  return { mean, variance, meanAbsolute };
}

/**
 * Expected absolute error of a published percentage (count / answered, both perturbed with
 * independent keys) against the true one, in percentage points, for n answers and a true share.
 * Exact: sums over every pair of noise values.
 */
export function percentageError(n: number, share: number): number {
  const count = Math.round(n * share);
  let expected = 0;
  for (const a of noiseRows(count)) {
    for (const b of noiseRows(n)) {
      const p = (a.slots / KEY_SPACE) * (b.slots / KEY_SPACE);
      expected += p * Math.abs((100 * (count + a.noise)) / (n + b.noise) - (100 * count) / n);
    }
  }
  return expected;
}

export interface AccuracyRow {
  n: number;
  /** Expected absolute error of a count (any count >= 2). */
  countError: number;
  /** Of a percentage, in points, at a true share of 10% and of 50%. */
  percent10: number;
  percent50: number;
}

export const ACCURACY_SIZES = [50, 500, 5000];

export function accuracyTable(): AccuracyRow[] {
  return ACCURACY_SIZES.map((n) => ({
    n,
    countError: noiseMoments(n).meanAbsolute,
    percent10: percentageError(n, 0.1),
    percent50: percentageError(n, 0.5),
  }));
}

/** The table as the README prints it (markdown rows), so a test can check the README is current. */
export function accuracyMarkdown(): string[] {
  return accuracyTable().map(
    (r) => `| ${r.n} | ${r.countError.toFixed(2)} | ${r.percent10.toFixed(3)} | ${r.percent50.toFixed(3)} |`,
  );
}
