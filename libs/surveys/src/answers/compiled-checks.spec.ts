import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ItemValue, Model, QuestionMatrixModel, QuestionSelectBase } from 'survey-core';
import { AnswerValidator } from './answer-validator';
import { CompiledChecks } from './compiled-checks';

const shipped = JSON.parse(readFileSync(join(__dirname, '../../../../surveys/resident-survey.json'), 'utf8')).definition;

/** A small deterministic PRNG so a failure can be replayed. */
function prng(seed: number) {
  return () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** Answers of the right shape but random completeness: skipped, hidden-but-answered, out of range... */
function randomAnswers(definition: object, random: () => number): Record<string, unknown> {
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const answers: Record<string, unknown> = {};
  for (const q of new Model(definition).getAllQuestions()) {
    if (random() < 0.3) continue;
    const name = q.getValueName();
    if (q instanceof QuestionSelectBase) {
      const values = [...q.choices.map((c: ItemValue) => c.value), ...(q.showOtherItem ? ['other'] : [])];
      const chosen = q.getType() === 'checkbox' ? values.filter(() => random() < 0.3).slice(0, 3) : pick(values);
      answers[name] = chosen;
      if (q.showOtherItem && random() < 0.5) answers[`${name}-Comment`] = random() < 0.8 ? 'text' : '';
    } else if (q instanceof QuestionMatrixModel) {
      answers[name] = Object.fromEntries(
        q.rows.filter(() => random() < 0.7).map((r: ItemValue) => [r.value, pick(q.columns.map((c: ItemValue) => c.value))]),
      );
    } else if (q.getType() === 'rating') answers[name] = 1 + Math.floor(random() * 5);
    else if (q.getType() === 'boolean') answers[name] = random() < 0.5;
    else if (q.getType() === 'text') answers[name] = Math.floor(random() * 140) - 20;
    else answers[name] = random() < 0.9 ? 'some words' : '';
  }
  return answers;
}

const flagged = (problems: { question: string }[]) => [...new Set(problems.map((p) => p.question))].sort();

describe('CompiledChecks agree with the full survey-core model', () => {
  it.each([
    ['the shipped resident survey', shipped, 1],
    ['a survey using requiredIf, page visibleIf and eachRowRequired', {
      pages: [
        { name: 'a', elements: [
          { type: 'radiogroup', name: 'resident', choices: ['yes', 'no'], isRequired: true },
          { type: 'text', name: 'years', inputType: 'number', min: 0, max: 80, requiredIf: "{resident} = 'yes'" },
          { type: 'matrix', name: 'grid', eachRowRequired: true, rows: ['r1', 'r2'], columns: [1, 2, 3] },
        ] },
        { name: 'b', visibleIf: "{resident} = 'yes'", elements: [
          { type: 'checkbox', name: 'ways', choices: ['x', 'y', 'z'], isRequired: true, minSelectedChoices: 2 },
          { type: 'comment', name: 'why', validators: [{ type: 'text', minLength: 3 }] },
        ] },
      ],
    }, 7],
  ])('on 400 random answer sets for %s', (_name, definition, seed) => {
    const validator = new AnswerValidator();
    const model = new Model(definition);
    expect(CompiledChecks.compile(model, definition as object)).not.toBeNull();
    const random = prng(seed);
    let compared = 0;
    let rejected = 0;
    for (let i = 0; i < 400; i++) {
      const answers = randomAnswers(definition as object, random);
      // Shape problems stop both paths before completeness is judged; compare only past that point.
      if (validator.validate(`v${seed}`, definition as object, answers, 'partial').problems.length) continue;
      const fast = flagged(validator.validate(`v${seed}`, definition as object, answers, 'complete').problems);
      const full = flagged(validator.validateWithFullModel(`v${seed}`, definition as object, answers));
      expect({ answers, flagged: fast }).toEqual({ answers, flagged: full });
      compared++;
      if (fast.length) rejected++;
    }
    // The comparison means something only if many sets were judged, some accepted and some refused.
    expect(compared).toBeGreaterThan(150);
    expect(rejected).toBeGreaterThan(20);
    expect(compared - rejected).toBeGreaterThan(5);
  });

  it('falls back to the full model for constructs it does not cover', () => {
    const withExpression = { elements: [{ type: 'text', name: 'a', validators: [{ type: 'expression', expression: '{a} > 1' }] }] };
    const withChoiceConditions = { elements: [{ type: 'radiogroup', name: 'b', choices: ['x'], choicesVisibleIf: '{item} != "y"' }] };
    expect(CompiledChecks.compile(new Model(withExpression), withExpression)).toBeNull();
    expect(CompiledChecks.compile(new Model(withChoiceConditions), withChoiceConditions)).toBeNull();
  });
});
