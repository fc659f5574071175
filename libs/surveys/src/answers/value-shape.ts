import {
  ItemValue,
  type MatrixDropdownColumn,
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
  settings,
} from 'survey-core';

/**
 * Checks that a value has the shape its question can produce: a choice that exists, an array of
 * existing choices, a number for numeric inputs, a row->column map for a matrix, a list of panels
 * of known questions for a dynamic panel. survey-core's own validation covers required, min/max
 * and validators, but happily keeps a choice that does not exist or a value of the wrong JSON type,
 * so this is the part of "the browser is never trusted" that it leaves to us (the platform's
 * stricter rules, listed in the README). Returns a reason, or null when the shape is fine.
 * Reasons of nested values start with their path (`[0].name: ...`, `.row.column: ...`).
 */
export type ShapeCheck = (value: unknown) => string | null;

/** Longest text accepted where the server cannot know the choices (choicesByUrl without a stored list). */
export const FREE_CHOICE_MAX_LENGTH = 1000;
/** Longest text accepted for a text question without its own maxLength. */
export const TEXT_MAX_LENGTH = 20000;

export interface ShapeOptions {
  /** Names of questions whose choices come from an outside address the server never calls. */
  choicesByUrl: ReadonlySet<string>;
}

const NO_OPTIONS: ShapeOptions = { choicesByUrl: new Set() };

/** The types that hold no answer at all: a value under their name is an unknown key. */
export const NO_ANSWER_TYPES = new Set(['html', 'image']);
/** Values the server computes itself; whatever the client sends for them is replaced. */
export const SERVER_COMPUTED_TYPES = new Set(['expression']);

export function valueShapeProblem(question: Question, value: unknown, options = NO_OPTIONS): string | null {
  return compileShapeCheck(question, options)(value);
}

/**
 * Reads the question's choices, rows and limits once and returns a check over plain Sets:
 * survey-core's property getters are too slow to call on every submission.
 */
export function compileShapeCheck(question: Question, options: ShapeOptions = NO_OPTIONS): ShapeCheck {
  if (options.choicesByUrl.has(question.name) && question instanceof QuestionSelectBase) return freeChoiceCheck(question);
  if (question instanceof QuestionRankingModel) return rankingCheck(question);
  if (question instanceof QuestionCheckboxModel) return checkboxCheck(question);
  if (question instanceof QuestionImagePickerModel && question.multiSelect) return checkboxCheck(question);
  if (question instanceof QuestionSelectBase) return choiceCheck(question);
  if (question instanceof QuestionRatingModel) return ratingCheck(question);
  if (question instanceof QuestionBooleanModel) return booleanCheck(question);
  if (question instanceof QuestionMatrixModel) return matrixCheck(question);
  if (question instanceof QuestionMatrixDynamicModel) return matrixDynamicCheck(question, options);
  if (question instanceof QuestionMatrixDropdownModel) return matrixDropdownCheck(question, options);
  if (question instanceof QuestionPanelDynamicModel) return panelDynamicCheck(question, options);
  if (question instanceof QuestionMultipleTextModel) return multipleTextCheck(question, options);
  if (question instanceof QuestionExpressionModel) return isJsonScalar;
  if (question instanceof QuestionSliderModel) return sliderCheck(question);
  if (question instanceof QuestionCommentModel) return textCheck(question.maxLength);
  if (question instanceof QuestionTextModel) return textInputCheck(question);
  // Refused at import (definition-check.ts), so a stored version never reaches this line.
  const reason = `uses question type "${question.getType()}", which the server cannot validate`;
  return () => reason;
}

/** True when compileShapeCheck knows the question's type (file, signaturepad and custom types are not). */
export function hasShapeCheck(question: Question): boolean {
  return valueShapeProblem(question, undefined)?.startsWith('uses question type') !== true;
}

const isScalar = (value: unknown): value is string | number =>
  typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));

const isJsonScalar: ShapeCheck = (value) =>
  isScalar(value) || typeof value === 'boolean' ? null : 'must be a number, text or true/false';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const hasOwn = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

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

/** A choice the resident typed in (`allowCustomChoices`): any non-blank text up to a length. */
function customChoiceProblem(question: QuestionSelectBase, value: unknown): string | null | undefined {
  if (!(question as { allowCustomChoices?: boolean }).allowCustomChoices) return undefined;
  if (typeof value !== 'string') return undefined;
  return value.length > FREE_CHOICE_MAX_LENGTH ? `a typed-in choice must be at most ${FREE_CHOICE_MAX_LENGTH} characters` : null;
}

function choiceCheck(question: QuestionSelectBase, inherited: ItemValue[] = []): ShapeCheck {
  const allowed = new Set([...allowedChoices(question), ...inherited].map((item) => item.value));
  return (value) => {
    if (!isScalar(value) && typeof value !== 'boolean') return 'must be one of the offered choices';
    if (allowed.has(value)) return null;
    const custom = customChoiceProblem(question, value);
    return custom !== undefined ? custom : `${JSON.stringify(value)} is not one of the offered choices`;
  };
}

function checkboxCheck(question: QuestionSelectBase, inherited: ItemValue[] = []): ShapeCheck {
  const allowed = new Set([...allowedChoices(question), ...inherited].map((item) => item.value));
  const { maxSelectedChoices: max } = question as QuestionCheckboxModel;
  return (value) => {
    if (!Array.isArray(value)) return 'must be a list of the offered choices';
    const unknown = value.filter((v) => !allowed.has(v) && customChoiceProblem(question, v) !== null);
    if (unknown.length) return `${unknown.map((v) => JSON.stringify(v)).join(', ')} not among the offered choices`;
    if (new Set(value).size !== value.length) return 'lists a choice twice';
    if (max > 0 && value.length > max) return `allows at most ${max} choices`;
    return null;
  };
}

function rankingCheck(question: QuestionRankingModel): ShapeCheck {
  const allowed = new Set(allowedChoices(question).map((item) => item.value));
  return (value) => {
    if (!Array.isArray(value)) return 'must be a list of the offered choices in ranked order';
    const unknown = value.filter((v) => !allowed.has(v));
    if (unknown.length) return `${unknown.map((v) => JSON.stringify(v)).join(', ')} not among the offered choices`;
    if (new Set(value).size !== value.length) return 'ranks a choice twice';
    return null;
  };
}

/** choicesByUrl with no stored list: the server never calls the address, so any short text is taken. */
function freeChoiceCheck(question: QuestionSelectBase): ShapeCheck {
  const one: ShapeCheck = (value) => {
    if (!isScalar(value)) return 'must be text or a number';
    return String(value).length > FREE_CHOICE_MAX_LENGTH ? `must be at most ${FREE_CHOICE_MAX_LENGTH} characters` : null;
  };
  const multiple = question instanceof QuestionCheckboxModel || (question instanceof QuestionImagePickerModel && question.multiSelect);
  if (!multiple) return one;
  return (value) => {
    if (!Array.isArray(value)) return 'must be a list of choices';
    if (new Set(value).size !== value.length) return 'lists a choice twice';
    for (const [index, item] of value.entries()) {
      const reason = one(item);
      if (reason) return `[${index}]: ${reason}`;
    }
    return null;
  };
}

function ratingCheck(question: QuestionRatingModel): ShapeCheck {
  const values: unknown[] = question.visibleRateValues.map((item) => item.value);
  return (value) => (isScalar(value) && values.includes(value) ? null : `must be one of ${values.join(', ')}`);
}

function booleanCheck(question: QuestionBooleanModel): ShapeCheck {
  const allowed = [question.valueTrue ?? true, question.valueFalse ?? false];
  return (value) => (allowed.includes(value) ? null : 'must be true or false');
}

function sliderCheck(question: QuestionSliderModel): ShapeCheck {
  const isNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
  if ((question as { sliderType?: string }).sliderType === 'range') {
    return (value) => (Array.isArray(value) && value.length === 2 && value.every(isNumber) ? null : 'must be two numbers');
  }
  return (value) => (isNumber(value) ? null : 'must be a number');
}

function matrixCheck(question: QuestionMatrixModel): ShapeCheck {
  const rows = new Set(question.rows.map((item: ItemValue) => String(item.value)));
  const columns = new Set(question.columns.map((item: ItemValue) => item.value));
  return (value) => {
    if (!isPlainObject(value)) return 'must map rows to columns';
    for (const [row, column] of Object.entries(value)) {
      if (!rows.has(row)) return `has no row "${row}"`;
      if (!columns.has(column)) return `row "${row}": ${JSON.stringify(column)} is not one of the columns`;
    }
    return null;
  };
}

/** A map of known keys to their checks: the shape of one matrix row, one dynamic panel, one multiple-text answer. */
function recordCheck(fields: Map<string, ShapeCheck>, what: string): ShapeCheck {
  return (value) => {
    if (!isPlainObject(value)) return `must be an object of ${what}`;
    for (const key of Object.keys(value)) {
      const check = hasOwn(value, key) ? fields.get(key) : undefined;
      if (!check) return `.${key}: is not one of the ${what}`;
      const reason = check(value[key]);
      if (reason) return `.${key}${reason.startsWith('.') || reason.startsWith('[') ? '' : ': '}${reason}`;
    }
    return null;
  };
}

function listCheck(item: ShapeCheck, max: number, what: string): ShapeCheck {
  return (value) => {
    if (!Array.isArray(value)) return `must be a list of ${what}`;
    if (value.length > max) return `has ${value.length} ${what}, at most ${max} are allowed`;
    for (const [index, element] of value.entries()) {
      const reason = item(element);
      if (reason) return `[${index}]${reason.startsWith('.') ? '' : ': '}${reason}`;
    }
    return null;
  };
}

/** The keys one question may fill inside a container: its value, and its comment / "other" text. */
function addQuestionFields(fields: Map<string, ShapeCheck>, question: Question, options: ShapeOptions) {
  if (NO_ANSWER_TYPES.has(question.getType())) return;
  fields.set(question.getValueName(), compileShapeCheck(question, options));
  if (hasCommentText(question)) fields.set(`${question.getValueName()}${settings.commentSuffix}`, textCheck(0));
}

export function hasCommentText(question: Question): boolean {
  return Boolean(question.showCommentArea || (question instanceof QuestionSelectBase && question.showOtherItem));
}

function panelDynamicCheck(question: QuestionPanelDynamicModel, options: ShapeOptions): ShapeCheck {
  const fields = new Map<string, ShapeCheck>();
  for (const inner of question.template.questions) addQuestionFields(fields, inner, options);
  const max = question.maxPanelCount > 0 ? question.maxPanelCount : settings.panel.maxPanelCount;
  return listCheck(recordCheck(fields, 'questions of the panel'), max, 'panels');
}

function columnFields(question: QuestionMatrixDropdownModel | QuestionMatrixDynamicModel, options: ShapeOptions) {
  const fields = new Map<string, ShapeCheck>();
  for (const column of question.columns as MatrixDropdownColumn[]) {
    const cell = column.templateQuestion;
    fields.set(column.name, cellCheck(question, cell, options));
    if (hasCommentText(cell)) fields.set(`${column.name}${settings.commentSuffix}`, textCheck(0));
  }
  return fields;
}

/** A column without its own choices offers the matrix's. */
function cellCheck(matrix: QuestionMatrixDropdownModel | QuestionMatrixDynamicModel, cell: Question, options: ShapeOptions): ShapeCheck {
  const inheritsChoices = cell instanceof QuestionSelectBase && !cell.choices.length && !cell.choicesFromQuestion && !options.choicesByUrl.has(cell.name);
  if (!inheritsChoices) return compileShapeCheck(cell, options);
  if (cell instanceof QuestionRankingModel || cell instanceof QuestionCheckboxModel) return checkboxCheck(cell, matrix.choices);
  return choiceCheck(cell, matrix.choices);
}

function matrixDropdownCheck(question: QuestionMatrixDropdownModel, options: ShapeOptions): ShapeCheck {
  const row = recordCheck(columnFields(question, options), 'columns');
  const rows = new Map<string, ShapeCheck>(question.rows.map((item: ItemValue) => [String(item.value), row]));
  return recordCheck(rows, 'rows');
}

function matrixDynamicCheck(question: QuestionMatrixDynamicModel, options: ShapeOptions): ShapeCheck {
  const max = question.maxRowCount > 0 ? question.maxRowCount : settings.matrix.maxRowCount;
  return listCheck(recordCheck(columnFields(question, options), 'columns'), max, 'rows');
}

function multipleTextCheck(question: QuestionMultipleTextModel, options: ShapeOptions): ShapeCheck {
  const fields = new Map<string, ShapeCheck>(question.items.map((item) => [item.name, compileShapeCheck(item.editor, options)]));
  return recordCheck(fields, 'items');
}

/** survey-core stores a number for numeric inputs and for numeric or currency masks (unless told to keep the masked text). */
function textInputCheck(question: QuestionTextModel): ShapeCheck {
  const mask = question.maskType;
  const savesMaskedText = Boolean((question.maskSettings as { saveMaskedValue?: boolean } | undefined)?.saveMaskedValue);
  const numeric =
    question.inputType === 'number' || question.inputType === 'range' || ((mask === 'numeric' || mask === 'currency') && !savesMaskedText);
  if (numeric) return (value) => (typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number');
  return textCheck(question.maxLength);
}

function textCheck(maxLength: number): ShapeCheck {
  const limit = maxLength > 0 ? maxLength : TEXT_MAX_LENGTH;
  return (value) => {
    if (typeof value !== 'string') return 'must be text';
    if (value.length > limit) return `must be at most ${limit} characters`;
    return null;
  };
}
