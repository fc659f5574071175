import fc from 'fast-check';
import { planResults, type ResultPlan } from '../../libs/results/src/definition/result-items';
import { Tabulation } from '../../libs/results/src/compile/build-results';
import { auditAndProtect } from '../../libs/results/src/disclosure/release-audit';
import { jsAggregates } from '../support/js-aggregates';
import { naiveCompile } from '../support/naive-compile';
import { disclosureViolations } from './disclosure-checks';
import type { PublishedMunicipality } from './published';
import { municipalityArb, propertyDefinition, propertyRuns, PROPERTY_BREAKDOWNS } from './property-municipality';

/**
 * The disclosure property on the protected pure build step (tabulation, perturbation, auditor,
 * rendering: what the worker runs between the SQL counts and storing a release), fed by counts
 * taken in plain JS (test/support/js-aggregates.ts) with random record keys. For every generated
 * municipality: the compile succeeds, no published count is in 1..k-1, and the attacker's LP
 * reader (its own model, test/attacks/lp-reader.ts) pins nothing. The same property fails on the
 * unprotected compile (property-naive.spec.ts). RESULTS_PROPERTY_RUNS=5000 for a long run.
 */
const K = 5;
/** The noise bound the platform documents (README: results, +-2); the attacker reads it from there. */
const DOCUMENTED_NOISE = 2;
const plans = new Map<boolean, ResultPlan>([true, false].map((required) => [required, planResults(propertyDefinition(required), PROPERTY_BREAKDOWNS)]));

const caseArb = fc.record({ m: municipalityArb, keySeed: fc.integer() });

describe('disclosure property on the protected build step', () => {
  it('every generated municipality compiles and discloses nothing to the LP reader', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ m, keySeed }) => {
        const plan = plans.get(m.requiredBreakdowns)!;
        let state = keySeed >>> 0 || 1;
        const keys = m.answers.map(() => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0), state >>> 24));
        const aggregates = jsAggregates(plan, m.answers, keys);
        const tabulation = new Tabulation({ plan, k: K, ...aggregates });
        const { results } = await auditAndProtect(tabulation, K, []);
        const doc = { code: 'm', responses: results.publishedResponses, belowThreshold: results.belowThreshold, items: results.items } as unknown as PublishedMunicipality;
        const required = ['trust', ...(m.requiredBreakdowns ? PROPERTY_BREAKDOWNS : [])];
        expect(await disclosureViolations(doc, { k: K, noise: DOCUMENTED_NOISE, requiredItems: required })).toEqual([]);
      }),
      { numRuns: propertyRuns(150), seed: Number(process.env.RESULTS_PROPERTY_SEED ?? 20261129) },
    );
  }, 1800000);

  it('the same check fails on the unprotected compile of the same generated municipalities', async () => {
    const result = await fc.check(
      fc.asyncProperty(caseArb, async ({ m }) => {
        const doc = naiveCompile(plans.get(m.requiredBreakdowns)!, m.answers, K);
        const required = ['trust', ...(m.requiredBreakdowns ? PROPERTY_BREAKDOWNS : [])];
        return (await disclosureViolations(doc, { k: K, noise: 0, requiredItems: required })).length === 0;
      }),
      { numRuns: 50, seed: Number(process.env.RESULTS_PROPERTY_SEED ?? 20261129) },
    );
    expect(result.failed).toBe(true);
  }, 600000);
});
