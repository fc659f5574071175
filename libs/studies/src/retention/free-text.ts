import {
  Model,
  Question,
  QuestionCommentModel,
  QuestionMatrixDropdownModelBase,
  QuestionMultipleTextModel,
  QuestionPanelDynamicModel,
  QuestionSelectBase,
  QuestionTextModel,
  settings,
} from 'survey-core';
import { withoutOutsideCalls } from '@app/surveys';

/**
 * Where a version's answers hold text the respondent typed (the "free text" data class):
 * - `keys`: top-level answer keys removed whole: text questions (except numbers, dates, times,
 *   colours), comments, multiple text, expressions (they may copy typed text), select questions whose value may be typed (typed-in choices,
 *   choices from an outside address, an "other" stored in the value), and every `<name>-Comment`
 *   (the "other" box and comment areas);
 * - `panels`: dynamic panels, whose every panel is stripped by the nested plan;
 * - `matrices`: dropdown and dynamic matrices, whose text and comment cells are removed from every row.
 * Closed answers (choices, ratings, numbers, booleans, dates) stay: they are what the study counts.
 */
export interface FreeTextPlan {
  keys: string[];
  panels: { question: string; plan: FreeTextPlan }[];
  matrices: { question: string; columns: string[] }[];
}

const NOT_TYPED_TEXT = new Set(['number', 'range', 'date', 'datetime-local', 'month', 'week', 'time', 'color']);

function isTypedText(question: Question, outside: Set<string>): boolean {
  if (question instanceof QuestionCommentModel || question instanceof QuestionMultipleTextModel) return true;
  // Computed from other answers, an expression may copy typed text ("{name}"): it goes with them (it can be computed again).
  if (question.getType() === 'expression') return true;
  if (question instanceof QuestionTextModel) {
    if (NOT_TYPED_TEXT.has(question.inputType)) return false;
    const keepsMaskedText = Boolean((question.maskSettings as { saveMaskedValue?: boolean } | undefined)?.saveMaskedValue);
    return !(['numeric', 'currency'].includes(question.maskType) && !keepsMaskedText);
  }
  if (question instanceof QuestionSelectBase) {
    if (outside.has(question.name) || (question as { allowCustomChoices?: boolean }).allowCustomChoices) return true;
    return question.showOtherItem && !question.getStoreOthersAsComment();
  }
  return false;
}

function planOf(questions: Question[], outside: Set<string>): FreeTextPlan {
  const plan: FreeTextPlan = { keys: [], panels: [], matrices: [] };
  for (const question of questions) {
    const name = question.getValueName();
    // The "other" text and comment areas are stored beside the value under <name>-Comment.
    if ((question instanceof QuestionSelectBase && question.showOtherItem) || question.showCommentArea) {
      plan.keys.push(`${name}${settings.commentSuffix}`);
    }
    if (question instanceof QuestionPanelDynamicModel) {
      const nested = planOf(question.template.questions, outside);
      if (nested.keys.length || nested.panels.length || nested.matrices.length) plan.panels.push({ question: name, plan: nested });
    } else if (question instanceof QuestionMatrixDropdownModelBase) {
      const columns = question.columns
        .filter((column) => {
          const cellType = column.cellType === 'default' ? question.cellType : column.cellType;
          return (
            cellType === 'comment' ||
            cellType === 'expression' ||
            (cellType === 'text' && !NOT_TYPED_TEXT.has((column as { inputType?: string }).inputType ?? 'text'))
          );
        })
        .map((column) => column.name);
      if (columns.length) plan.matrices.push({ question: name, columns });
    } else if (isTypedText(question, outside)) {
      plan.keys.push(name);
    }
  }
  return plan;
}

export function freeTextPlan(definition: Record<string, unknown>): FreeTextPlan {
  const { definition: serverDefinition, choicesByUrl } = withoutOutsideCalls(definition);
  return planOf(new Model(serverDefinition).getAllQuestions(), choicesByUrl);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A copy of `answers` without free text (what the plan names); everything else as it was. */
export function stripFreeText(answers: Record<string, unknown>, plan: FreeTextPlan): Record<string, unknown> {
  const out: Record<string, unknown> = { ...answers };
  for (const key of plan.keys) delete out[key];
  for (const { question, plan: nested } of plan.panels) {
    const panels = out[question];
    if (Array.isArray(panels)) out[question] = panels.map((panel) => (isObject(panel) ? stripFreeText(panel, nested) : panel));
  }
  for (const { question, columns } of plan.matrices) {
    const value = out[question];
    const stripRow = (row: unknown) => {
      if (!isObject(row)) return row;
      const copy = { ...row };
      for (const column of columns) delete copy[column];
      return copy;
    };
    if (Array.isArray(value)) out[question] = value.map(stripRow);
    else if (isObject(value)) out[question] = Object.fromEntries(Object.entries(value).map(([row, cells]) => [row, stripRow(cells)]));
  }
  return out;
}
