import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AnswerValidator } from '../../libs/surveys/src/answers/answer-validator';
import { createAnswerGenerator, SYNTHETIC_FREE_TEXTS } from './synthetic-responses';

const file = JSON.parse(readFileSync(join(__dirname, '../../surveys/resident-survey.json'), 'utf8'));
const shipped: Record<string, unknown> = file.definition;

/** Problems the server (shape + compiled checks) and the full survey-core model find, per answer set. */
function problemsOf(definition: Record<string, unknown>, versionId: string, sets: Record<string, unknown>[]) {
  const validator = new AnswerValidator();
  return sets.flatMap((answers, i) =>
    [
      ...validator.validate(versionId, definition, answers, 'complete').problems,
      ...validator.validateWithFullModel(versionId, definition, answers),
    ].map((p) => ({ set: i, ...p, answers })),
  );
}

const generate = (definition: Record<string, unknown>, n: number, seed: number) => {
  const next = createAnswerGenerator(definition, { seed });
  return Array.from({ length: n }, () => next());
};

describe('synthetic responses for the shipped resident survey', () => {
  const sets = generate(shipped, 300, 20260101);

  it('are complete answer sets the full survey-core model accepts', () => {
    expect(problemsOf(shipped, 'shipped', sets)).toEqual([]);
  });

  it('answer hidden-when questions only when shown, and free text only sometimes', () => {
    for (const answers of sets) {
      expect('participation_ways' in answers).toBe(answers.participated_12m === true);
      if ('main_barrier' in answers) expect((answers.barriers as unknown[]).length).toBeGreaterThan(1);
      if ('main_barrier' in answers) expect(answers.barriers).toContain(answers.main_barrier);
      if ((answers.trust_municipality as number) > 2) expect(answers).not.toHaveProperty('low_trust_reason');
      expect(Object.keys(answers).some((key) => key.endsWith('-Comment'))).toBe(false);
    }
    expect(sets.some((a) => 'main_barrier' in a)).toBe(true);
    expect(sets.some((a) => 'participation_ways' in a)).toBe(true);
    const texts = sets.filter((a) => typeof a.one_change === 'string');
    expect(texts.length / sets.length).toBeGreaterThan(0.2);
    expect(texts.length / sets.length).toBeLessThan(0.4);
    for (const a of texts) expect(SYNTHETIC_FREE_TEXTS).toContain(a.one_change);
    // Optional closed questions are mostly, not always, answered.
    const influence = sets.filter((a) => 'influence' in a).length / sets.length;
    expect(influence).toBeGreaterThan(0.75);
    expect(influence).toBeLessThan(0.95);
  });

  it('never picks the "other" item, and keeps checkboxes within their limits', () => {
    for (const answers of sets) {
      for (const key of ['participation_ways', 'barriers']) expect(answers[key] ?? []).not.toContain('other');
      expect((answers.priorities as unknown[]).length).toBeLessThanOrEqual(3);
    }
  });

  it('is deterministic for a seed', () => {
    expect(generate(shipped, 50, 7)).toEqual(generate(shipped, 50, 7));
    expect(generate(shipped, 50, 7)).not.toEqual(generate(shipped, 50, 8));
  });

  it('is skewed: within some questions one choice is picked more than 5x as often as another', () => {
    const many = generate(shipped, 3000, 11);
    const skewed = ['informed', 'age_band', 'gender', 'settlement_type', 'priorities', 'barriers'].filter((name) => {
      const counts = new Map<unknown, number>();
      for (const answers of many) {
        const value = answers[name];
        for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      const values = [...counts.values()];
      return Math.max(...values) > 5 * Math.min(...values);
    });
    expect(skewed.length).toBeGreaterThanOrEqual(2);
  });
});

describe('synthetic responses for other SurveyJS features', () => {
  const definition: Record<string, unknown> = {
    pages: [
      {
        name: 'p1',
        elements: [
          // Refers forward to `role`: the generator must decide `role` first.
          { type: 'comment', name: 'why_staff', visibleIf: "{role} = 'staff'", isRequired: true },
          { type: 'dropdown', name: 'role', isRequired: true, choices: ['resident', 'staff', 'visitor'] },
          { type: 'rating', name: 'score', isRequired: true, rateValues: [0, 5, 10] },
          { type: 'boolean', name: 'agree', isRequired: true, valueTrue: 'yes', valueFalse: 'no' },
          {
            type: 'checkbox',
            name: 'topics',
            isRequired: true,
            showNoneItem: true,
            showOtherItem: true,
            choices: ['a', 'b', 'c', 'd', 'e'],
          },
          {
            type: 'checkbox',
            name: 'pairs',
            isRequired: true,
            choices: ['p', 'q', 'r', 's'],
            validators: [{ type: 'answercount', minCount: 2, maxCount: 3 }],
          },
          { type: 'checkbox', name: 'not_chosen', choicesFromQuestion: 'topics', choicesFromQuestionMode: 'unselected' },
          { type: 'radiogroup', name: 'any_topic', choicesFromQuestion: 'topics' },
          {
            type: 'matrix',
            name: 'grid',
            isAllRowRequired: true,
            columns: ['low', 'high'],
            rows: ['x', 'y', 'z'],
          },
          { type: 'text', name: 'email', inputType: 'email', requiredIf: "{agree} = 'yes'", validators: [{ type: 'email' }] },
          { type: 'text', name: 'count', inputType: 'number', validators: [{ type: 'numeric', minValue: 3, maxValue: 7 }] },
          { type: 'text', name: 'short', maxLength: 40, validators: [{ type: 'text', minLength: 5 }] },
        ],
      },
      {
        name: 'p2',
        visibleIf: "{agree} = 'yes'",
        elements: [
          {
            type: 'panel',
            name: 'inner',
            visibleIf: '{score} >= 5',
            elements: [{ type: 'radiogroup', name: 'deep', isRequired: true, choices: [1, 2, 3] }],
          },
          { type: 'text', name: 'never', visible: false, isRequired: true },
        ],
      },
    ],
  };
  const sets = generate(definition, 120, 5);

  it('are accepted by the server and the full survey-core model', () => {
    expect(problemsOf(definition, 'features', sets)).toEqual([]);
  });

  it('cover the conditional paths', () => {
    expect(sets.some((a) => 'why_staff' in a)).toBe(true);
    expect(sets.some((a) => 'deep' in a)).toBe(true);
    expect(sets.some((a) => a.agree === 'yes' && !('deep' in a))).toBe(true);
    expect(sets.some((a) => Array.isArray(a.topics) && a.topics.length === 1)).toBe(true); // the "none" item
    expect(sets.every((a) => !('never' in a))).toBe(true);
    expect(sets.every((a) => Object.keys(a.grid as object).length === 3)).toBe(true);
    expect(sets.every((a) => [2, 3].includes((a.pairs as unknown[]).length))).toBe(true);
  });

  it('refuses question types it cannot answer validly', () => {
    const unsupported = { elements: [{ type: 'file', name: 'upload' }] };
    expect(() => createAnswerGenerator(unsupported)).toThrow(/"upload" has type "file"/);
  });
});
