import fc from 'fast-check';

/**
 * Realistic municipalities for property tests: a compact survey with every question type the
 * compiler counts (radiogroup, dropdown, checkbox, rating, boolean, matrix rows, a typed number)
 * and the three breakdowns of the resident survey, including the rare groups ("other" gender,
 * farmsteads), which are optional or required per case; answers with skewed and sparse
 * distributions; 1 to 3,000 responses (mostly small, where disclosure happens).
 */
export function propertyDefinition(requiredBreakdowns: boolean): Record<string, unknown> {
  return {
    pages: [
      {
        name: 'p1',
        elements: [
          { type: 'radiogroup', name: 'informed', choices: ['very_well', 'well', 'poorly', 'not_at_all'] },
          { type: 'dropdown', name: 'future', choices: ['certainly', 'probably', 'unlikely', 'never', 'unsure'] },
          { type: 'checkbox', name: 'channels', choices: ['web', 'meeting', 'newspaper', 'radio'] },
          { type: 'rating', name: 'trust', rateMin: 1, rateMax: 5, isRequired: true },
          { type: 'boolean', name: 'participated' },
          { type: 'matrix', name: 'services', columns: ['1', '2', '3'], rows: ['roads', 'schools'] },
          { type: 'text', name: 'years', inputType: 'number', min: 0, max: 100 },
          { type: 'dropdown', name: 'age_band', isRequired: requiredBreakdowns, choices: ['18_29', '30_44', '45_59', '60_74', '75_plus'] },
          { type: 'radiogroup', name: 'gender', isRequired: requiredBreakdowns, choices: ['female', 'male', 'other', 'prefer_not'] },
          { type: 'radiogroup', name: 'settlement_type', isRequired: requiredBreakdowns, choices: ['city', 'town', 'village', 'farmstead'] },
        ],
      },
    ],
  };
}
export const PROPERTY_BREAKDOWNS = ['age_band', 'gender', 'settlement_type'];

export interface MunicipalityCase {
  requiredBreakdowns: boolean;
  answers: Record<string, unknown>[];
}

/** Weights for n choices: Zipf with a random exponent (0 = uniform, 3 = one dominant answer). */
const weightsArb = (n: number) =>
  fc.record({ exponent: fc.double({ min: 0, max: 3, noNaN: true }), shift: fc.nat({ max: n - 1 }) }).map(({ exponent, shift }) =>
    Array.from({ length: n }, (_, i) => 1 / Math.pow(((i + shift) % n) + 1, exponent)),
  );

const responsesArb = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 60 }) },
  { weight: 3, arbitrary: fc.integer({ min: 61, max: 400 }) },
  { weight: 1, arbitrary: fc.integer({ min: 401, max: 3000 }) },
);

export const municipalityArb: fc.Arbitrary<MunicipalityCase> = fc
  .record({
    requiredBreakdowns: fc.boolean(),
    responses: responsesArb,
    seed: fc.integer(),
    skipRate: fc.double({ min: 0, max: 0.5, noNaN: true }),
    informed: weightsArb(4),
    future: weightsArb(5),
    trust: weightsArb(5),
    matrix: weightsArb(3),
    age: weightsArb(5),
    // Rare groups: "other" gender and farmsteads around 0.5-2% of residents.
    rare: fc.double({ min: 0.002, max: 0.03, noNaN: true }),
    channelRates: fc.array(fc.double({ min: 0, max: 0.9, noNaN: true }), { minLength: 4, maxLength: 4 }),
  })
  .map((p) => {
    let state = p.seed >>> 0 || 1;
    const random = () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(values: T[], weights: number[]): T => {
      let r = random() * weights.reduce((a, b) => a + b, 0);
      for (let i = 0; i < values.length; i++) if ((r -= weights[i]) < 0) return values[i];
      return values[values.length - 1];
    };
    const maybe = (value: unknown, answers: Record<string, unknown>, name: string, required = false) => {
      if (required || random() >= p.skipRate) answers[name] = value;
    };
    const answers = Array.from({ length: p.responses }, () => {
      const a: Record<string, unknown> = {};
      maybe(pick(['very_well', 'well', 'poorly', 'not_at_all'], p.informed), a, 'informed');
      maybe(pick(['certainly', 'probably', 'unlikely', 'never', 'unsure'], p.future), a, 'future');
      const channels = ['web', 'meeting', 'newspaper', 'radio'].filter((_, i) => random() < p.channelRates[i]);
      if (channels.length) maybe(channels, a, 'channels');
      a.trust = pick([1, 2, 3, 4, 5], p.trust);
      maybe(random() < 0.3, a, 'participated');
      const services: Record<string, string> = {};
      for (const row of ['roads', 'schools']) if (random() >= p.skipRate) services[row] = pick(['1', '2', '3'], p.matrix);
      if (Object.keys(services).length) a.services = services;
      maybe(Math.min(100, Math.floor(-Math.log(1 - random()) * 15)), a, 'years');
      maybe(pick(['18_29', '30_44', '45_59', '60_74', '75_plus'], p.age), a, 'age_band', p.requiredBreakdowns);
      maybe(pick(['female', 'male', 'other', 'prefer_not'], [0.52, 0.45, p.rare, 0.03]), a, 'gender', p.requiredBreakdowns);
      maybe(pick(['city', 'town', 'village', 'farmstead'], [0.5, 0.3, 0.18, p.rare]), a, 'settlement_type', p.requiredBreakdowns);
      return a;
    });
    return { requiredBreakdowns: p.requiredBreakdowns, answers };
  });

export const propertyRuns = (defaultRuns: number) => Number(process.env.RESULTS_PROPERTY_RUNS ?? defaultRuns);
