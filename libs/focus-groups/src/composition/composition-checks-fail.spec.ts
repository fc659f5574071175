import fc from 'fast-check';
import * as broken from '../../../../test/support/focus-groups/broken-engines';
import { properties, RUNS, SEED } from '../../../../test/support/focus-groups/composition-properties';

/**
 * Each property of composition.properties.spec.ts, run on an engine broken the way a real mistake
 * would break it, must find a counterexample: a check that cannot fail proves nothing.
 */
const cases: Array<[keyof typeof properties, keyof typeof broken, string]> = [
  ['keepsTheRules', 'ignoresNo', 'an engine that reads "no" as "if need be"'],
  ['keepsTheRules', 'ignoresCapacity', 'an engine that over-recruits past the cap'],
  ['keepsTheRules', 'ignoresHomogeneity', 'an engine that drops the homogeneity requirement'],
  ['keepsTheRules', 'invitesTwice', 'an engine that invites someone to two sessions'],
  ['sameSeedSameResult', 'unseeded', 'an engine that draws a fresh seed'],
  ['sameSeedSameResult', 'orderDependent', 'an engine whose result depends on the input order'],
  ['otherSeedOnlyAmongEquals', 'greedyShuffled', 'a greedy engine whose seeded order changes its objective'],
  ['withinOnePercentOfLpBound', 'greedyInOrder', 'a greedy engine (first come, first served)'],
  ['withinOnePercentOfLpBound', 'overstatesObjective', 'an engine that reports a better objective than it has'],
  ['equalsIndependentMipOptimum', 'greedyInOrder', 'a greedy engine (first come, first served)'],
  ['agreesWithBruteForce', 'greedyInOrder', 'a greedy engine (first come, first served)'],
  ['agreesWithBruteForce', 'fixedSeed', 'an engine that ignores the seed it is given (right objective, wrong draw)'],
];

describe('focus-group composition: each property fails on a broken engine', () => {
  it.each(cases)('%s catches %s (%s)', async (property, engine) => {
    const check = properties[property](broken[engine]) as fc.IAsyncProperty<unknown[]>;
    const outcome = await fc.check(check, { numRuns: RUNS * 3, seed: SEED, endOnFailure: true });
    // SHOW_FAILURES=1 prints what each broken engine was caught at.
    if (process.env.SHOW_FAILURES) console.log(engine, String(outcome.errorInstance).split('\n').slice(0, 3).join(' / ').slice(0, 300));
    expect(outcome.failed).toBe(true);
  });
});
