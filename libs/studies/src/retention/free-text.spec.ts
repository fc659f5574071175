import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { AnswerValidator } from '../../../surveys/src/answers/answer-validator';
import { answersArb } from '../../../../test/support/survey-answers-arbitrary';
import { freeTextPlan, stripFreeText } from './free-text';

const FIXTURES = join(__dirname, '../../../../test/fixtures/third-party/surveyjs');
const SHIPPED = JSON.parse(readFileSync(join(__dirname, '../../../../surveys/resident-survey.json'), 'utf8')).definition;
const RUNS = Number(process.env.FREE_TEXT_RUNS ?? 80);

/**
 * The oracle, written apart from the plan: after stripping, every string left in the answers is
 * something the definition itself declares (a choice, row, column or rate value, a valueTrue or
 * valueFalse) or a date, time or colour an input of that type produces. Anything else is text a
 * respondent typed, which the free-text class must have removed.
 */
function declaredValues(definition: unknown): Set<string> {
  const values = new Set<string>(['other', 'none', 'refused', 'dontknow', 'true', 'false']);
  const add = (value: unknown) => {
    if (typeof value === 'string' || typeof value === 'number') values.add(String(value));
    else if (value && typeof value === 'object' && 'value' in value) add(value.value);
  };
  JSON.stringify(definition, (key, value: unknown) => {
    if (['choices', 'rows', 'columns', 'rateValues'].includes(key) && Array.isArray(value)) value.forEach(add);
    if (['valueTrue', 'valueFalse', 'value'].includes(key)) add(value);
    return value;
  });
  return values;
}
const PRODUCED_BY_INPUTS = /^(\d{4}-\d{2}(-\d{2})?([T ]\d{2}:\d{2}(:\d{2})?)?|\d{2}:\d{2}(:\d{2})?|\d{4}-W\d{2}|#[0-9a-fA-F]{6})$/;

function typedStrings(value: unknown, declared: Set<string>, at = ''): string[] {
  if (typeof value === 'string') return value === '' || declared.has(value) || PRODUCED_BY_INPUTS.test(value) ? [] : [`${at}=${value}`];
  if (Array.isArray(value)) return value.flatMap((item, i) => typedStrings(item, declared, `${at}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => typedStrings(item, declared, `${at}.${key}`));
  return [];
}

const fixtures = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.json'))
  .map((file) => ({ file, definition: JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as Record<string, unknown> }));

describe('the free-text data class', () => {
  it('is, in the shipped resident survey, the two comment questions and the "other" boxes', () => {
    expect(freeTextPlan(SHIPPED)).toEqual({
      keys: ['low_trust_reason', 'participation_ways-Comment', 'barriers-Comment', 'one_change'],
      panels: [],
      matrices: [],
    });
  });

  it('leaves no typed text in any answer set the server accepts, on 35 definitions written by others, and keeps every closed answer', () => {
    const validator = new AnswerValidator();
    let accepted = 0;
    for (const { file, definition } of [...fixtures, { file: 'resident-survey.json', definition: SHIPPED }]) {
      const plan = freeTextPlan(definition);
      const declared = declaredValues(definition);
      fc.assert(
        fc.property(answersArb(definition), ({ answers }) => {
          // Complete: the server computes expressions then (a partial save keeps a client's copy of a panel's expression; see the report).
          const verdict = validator.validate(file, definition, answers, 'complete');
          if (verdict.problems.length) return;
          accepted++;
          const stored = verdict.answers;
          const stripped = stripFreeText(stored, plan);
          expect([file, typedStrings(stripped, declared)]).toEqual([file, []]);
          // Nothing but free text goes: every top-level key left is unchanged, and removed keys are the plan's.
          for (const [key, value] of Object.entries(stripped)) {
            if (!plan.panels.some((p) => p.question === key) && !plan.matrices.some((m) => m.question === key))
              expect(value).toEqual(stored[key]);
          }
          for (const key of Object.keys(stored)) if (!(key in stripped)) expect(plan.keys).toContain(key);
        }),
        { numRuns: RUNS, seed: 20261214 },
      );
    }
    expect(accepted).toBeGreaterThan(150);
  });

  it('notices a plan that forgets the "other" boxes (the check can fail)', () => {
    const plan = freeTextPlan(SHIPPED);
    const forgetful = { ...plan, keys: plan.keys.filter((key) => !key.endsWith('-Comment')) };
    const answers = { barriers: ['other'], 'barriers-Comment': 'Gyvenu toli nuo centro', age_band: '30_44' };
    expect(typedStrings(stripFreeText(answers, forgetful), declaredValues(SHIPPED))).toEqual(['.barriers-Comment=Gyvenu toli nuo centro']);
    expect(typedStrings(stripFreeText(answers, plan), declaredValues(SHIPPED))).toEqual([]);
  });
});
