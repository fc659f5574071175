import { DEFAULT_QUASI_IDENTIFIERS, resolveQuasiIdentifiers } from './anonymisation';

describe('quasi-identifiers of an instrument', () => {
  const shipped = {
    breakdowns: ['age_band', 'gender', 'settlement_type'],
    questions: new Set(['age_band', 'gender', 'settlement_type', 'employment']),
    explicit: {},
  };

  it("map, by default, to the shipped survey's breakdown questions and the response's municipality", () => {
    expect(resolveQuasiIdentifiers(DEFAULT_QUASI_IDENTIFIERS, shipped)).toEqual([
      { quasiIdentifier: 'municipality', source: 'municipality' },
      { quasiIdentifier: 'age_band', source: 'question', question: 'age_band', how: 'breakdown' },
      { quasiIdentifier: 'gender', source: 'question', question: 'gender', how: 'breakdown' },
      { quasiIdentifier: 'settlement_type', source: 'question', question: 'settlement_type', how: 'breakdown' },
    ]);
  });

  it("prefer a researcher's choice, then a question of the same name, and say when nothing maps", () => {
    const survey = { breakdowns: [], questions: new Set(['amzius', 'gender']), explicit: { age_band: 'amzius', settlement_type: 'gone' } };
    expect(resolveQuasiIdentifiers(['age_band', 'gender', 'settlement_type'], survey)).toEqual([
      { quasiIdentifier: 'age_band', source: 'question', question: 'amzius', how: 'set' },
      { quasiIdentifier: 'gender', source: 'question', question: 'gender', how: 'same_name' },
      // A chosen question the current version no longer has is not silently used.
      { quasiIdentifier: 'settlement_type', source: 'unmapped' },
    ]);
  });
});
