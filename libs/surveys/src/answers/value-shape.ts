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
export function valueShapeProblem(question: Question, value: unknown): string | null {
  if (question instanceof QuestionCheckboxModel) return checkboxProblem(question, value);
  if (question instanceof QuestionSelectBase) return choiceProblem(question, value);
  if (question instanceof QuestionRatingModel) return ratingProblem(question, value);
  if (question instanceof QuestionBooleanModel) return booleanProblem(question, value);
  if (question instanceof QuestionMatrixModel) return matrixProblem(question, value);
  if (question instanceof QuestionCommentModel) return textProblem(value, question.maxLength);
  if (question instanceof QuestionTextModel) {
    return question.inputType === 'number' || question.inputType === 'range'
      ? typeof value === 'number' && Number.isFinite(value)
        ? null
        : 'must be a number'
      : textProblem(value, question.maxLength);
  }
  // Types the shipped surveys do not use (panels of dynamic rows, file upload...) are refused
  // rather than stored unchecked; add a check here before using one.
  return `uses question type "${question.getType()}", which the server cannot validate yet`;
}

const isScalar = (value: unknown): value is string | number =>
  typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));

function allowedChoices(question: QuestionSelectBase): ItemValue[] {
  // "choicesFromQuestion": the offered choices are another question's (e.g. pick the main one of your barriers).
  const source = question.choicesFromQuestion ? question.survey?.getQuestionByName(question.choicesFromQuestion) : null;
  const items = source instanceof QuestionSelectBase ? allowedChoices(source) : [...question.choices];
  if (question.showOtherItem) items.push(question.otherItem);
  if (question.showNoneItem) items.push(question.noneItem);
  if (question.showRefuseItem) items.push(question.refuseItem);
  if (question.showDontKnowItem) items.push(question.dontKnowItem);
  return items;
}

const hasChoice = (items: ItemValue[], value: unknown) => items.some((item) => item.value === value);

function choiceProblem(question: QuestionSelectBase, value: unknown): string | null {
  if (!isScalar(value)) return 'must be one of the offered choices';
  return hasChoice(allowedChoices(question), value) ? null : `"${value}" is not one of the offered choices`;
}

function checkboxProblem(question: QuestionCheckboxModel, value: unknown): string | null {
  if (!Array.isArray(value)) return 'must be a list of the offered choices';
  const items = allowedChoices(question);
  const unknown = value.filter((v) => !hasChoice(items, v));
  if (unknown.length) return `${unknown.map((v) => JSON.stringify(v)).join(', ')} not among the offered choices`;
  if (new Set(value).size !== value.length) return 'lists a choice twice';
  if (question.maxSelectedChoices > 0 && value.length > question.maxSelectedChoices) {
    return `allows at most ${question.maxSelectedChoices} choices`;
  }
  if (question.minSelectedChoices > 0 && value.length > 0 && value.length < question.minSelectedChoices) {
    return `needs at least ${question.minSelectedChoices} choices`;
  }
  return null;
}

function ratingProblem(question: QuestionRatingModel, value: unknown): string | null {
  if (!isScalar(value)) return 'must be one of the rating values';
  const values = question.visibleRateValues.map((item) => item.value);
  return values.includes(value) ? null : `must be one of ${values.join(', ')}`;
}

function booleanProblem(question: QuestionBooleanModel, value: unknown): string | null {
  const allowed = [question.valueTrue ?? true, question.valueFalse ?? false];
  return allowed.includes(value as never) ? null : 'must be true or false';
}

function matrixProblem(question: QuestionMatrixModel, value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must map rows to columns';
  const rows: ItemValue[] = question.rows;
  const columns: ItemValue[] = question.columns;
  for (const [row, column] of Object.entries(value)) {
    if (!rows.some((item) => String(item.value) === row)) return `has no row "${row}"`;
    if (!hasChoice(columns, column)) return `row "${row}": ${JSON.stringify(column)} is not one of the columns`;
  }
  return null;
}

function textProblem(value: unknown, maxLength: number): string | null {
  if (typeof value !== 'string') return 'must be text';
  if (maxLength > 0 && value.length > maxLength) return `must be at most ${maxLength} characters`;
  return null;
}
