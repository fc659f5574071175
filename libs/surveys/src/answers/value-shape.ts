import {
  ItemValue,
  Question,
  QuestionBooleanModel,
  QuestionCheckboxModel,
  QuestionCommentModel,
  QuestionMatrixModel,
  QuestionRatingModel,
  QuestionSelectBase,
  QuestionTextModel,
} from 'survey-core';

/**
 * Checks that a value has the shape its question can produce: a choice that exists, an array of
 * existing choices, a number for numeric inputs, a row->column map for a matrix. survey-core's own
 * validation covers required/min/max/validators, but happily stores a choice that does not exist,
 * so this is the part of "the browser is never trusted" that it leaves to us.
 * Returns a reason, or null when the shape is fine.
 */
export type ShapeCheck = (value: unknown) => string | null;

export function valueShapeProblem(question: Question, value: unknown): string | null {
  return compileShapeCheck(question)(value);
}

/**
 * Reads the question's choices, rows and limits once and returns a check over plain Sets:
 * survey-core's property getters are too slow to call on every submission.
 */
export function compileShapeCheck(question: Question): ShapeCheck {
  if (question instanceof QuestionCheckboxModel) return checkboxCheck(question);
  if (question instanceof QuestionSelectBase) return choiceCheck(question);
  if (question instanceof QuestionRatingModel) return ratingCheck(question);
  if (question instanceof QuestionBooleanModel) return booleanCheck(question);
  if (question instanceof QuestionMatrixModel) return matrixCheck(question);
  if (question instanceof QuestionCommentModel) return textCheck(question.maxLength);
  if (question instanceof QuestionTextModel) {
    if (question.inputType === 'number' || question.inputType === 'range') {
      return (value) => (typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number');
    }
    return textCheck(question.maxLength);
  }
  // Types the shipped surveys do not use (panels of dynamic rows, file upload...) are refused
  // rather than stored unchecked; add a check here before using one.
  const reason = `uses question type "${question.getType()}", which the server cannot validate yet`;
  return () => reason;
}

const isScalar = (value: unknown): value is string | number =>
  typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));

export function allowedChoices(question: QuestionSelectBase): ItemValue[] {
  // "choicesFromQuestion": the offered choices are another question's (e.g. pick the main one of your barriers).
  const source = question.choicesFromQuestion ? question.survey?.getQuestionByName(question.choicesFromQuestion) : null;
  const items = source instanceof QuestionSelectBase ? allowedChoices(source) : [...question.choices];
  if (question.showOtherItem) items.push(question.otherItem);
  if (question.showNoneItem) items.push(question.noneItem);
  if (question.showRefuseItem) items.push(question.refuseItem);
  if (question.showDontKnowItem) items.push(question.dontKnowItem);
  return items;
}

function choiceCheck(question: QuestionSelectBase): ShapeCheck {
  const allowed = new Set(allowedChoices(question).map((item) => item.value));
  return (value) => {
    if (!isScalar(value)) return 'must be one of the offered choices';
    return allowed.has(value) ? null : `"${value}" is not one of the offered choices`;
  };
}

function checkboxCheck(question: QuestionCheckboxModel): ShapeCheck {
  const allowed = new Set(allowedChoices(question).map((item) => item.value));
  const { maxSelectedChoices: max, minSelectedChoices: min } = question;
  return (value) => {
    if (!Array.isArray(value)) return 'must be a list of the offered choices';
    const unknown = value.filter((v) => !allowed.has(v));
    if (unknown.length) return `${unknown.map((v) => JSON.stringify(v)).join(', ')} not among the offered choices`;
    if (new Set(value).size !== value.length) return 'lists a choice twice';
    if (max > 0 && value.length > max) return `allows at most ${max} choices`;
    if (min > 0 && value.length > 0 && value.length < min) return `needs at least ${min} choices`;
    return null;
  };
}

function ratingCheck(question: QuestionRatingModel): ShapeCheck {
  const values: unknown[] = question.visibleRateValues.map((item) => item.value);
  return (value) => (isScalar(value) && values.includes(value) ? null : `must be one of ${values.join(', ')}`);
}

function booleanCheck(question: QuestionBooleanModel): ShapeCheck {
  const allowed = [question.valueTrue ?? true, question.valueFalse ?? false];
  return (value) => (allowed.includes(value as never) ? null : 'must be true or false');
}

function matrixCheck(question: QuestionMatrixModel): ShapeCheck {
  const rows = new Set(question.rows.map((item: ItemValue) => String(item.value)));
  const columns = new Set(question.columns.map((item: ItemValue) => item.value));
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must map rows to columns';
    for (const [row, column] of Object.entries(value)) {
      if (!rows.has(row)) return `has no row "${row}"`;
      if (!columns.has(column)) return `row "${row}": ${JSON.stringify(column)} is not one of the columns`;
    }
    return null;
  };
}

function textCheck(maxLength: number): ShapeCheck {
  return (value) => {
    if (typeof value !== 'string') return 'must be text';
    if (maxLength > 0 && value.length > maxLength) return `must be at most ${maxLength} characters`;
    return null;
  };
}
