import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { accuracyMarkdown, noiseMoments } from './accuracy';
import { cellKey, isWithheld, KEY_SPACE, NOISE_BOUND, noiseFor, noiseRows, perturb, roundStat } from './ptable';

describe('ptable', () => {
  it('covers all 256 keys for every count', () => {
    for (const v of [0, 1, 2, 3, 10, 1_000_000]) expect(noiseRows(v).reduce((s, r) => s + r.slots, 0)).toBe(KEY_SPACE);
  });

  it('is exactly unbiased, with the stated variance, for every count', () => {
    expect(noiseMoments(0)).toEqual({ mean: 0, variance: 0, meanAbsolute: 0 });
    expect(noiseMoments(1).mean).toBe(0);
    expect(noiseMoments(1).variance).toBe(0.75);
    for (const v of [2, 3, 5, 50, 5000]) {
      expect(noiseMoments(v).mean).toBe(0);
      expect(noiseMoments(v).variance).toBe(1.0625);
    }
    // The same, counted over the 256 keys one by one (not from the rows' declared slots).
    for (const v of [1, 2, 7]) {
      const noises = Array.from({ length: KEY_SPACE }, (_, key) => noiseFor(v, key));
      expect(noises.reduce((s, x) => s + x, 0)).toBe(0);
    }
  });

  it('stays within the bound, never makes a count negative, and keeps 0 at 0', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.integer({ min: -1e9, max: 1e9 }), (v, keySum) => {
        const p = perturb(v, keySum);
        expect(Math.abs(p - v)).toBeLessThanOrEqual(NOISE_BOUND);
        expect(p).toBeGreaterThanOrEqual(0);
        if (v === 0) expect(p).toBe(0);
        if (v > 0) expect(p).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('gives the same noise to the same people, whatever order their keys are added in', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 300 }), (keys) => {
        const forward = keys.reduce((s, x) => s + x, 0);
        const backward = [...keys].reverse().reduce((s, x) => s + x, 0);
        expect(perturb(keys.length, forward)).toBe(perturb(keys.length, backward));
        // A difference of sums (e.g. skipped = responses - answered) gives the same key as summing the rest.
        const [first, ...rest] = keys;
        expect(cellKey(forward - first)).toBe(cellKey(rest.reduce((s, x) => s + x, 0)));
      }),
    );
  });

  it('withholds monotonically in k: what a lower k withheld stays withheld under a higher one', () => {
    fc.assert(
      fc.property(fc.nat(200), fc.nat(1e6), fc.integer({ min: 2, max: 99 }), fc.integer({ min: 1, max: 50 }), (v, key, k, raise) => {
        const p = perturb(v, key);
        if (isWithheld(p, k)) expect(isWithheld(p, k + raise)).toBe(true);
      }),
    );
  });

  it('rounds stats to two significant figures', () => {
    expect([3.47, 137, 0.0123, 12.25, -4.44, 0].map(roundStat)).toEqual([3.5, 140, 0.012, 12, -4.4, 0]);
  });

  it('documents its accuracy in the README as computed here', () => {
    const readme = readFileSync(join(__dirname, '../../../../README.md'), 'utf8');
    for (const row of accuracyMarkdown()) expect(readme).toContain(row);
  });
});
