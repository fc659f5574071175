import fc from 'fast-check';
import { naiveCompile, naivePlan } from '../support/naive-compile';
import { disclosureViolations } from './disclosure-checks';
import { municipalityArb, propertyDefinition, PROPERTY_BREAKDOWNS } from './property-municipality';

/**
 * The disclosure property (test/e2e/results-properties.e2e-spec.ts holds the protected compile to
 * it) FAILS on the unprotected compile: fast-check finds a municipality whose tables the LP reader
 * pins, within a few cases. So the property can fail, and passing it means something.
 */
const K = 5;
const plans = new Map([true, false].map((required) => [required, naivePlan(propertyDefinition(required), PROPERTY_BREAKDOWNS)]));

describe('the disclosure property on the unprotected compile', () => {
  it('is violated: fast-check finds municipalities the LP reader reads', async () => {
    const result = await fc.check(
      fc.asyncProperty(municipalityArb, async (m) => {
        const doc = naiveCompile(plans.get(m.requiredBreakdowns)!, m.answers, K);
        const violations = await disclosureViolations(doc, { k: K, noise: 0, requiredItems: ['trust', ...(m.requiredBreakdowns ? PROPERTY_BREAKDOWNS : [])] });
        return violations.length === 0;
      }),
      { numRuns: 50, seed: 42 },
    );
    expect(result.failed).toBe(true);
    expect(result.numRuns).toBeLessThanOrEqual(50);
  });
});
