import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Model, Question, QuestionPanelDynamicModel, QuestionSelectBase } from 'survey-core';
import { answersArb } from '../../../../test/support/survey-answers-arbitrary';
import { checkDefinition } from '../definition-check';
import { AnswerValidator } from './answer-validator';
import type { AnswerProblem } from './answer-problems';

/**
 * The one-verdict rule on definitions written by others (test/fixtures/third-party): for every
 * generated answer set, the server accepts exactly when survey-core's own model accepts (a fresh
 * Model of the definition, the answers as data, `validate()`) and the answers break none of the
 * platform's stricter rules. The generator knows which stricter rule a value breaks because it
 * made it so (a wrong JSON type, a choice that does not exist, an unknown key); survey-core's
 * model tells which questions are shown and which choices are offered for the answers.
 */
const FIXTURES = join(__dirname, '../../../../test/fixtures/third-party/surveyjs');
/** Refused on purpose, each for a reason the README states: a file or signature question, two questions sharing one answer, nothing to answer. */
const REFUSED_AT_IMPORT = new Set([
  'all-question-types-with-comments.json',
  'signaturepad-text.json',
  'paneldynamic-from-checkbox.json',
  'paneldynamic-matrixdynamic-employees.json',
  'image-elements.json',
  'paneldynamic-number-validators.json',
  'paneldynamic-template-title.json',
]);
const RUNS = Number(process.env.VERDICT_RUNS ?? 300);

const fixtures = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.json'))
  .map((file) => ({ file, definition: JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as object }));

/** survey-core's own verdict, plus the stricter rules the model itself can tell: nothing for hidden questions, only offered choices. */
function surveyCoreAccepts(definition: object, answers: Record<string, unknown>): boolean {
  const model = new Model(definition);
  model.data = JSON.parse(JSON.stringify(answers));
  for (const question of model.getAllQuestions(false, false, true)) {
    if (question.isEmpty() || ['expression', 'html', 'image'].includes(question.getType())) continue;
    if (question.parentQuestion && !(question.parentQuestion instanceof QuestionPanelDynamicModel)) continue; // matrix cells
    if (!sentByClient(question, answers)) continue; // a default the definition computes, not the resident's answer
    if (!(question.isVisible && question.isParentVisible)) return false;
    if (question instanceof QuestionSelectBase && !question.choicesByUrl?.url) {
      const offered = new Set(question.visibleChoices.map((item) => item.value));
      if (question.showOtherItem) offered.add(question.otherItem.value);
      const picked = Array.isArray(question.value) ? question.value : [question.value];
      const custom = (question as { allowCustomChoices?: boolean }).allowCustomChoices;
      if (picked.some((v: unknown) => !offered.has(v) && !(custom && typeof v === 'string'))) return false;
    }
  }
  return model.validate(true, false);
}

/** Whether the client's answers hold a value for this question (at the top, or in its dynamic panel). */
function sentByClient(question: Question, answers: Record<string, unknown>): boolean {
  const owner = question.parentQuestion;
  if (!(owner instanceof QuestionPanelDynamicModel)) return Object.prototype.hasOwnProperty.call(answers, question.getValueName());
  if (!sentByClient(owner, answers)) return false;
  const index = owner.panels.findIndex((panel) => panel.questions.includes(question));
  const panels = owner.value as Record<string, unknown>[] | undefined;
  const clientPanels = answers[owner.getValueName()];
  return Array.isArray(clientPanels) && index >= 0 && Boolean(panels) && clientPanels[index] !== undefined &&
    Object.prototype.hasOwnProperty.call(clientPanels[index], question.getValueName());
}

type ServerJudge = (answers: Record<string, unknown>) => AnswerProblem[];

function verdictProperty(definition: object, judge: ServerJudge) {
  return fc.property(answersArb(definition), ({ answers, strictlyWrong }) => {
    const server = judge(answers).length === 0;
    const expected = !strictlyWrong && surveyCoreAccepts(definition, answers);
    if (server !== expected) throw new Error(`${(definition as { title?: string }).title ?? ''} server ${server ? 'accepts' : 'refuses'}, survey-core and the stricter rules ${expected ? 'accept' : 'refuse'}: ${JSON.stringify(answers)}\n${JSON.stringify(judge(answers))}`);
  });
}

describe('third-party SurveyJS definitions (test/fixtures/third-party)', () => {
  it('are at least 20 that import, covering every answerable type', () => {
    const types = new Set<string>();
    let imported = 0;
    for (const { file, definition } of fixtures) {
      const { problems } = checkDefinition(definition, []);
      if (REFUSED_AT_IMPORT.has(file)) {
        expect({ file, refused: problems.length > 0 }).toEqual({ file, refused: true });
        continue;
      }
      expect({ file, problems }).toEqual({ file, problems: [] });
      imported++;
      for (const q of new Model(definition).getAllQuestions(false, false, true)) types.add(q.getType());
    }
    expect(imported).toBeGreaterThanOrEqual(20);
    for (const type of ['paneldynamic', 'matrixdropdown', 'matrixdynamic', 'multipletext', 'tagbox', 'ranking', 'imagepicker', 'boolean', 'expression', 'html', 'text', 'comment', 'checkbox', 'radiogroup', 'dropdown', 'rating', 'matrix']) {
      expect({ type, covered: types.has(type), types: [...types] }).toEqual({ type, covered: true, types: [...types] });
    }
  });

  const importable = fixtures.filter(({ file }) => !REFUSED_AT_IMPORT.has(file));
  it.each(importable.map(({ file, definition }) => [file, definition]))(
    '%s: the fast path and the full path give survey-core\'s verdict',
    (file, definition) => {
      const validator = new AnswerValidator();
      const fast: ServerJudge = (answers) => validator.validate(file, definition, answers, 'complete').problems;
      const full: ServerJudge = (answers) => validator.validateWithFullModel(file, definition, answers);
      fc.assert(verdictProperty(definition, fast), { numRuns: RUNS, seed: 11 });
      fc.assert(verdictProperty(definition, full), { numRuns: RUNS, seed: 12 });
    },
  );

  it('catch a server that judges differently (a validator that forgets required questions)', () => {
    const validator = new AnswerValidator();
    const forgetful: (file: string, definition: object) => ServerJudge = (file, definition) => (answers) =>
      validator.validate(file, definition, answers, 'complete').problems.filter((p) => !/required/i.test(p.reason));
    const caught = importable.filter(({ file, definition }) => fc.check(verdictProperty(definition, forgetful(file, definition)), { numRuns: RUNS, seed: 13 }).failed);
    expect(caught.length).toBeGreaterThan(5);
  });
});
