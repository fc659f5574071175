import {
  ItemValue,
  LocalizableString,
  Model,
  Question,
  QuestionBooleanModel,
  QuestionCheckboxModel,
  QuestionMatrixModel,
  QuestionRatingModel,
  QuestionSelectBase,
  QuestionTextModel,
} from 'survey-core';
import { allowedChoices } from '@app/surveys';
import type { BreakdownDescription, ChoiceLabel, ItemDescription, LocalizedText } from '../results-document';

/**
 * What the compiler counts, read once per survey version from its definition. Free-text questions
 * (comment, text) are left out here, so their answers cannot reach any result.
 */
export interface ResultPlan {
  items: ItemDescription[];
  breakdowns: BreakdownDescription[];
  /** Single-answer questions, counted per value (including ratings and booleans). */
  choiceQuestions: string[];
  /** Checkbox questions: arrays, one count per chosen value. */
  multipleQuestions: string[];
  /** Matrix questions: one item per row. */
  matrixQuestions: string[];
  /** Numbers typed by respondents: only mean and quartiles, computed in SQL. */
  numericQuestions: string[];
  /** Items whose values are numbers (ratings): stats come from their counts. */
  ratedItems: Set<string>;
  /**
   * Items every respondent must answer (required, no condition): a reader knows nobody skipped
   * them, so disclosure control treats their skipped counts as known zeros.
   */
  alwaysAnswered: Set<string>;
}

/** Required with no condition on it or on its page or panels: shown to, and answered by, everyone. */
function answeredByEveryone(question: Question): boolean {
  if (question.visibleIf || question.enableIf || question.requiredIf) return false;
  for (let parent = question.parent as unknown as { visibleIf?: string; parent?: unknown } | null; parent; ) {
    if (parent.visibleIf) return false;
    parent = (parent.parent as typeof parent) ?? null;
  }
  const page = question.page as unknown as { visibleIf?: string } | null;
  return !page?.visibleIf && question.isRequired;
}

const textOf = (text: LocalizableString, fallback: string): LocalizedText => {
  const json = text.getJson() as LocalizedText | undefined;
  return json === undefined || json === '' ? fallback : json;
};
const label = (item: ItemValue): ChoiceLabel => ({ value: String(item.value), text: textOf(item.locText, String(item.value)) });

/** Items the compiler counts from each question, in the survey's order. */
export function planResults(definition: Record<string, unknown>, breakdownNames: string[]): ResultPlan {
  const model = new Model(definition);
  const plan: ResultPlan = {
    items: [],
    breakdowns: [],
    choiceQuestions: [],
    multipleQuestions: [],
    matrixQuestions: [],
    numericQuestions: [],
    ratedItems: new Set(),
    alwaysAnswered: new Set(),
  };
  for (const question of model.getAllQuestions()) {
    const base = { question: question.name, type: question.getType(), title: textOf(question.locTitle, question.name) };
    if (question instanceof QuestionMatrixModel) {
      plan.matrixQuestions.push(question.name);
      const columns = question.columns.map(label);
      for (const row of question.rows as ItemValue[]) {
        const item = `${question.name}.${row.value}`;
        plan.items.push({ ...base, item, row: String(row.value), kind: 'choice', rowText: textOf(row.locText, String(row.value)), choices: columns });
      }
    } else if (question instanceof QuestionCheckboxModel) {
      plan.multipleQuestions.push(question.name);
      plan.items.push({ ...base, item: question.name, row: null, kind: 'multiple', rowText: null, choices: allowedChoices(question).map(label) });
    } else if (question instanceof QuestionSelectBase) {
      plan.choiceQuestions.push(question.name);
      plan.items.push({ ...base, item: question.name, row: null, kind: 'choice', rowText: null, choices: allowedChoices(question).map(label) });
    } else if (question instanceof QuestionRatingModel) {
      plan.choiceQuestions.push(question.name);
      plan.ratedItems.add(question.name);
      const choices = question.visibleRateValues.map(label);
      plan.items.push({ ...base, item: question.name, row: null, kind: 'choice', rowText: null, choices });
    } else if (question instanceof QuestionBooleanModel) {
      plan.choiceQuestions.push(question.name);
      const choices = [
        { value: String(question.valueTrue ?? true), text: textOf(question.locLabelTrue, 'Yes') },
        { value: String(question.valueFalse ?? false), text: textOf(question.locLabelFalse, 'No') },
      ];
      plan.items.push({ ...base, item: question.name, row: null, kind: 'choice', rowText: null, choices });
    } else if (question instanceof QuestionTextModel && ['number', 'range'].includes(question.inputType)) {
      plan.numericQuestions.push(question.name);
      plan.items.push({ ...base, item: question.name, row: null, kind: 'numeric', rowText: null, choices: [] });
    }
    // Anything else (comment, free text, ...) is never compiled.
    if (answeredByEveryone(question)) {
      if (question instanceof QuestionMatrixModel) {
        if (question.isAllRowRequired) question.rows.forEach((row: ItemValue) => plan.alwaysAnswered.add(`${question.name}.${row.value}`));
      } else {
        plan.alwaysAnswered.add(question.name);
      }
    }
  }

  for (const name of breakdownNames) {
    // A breakdown groups respondents by one answer, so it must be a single-answer question.
    const description = plan.items.find((item) => item.item === name && item.kind === 'choice' && item.row === null);
    if (description) plan.breakdowns.push({ name, title: description.title, groups: description.choices });
  }
  return plan;
}
