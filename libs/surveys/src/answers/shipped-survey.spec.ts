import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Model } from 'survey-core';
import { definitionProblems } from '../definition-check';
import { AnswerValidator } from './answer-validator';

const root = join(__dirname, '../../../..');
const file = JSON.parse(readFileSync(join(root, 'surveys/resident-survey.json'), 'utf8'));
const example = JSON.parse(readFileSync(join(root, 'surveys/resident-survey.example-answers.json'), 'utf8'));

/** Walks the definition and returns the paths of user-visible strings that are not in both languages. */
function untranslated(node: unknown, path = 'definition'): string[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => untranslated(item, `${path}[${i}]`));
  if (typeof node !== 'object' || node === null) return [];
  const visibleKeys = ['title', 'description', 'text', 'otherText', 'labelTrue', 'labelFalse', 'completedHtml', 'minRateDescription', 'maxRateDescription'];
  return Object.entries(node).flatMap(([key, value]) => {
    if (visibleKeys.includes(key)) {
      const ok = typeof value === 'object' && value !== null && 'default' in value && 'lt' in value;
      return ok ? [] : [`${path}.${key}`];
    }
    return untranslated(value, `${path}.${key}`);
  });
}

describe('the shipped resident survey', () => {
  it('is a usable definition with 20+ questions of the commissioned types and its breakdowns', () => {
    expect(definitionProblems(file.definition, file.breakdowns)).toEqual([]);
    const questions = new Model(file.definition).getAllQuestions();
    expect(questions.length).toBeGreaterThanOrEqual(20);
    const types = new Set(questions.map((q) => q.getType()));
    for (const type of ['radiogroup', 'checkbox', 'rating', 'matrix', 'dropdown', 'comment']) expect(types).toContain(type);
    expect(questions.filter((q) => q.visibleIf).length).toBeGreaterThanOrEqual(3);
    expect(file.breakdowns).toEqual(['age_band', 'gender', 'settlement_type']);
  });

  it('has every visible text in English and Lithuanian', () => {
    expect(untranslated(file.definition)).toEqual([]);
  });

  it('accepts its example answers on the server and refuses them with a required answer removed', () => {
    const validator = new AnswerValidator();
    expect(validator.validate('shipped', file.definition, example, 'complete').problems).toEqual([]);
    const { gender: _removed, ...withoutGender } = example;
    expect(validator.validate('shipped', file.definition, withoutGender, 'complete').problems).toEqual([
      expect.objectContaining({ field: 'answers.gender', question: 'gender' }),
    ]);
    expect(validator.validate('shipped', file.definition, { ...example, main_barrier: 'health' }, 'complete').problems).toEqual([
      expect.objectContaining({ field: 'answers.main_barrier' }),
    ]);
  });
});
