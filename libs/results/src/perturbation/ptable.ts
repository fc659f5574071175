/**
 * Cell-key perturbation (the method of the Australian Bureau of Statistics' TableBuilder and the
 * UK's 2021 census tables). Every response holds a random record key 0..255, written once when it
 * is inserted and never exported. A cell's key is the sum of its records' keys modulo 256, so a
 * cell holding the same people gets the same key, and so the same noise, in every table and every
 * release; a cell with one person more or fewer gets an unrelated key, so subtracting two releases
 * does not give one person's answers.
 *
 * The noise for a true count v >= 1 and a cell key c is read from a fixed table: the 256 keys are
 * shared out among the noise values in proportion to their probability. Probabilities are whole
 * multiples of 1/256, so with uniform keys the noise is exactly unbiased. v = 0 stays 0 (nobody to
 * protect, and a perturbed zero would print people who do not exist).
 */

/** Largest noise added to or taken from a count. */
export const NOISE_BOUND = 2;

/** Key slots (out of 256) per noise value, from -NOISE_BOUND to +NOISE_BOUND. */
export interface NoiseRow {
  noise: number;
  slots: number;
}

/** For v >= 2: symmetric, half the cells untouched. Variance 272/256 = 1.0625. */
const GENERAL: NoiseRow[] = [
  { noise: -2, slots: 24 },
  { noise: -1, slots: 40 },
  { noise: 0, slots: 128 },
  { noise: 1, slots: 40 },
  { noise: 2, slots: 24 },
];

/** For v = 1: a count cannot go below 0, so -2 is not allowed; +2 balances -1. Variance 192/256 = 0.75. */
const ONE: NoiseRow[] = [
  { noise: -1, slots: 72 },
  { noise: 0, slots: 136 },
  { noise: 1, slots: 24 },
  { noise: 2, slots: 24 },
];

export const KEY_SPACE = 256;

/** The noise distribution used for a true count (empty for 0: no noise). */
export function noiseRows(trueCount: number): NoiseRow[] {
  if (trueCount <= 0) return [{ noise: 0, slots: KEY_SPACE }];
  return trueCount === 1 ? ONE : GENERAL;
}

/** A cell's key from the sum of its records' keys (any integer, also a difference of sums). */
export const cellKey = (keySum: number): number => ((keySum % KEY_SPACE) + KEY_SPACE) % KEY_SPACE;

/** The noise a cell gets: a fixed function of its true count and its cell key. */
export function noiseFor(trueCount: number, key: number): number {
  let slot = cellKey(key);
  for (const row of noiseRows(trueCount)) {
    if (slot < row.slots) return row.noise;
    slot -= row.slots;
  }
  throw new Error('ptable rows must cover 256 keys'); // unreachable: checked by ptable.spec.ts
}

/** The published (perturbed) count; never negative, 0 stays 0. */
export const perturb = (trueCount: number, keySum: number): number => trueCount + noiseFor(trueCount, keySum);

/**
 * Counts below k after perturbation are published as "fewer than k", true zeros included, so a
 * withheld cell does not read as "at least 1". The rule depends on the published value only,
 * which does not depend on k: raising k withholds a superset of what a lower k withheld.
 */
export const isWithheld = (published: number, k: number): boolean => published < k;

/**
 * Means, medians and quartiles only for groups of at least this many (perturbed) answers: with a
 * handful of answers a quartile is one resident's exact answer.
 */
export const statsThreshold = (k: number): number => Math.max(4 * k, 20);

/** Published stats carry 2 significant figures (3.47 -> 3.5, 137 -> 140): enough for a chart, and they move less when one answer changes. */
export function roundStat(value: number): number {
  if (!Number.isFinite(value) || value === 0) return 0;
  const digits = 2 - Math.ceil(Math.log10(Math.abs(value)));
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  return Number(rounded.toPrecision(2));
}
