import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  ItemValue,
  Model,
  Question,
  QuestionBooleanModel,
  QuestionCheckboxModel,
  QuestionCommentModel,
  QuestionExpressionModel,
  QuestionImagePickerModel,
  QuestionMatrixDropdownModel,
  QuestionMatrixDynamicModel,
  QuestionMatrixModel,
  QuestionMultipleTextModel,
  QuestionPanelDynamicModel,
  QuestionRankingModel,
  QuestionRatingModel,
  QuestionSelectBase,
  QuestionSliderModel,
  QuestionTextModel,
} from 'survey-core';
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

/** A generated value and whether it breaks a stricter platform rule by construction. */
interface Generated {
  value: unknown;
  strictlyWrong: boolean;
}
const ok = (value: unknown): Generated => ({ value, strictlyWrong: false });
const wrong = (value: unknown): Generated => ({ value, strictlyWrong: true });

const okArb = <T>(arb: fc.Arbitrary<T>) => arb.map(ok);
const wrongArb = <T>(arb: fc.Arbitrary<T>) => arb.map(wrong);

const words = fc.constantFrom('Vilnius', 'a', 'some words', '  padded  ', 'x'.repeat(60), '12', 'ąčęėįšųūž');
const blank = fc.constantFrom('', ' ', '   \t');
const NOT_OFFERED = 'zz-not-offered';

function choiceValues(question: QuestionSelectBase, inherited: ItemValue[] = []): unknown[] {
  const items = [...question.choices, ...inherited];
  const values: unknown[] = items.map((item: ItemValue) => item.value);
  if (question.showOtherItem) values.push(question.otherItem.value);
  if (question.showNoneItem) values.push(question.noneItem.value);
  return values;
}

/** Values a question could receive from a careless, hostile or honest client; driven by survey-core's parsed question. */
function valueArb(question: Question, urlQuestions: Set<string>, inherited: ItemValue[] = []): fc.Arbitrary<Generated> {
  if (question instanceof QuestionSelectBase && urlQuestions.has(question.name)) {
    const multiple = question instanceof QuestionCheckboxModel;
    return multiple ? okArb(fc.uniqueArray(words, { maxLength: 3 })) : fc.oneof(okArb(words), wrongArb(fc.constant(true)));
  }
  if (question instanceof QuestionRankingModel) {
    const values = choiceValues(question);
    return fc.oneof(
      okArb(fc.shuffledSubarray(values)),
      wrongArb(fc.shuffledSubarray(values).map((v) => [...v, NOT_OFFERED])),
      wrongArb(fc.constantFrom(values[0])),
    );
  }
  if (question instanceof QuestionCheckboxModel || (question instanceof QuestionImagePickerModel && question.multiSelect)) {
    const values = choiceValues(question, inherited);
    if (!values.length) return wrongArb(fc.constant([NOT_OFFERED]));
    const max = (question as QuestionCheckboxModel).maxSelectedChoices;
    const tooMany = (picked: unknown[]): Generated => (max > 0 && picked.length > max ? wrong(picked) : ok(picked));
    const custom = (question as { allowCustomChoices?: boolean }).allowCustomChoices;
    return fc.oneof(
      { weight: 4, arbitrary: fc.subarray(values).map(tooMany) },
      { weight: 1, arbitrary: (custom ? okArb : wrongArb)(fc.subarray(values).map((v) => [...v, NOT_OFFERED])) },
      { weight: 1, arbitrary: wrongArb(fc.constantFrom(...values)) },
      { weight: 1, arbitrary: wrongArb(fc.subarray(values, { minLength: 1 }).map((v) => [...v, v[0]])) },
    );
  }
  if (question instanceof QuestionSelectBase) {
    const values = choiceValues(question, inherited);
    if (!values.length) return wrongArb(fc.constant(NOT_OFFERED));
    const custom = (question as { allowCustomChoices?: boolean }).allowCustomChoices;
    return fc.oneof(
      { weight: 5, arbitrary: okArb(fc.constantFrom(...values)) },
      { weight: 1, arbitrary: (custom ? okArb : wrongArb)(fc.constant(NOT_OFFERED)) },
      { weight: 1, arbitrary: wrongArb(fc.constant([values[0]])) },
    );
  }
  if (question instanceof QuestionRatingModel) {
    const values = question.visibleRateValues.map((item) => item.value);
    return fc.oneof({ weight: 5, arbitrary: okArb(fc.constantFrom(...values)) }, { weight: 1, arbitrary: wrongArb(fc.constantFrom(-1, 1000, 'x')) });
  }
  if (question instanceof QuestionBooleanModel) {
    const yes = question.valueTrue ?? true;
    const no = question.valueFalse ?? false;
    return fc.oneof({ weight: 5, arbitrary: okArb(fc.constantFrom(yes, no)) }, { weight: 1, arbitrary: wrongArb(fc.constant('maybe')) });
  }
  if (question instanceof QuestionMatrixModel) {
    const rows = question.rows.map((row: ItemValue) => String(row.value));
    const columns = question.columns.map((column: ItemValue) => column.value);
    return fc.oneof(
      { weight: 5, arbitrary: okArb(fc.dictionary(fc.constantFrom(...rows), fc.constantFrom(...columns), { maxKeys: rows.length })) },
      { weight: 1, arbitrary: wrongArb(fc.constant({ [rows[0]]: NOT_OFFERED })) },
    );
  }
  if (question instanceof QuestionMatrixDropdownModel || question instanceof QuestionMatrixDynamicModel) {
    const cells = question.columns.map((column) => ({
      name: column.name,
      arb: valueArb(column.templateQuestion, urlQuestions, column.templateQuestion instanceof QuestionSelectBase && !column.templateQuestion.choices.length ? question.choices : []),
    }));
    const rowArb = recordArb(cells);
    if (question instanceof QuestionMatrixDynamicModel) {
      return fc.oneof(
        { weight: 5, arbitrary: fc.array(rowArb, { maxLength: 4 }).map(merge) },
        { weight: 1, arbitrary: wrongArb(fc.constant({ 0: {} })) },
      );
    }
    const rows = question.rows.map((row: ItemValue) => String(row.value));
    return fc.oneof(
      { weight: 5, arbitrary: fc.subarray(rows).chain((chosen) => fc.tuple(...chosen.map(() => rowArb)).map((values) => mergeRecord(chosen, values))) },
      { weight: 1, arbitrary: wrongArb(fc.constant({ 'no-such-row': {} })) },
    );
  }
  if (question instanceof QuestionPanelDynamicModel) {
    const inner = question.template.questions
      .filter((q: Question) => !['html', 'image'].includes(q.getType()))
      .map((q: Question) => ({ name: q.getValueName(), arb: valueArb(q, urlQuestions) }));
    const max = Math.min(question.maxPanelCount || 4, 4);
    return fc.oneof(
      { weight: 5, arbitrary: fc.array(recordArb(inner), { maxLength: max }).map(merge) },
      { weight: 1, arbitrary: wrongArb(fc.constant([{ 'no-such-question': 1 }])) },
    );
  }
  if (question instanceof QuestionMultipleTextModel) {
    return recordArb(question.items.map((item) => ({ name: item.name, arb: valueArb(item.editor, urlQuestions) })));
  }
  if (question instanceof QuestionExpressionModel) return okArb(fc.oneof(fc.integer(), fc.constant('forged')));
  if (question instanceof QuestionSliderModel) {
    return fc.oneof({ weight: 5, arbitrary: okArb(fc.integer({ min: -10, max: 200 })) }, { weight: 1, arbitrary: wrongArb(fc.constant('50')) });
  }
  if (question instanceof QuestionCommentModel) return fc.oneof(okArb(words), okArb(blank), wrongArb(fc.constant(5)));
  if (question instanceof QuestionTextModel) {
    const mask = question.maskType;
    const savesMaskedText = Boolean((question.maskSettings as { saveMaskedValue?: boolean } | undefined)?.saveMaskedValue);
    const numeric = question.inputType === 'number' || question.inputType === 'range' || ((mask === 'numeric' || mask === 'currency') && !savesMaskedText);
    if (numeric) {
      return fc.oneof(
        { weight: 5, arbitrary: okArb(fc.oneof(fc.integer({ min: -20, max: 250 }), fc.double({ min: -5, max: 5, noNaN: true, noDefaultInfinity: true }))) },
        { weight: 1, arbitrary: wrongArb(fc.constantFrom('12', 'abc')) },
      );
    }
    if (question.inputType === 'email') return fc.oneof(okArb(fc.constantFrom('gyventojas@example.lt', 'not-an-email', 'a@b')), okArb(blank));
    if (question.inputType === 'date') return fc.oneof(okArb(fc.constantFrom('2024-01-31', '1999-12-01', 'yesterday')), okArb(blank));
    return fc.oneof({ weight: 4, arbitrary: okArb(words) }, { weight: 1, arbitrary: okArb(blank) }, { weight: 1, arbitrary: wrongArb(fc.constant(42)) });
  }
  return okArb(fc.constant(undefined));
}

/** An object of some of the named fields; strictly wrong when any field is. */
function recordArb(fields: { name: string; arb: fc.Arbitrary<Generated> }[]): fc.Arbitrary<Generated> {
  if (!fields.length) return okArb(fc.constant({}));
  return fc.tuple(...fields.map((f) => fc.option(f.arb, { nil: undefined, freq: 3 }))).map((values) => {
    const value: Record<string, unknown> = {};
    let strictlyWrong = false;
    values.forEach((generated, index) => {
      if (!generated || generated.value === undefined) return;
      value[fields[index].name] = generated.value;
      strictlyWrong ||= generated.strictlyWrong;
    });
    return { value, strictlyWrong };
  });
}

function merge(items: Generated[]): Generated {
  return { value: items.map((item) => item.value), strictlyWrong: items.some((item) => item.strictlyWrong) };
}

function mergeRecord(keys: string[], items: Generated[]): Generated {
  return { value: Object.fromEntries(keys.map((key, i) => [key, items[i].value])), strictlyWrong: items.some((item) => item.strictlyWrong) };
}

/** Answer sets for a whole definition, with now and then a key no question has (`toString`, `constructor`...). */
function answersArb(definition: object): fc.Arbitrary<{ answers: Record<string, unknown>; strictlyWrong: boolean }> {
  const model = new Model(definition);
  // Read from the JSON: questions inside dynamic panels exist in the model only once a panel does.
  const urlQuestions = new Set<string>();
  JSON.stringify(definition, (key, value) => {
    if (value && typeof value === 'object' && 'choicesByUrl' in value && typeof value.name === 'string') urlQuestions.add(value.name);
    return value;
  });
  const fields = model
    .getAllQuestions(false)
    .filter((q: Question) => !['html', 'image'].includes(q.getType()))
    .map((q: Question) => ({ name: q.getValueName(), arb: valueArb(q, urlQuestions) }));
  const names = new Set(fields.map((f) => f.name));
  const strangers = ['toString', 'constructor', 'hasOwnProperty', 'prototype', 'not_a_question'].filter((key) => !names.has(key));
  return fc.tuple(recordArb(fields), fc.option(fc.constantFrom(...strangers), { freq: 8 })).map(([generated, stranger]) => {
    const answers = { ...(generated.value as Record<string, unknown>) }; // fast-check reuses generated values
    if (stranger) answers[stranger] = 'x';
    return { answers, strictlyWrong: generated.strictlyWrong || Boolean(stranger) };
  });
}

/** survey-core's own verdict, plus the stricter rules the model itself can tell: nothing for hidden questions, only offered choices. */
function surveyCoreAccepts(definition: object, answers: Record<string, unknown>): boolean {
  const model = new Model(definition);
  model.data = JSON.parse(JSON.stringify(answers));
  for (const question of model.getAllQuestions(false, false, true) as Question[]) {
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
      for (const q of new Model(definition).getAllQuestions(false, false, true) as Question[]) types.add(q.getType());
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
      const fast: ServerJudge = (answers) => validator.validate(file as string, definition as object, answers, 'complete').problems;
      const full: ServerJudge = (answers) => validator.validateWithFullModel(file as string, definition as object, answers);
      fc.assert(verdictProperty(definition as object, fast), { numRuns: RUNS, seed: 11 });
      fc.assert(verdictProperty(definition as object, full), { numRuns: RUNS, seed: 12 });
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
