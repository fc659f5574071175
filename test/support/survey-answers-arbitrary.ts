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

/**
 * Answer sets for any SurveyJS definition, driven by survey-core's parsed model: right and wrong
 * JSON types, choices offered and not, panels and matrix rows, required questions left empty,
 * blank text, validators' edges, and now and then a key no question has. Each value says whether
 * it breaks one of the platform's stricter rules by construction (`strictlyWrong`).
 */
/** A generated value and whether it breaks a stricter platform rule by construction. */
export interface Generated {
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
export function answersArb(definition: object): fc.Arbitrary<{ answers: Record<string, unknown>; strictlyWrong: boolean }> {
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

