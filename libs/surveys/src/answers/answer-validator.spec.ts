import { AnswerValidator } from './answer-validator';

const definition = {
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'radiogroup', name: 'took_part', isRequired: true, choices: ['yes', 'no'] },
        {
          type: 'checkbox',
          name: 'ways',
          visibleIf: "{took_part} = 'yes'",
          isRequired: true,
          maxSelectedChoices: 2,
          showOtherItem: true,
          choices: ['meeting', 'petition', 'survey'],
        },
        { type: 'rating', name: 'trust', rateMin: 1, rateMax: 5 },
        { type: 'text', name: 'years', inputType: 'number', min: 0, max: 100 },
        { type: 'comment', name: 'ideas', maxLength: 10 },
        { type: 'boolean', name: 'would_again' },
        {
          type: 'matrix',
          name: 'trust_in',
          rows: [{ value: 'council' }, { value: 'mayor' }],
          columns: [{ value: 1 }, { value: 2 }, { value: 3 }],
        },
        { type: 'dropdown', name: 'age_band', choices: ['18_29', '30_44'] },
      ],
    },
  ],
};

const reasons = (problems: { field: string; reason: string }[]) => problems.map((p) => `${p.field}: ${p.reason}`);

describe('AnswerValidator', () => {
  const validator = new AnswerValidator();
  const check = (answers: Record<string, unknown>, completeness: 'partial' | 'complete' = 'complete') =>
    reasons(validator.validate('v1', definition, answers, completeness).problems);

  it('accepts a valid complete answer set, including an "other" text', () => {
    expect(
      check({
        took_part: 'yes',
        ways: ['meeting', 'other'],
        'ways-Comment': 'a bench',
        trust: 4,
        years: 12,
        ideas: 'more parks',
        would_again: true,
        trust_in: { council: 2, mayor: 3 },
        age_band: '30_44',
      }),
    ).toEqual([]);
  });

  it('requires questions only when they are shown', () => {
    expect(check({ took_part: 'no' })).toEqual([]);
    expect(check({ took_part: 'yes' })).toEqual([expect.stringMatching(/^answers\.ways: .*required/i)]);
    expect(check({})).toEqual([expect.stringMatching(/^answers\.took_part: .*required/i)]);
  });

  it('refuses an answer to a question hidden by the other answers', () => {
    expect(check({ took_part: 'no', ways: ['meeting'] })).toEqual([
      'answers.ways: is not shown for these answers, so it must stay empty',
    ]);
  });

  it('names each unknown key, wrong choice and wrong type', () => {
    expect(
      check({
        took_part: 'maybe',
        ways: ['meeting', 'riot'],
        trust: 9,
        years: '12',
        ideas: 42,
        would_again: 'yes',
        trust_in: { council: 7 },
        age_band: '99',
        favourite_colour: 'blue',
      }),
    ).toEqual([
      'answers.took_part: "maybe" is not one of the offered choices',
      'answers.ways: "riot" not among the offered choices',
      'answers.trust: must be one of 1, 2, 3, 4, 5',
      'answers.years: must be a number',
      'answers.ideas: must be text',
      'answers.would_again: must be true or false',
      'answers.trust_in: row "council": 7 is not one of the columns',
      'answers.age_band: "99" is not one of the offered choices',
      'answers.favourite_colour: is not a question of this survey version',
    ]);
  });

  it('enforces min/max, maxLength and maxSelectedChoices', () => {
    expect(check({ took_part: 'yes', ways: ['meeting', 'petition', 'survey'] })).toEqual([
      'answers.ways: allows at most 2 choices',
    ]);
    expect(check({ took_part: 'no', ideas: 'far too long for this' })).toEqual([
      'answers.ideas: must be at most 10 characters',
    ]);
    expect(check({ took_part: 'no', years: 101 })).toEqual([expect.stringMatching(/^answers\.years: /)]);
    expect(check({ took_part: 'no', trust_in: { president: 1 } })).toEqual(['answers.trust_in: has no row "president"']);
  });

  it('lets a partial response skip required questions but not break shapes', () => {
    expect(check({}, 'partial')).toEqual([]);
    expect(check({ trust: 3 }, 'partial')).toEqual([]);
    expect(check({ trust: 'high' }, 'partial')).toEqual(['answers.trust: must be one of 1, 2, 3, 4, 5']);
  });

  it('keeps no answers in the cached model between validations', () => {
    check({ took_part: 'yes', ways: ['meeting'] });
    expect(check({})).toEqual([expect.stringMatching(/took_part/)]);
  });
});
