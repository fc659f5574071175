import {
  ConditionRunner,
  EmailValidator,
  Helpers,
  type ItemValue,
  type Question,
  QuestionCheckboxModel,
  QuestionMatrixModel,
  QuestionSelectBase,
  QuestionTextModel,
  type SurveyModel,
  type SurveyValidator,
} from 'survey-core';
import { problem, type AnswerProblem } from './answer-problems';

/** The question types and validators the compiled path covers; anything else uses the full model. */
const TYPES = new Set(['radiogroup', 'checkbox', 'dropdown', 'rating', 'boolean', 'text', 'comment', 'matrix']);
const VALIDATORS = new Set(['numericvalidator', 'textvalidator', 'regexvalidator', 'emailvalidator', 'answercountvalidator']);

interface CompiledQuestion {
  question: Question;
  key: string;
  commentKey: string;
  /** visibleIf of the question and of every panel and page around it: all must hold. */
  shownWhen: ConditionRunner[];
  alwaysHidden: boolean;
  required: boolean;
  requiredWhen: ConditionRunner | null;
  otherValue: unknown;
  /** For "pick the main one of those you selected": the question whose selection is offered. */
  choicesFromSelectionOf: string | null;
  validators: SurveyValidator[];
  min: number | null;
  max: number | null;
}

/**
 * Completeness rules of one survey version, compiled once from survey-core's own model: its parsed
 * questions, its ConditionRunner for visibleIf/requiredIf, its validator objects. Checking a
 * response then costs microseconds and never puts a resident's answers into a shared model, where
 * assigning `model.data` costs ~10 ms. Returns null when the definition uses something not covered
 * here; the caller then validates with the full model (correct, just slower).
 * `answer-validator.spec.ts` holds this to the full model's verdicts on random answer sets.
 */
export class CompiledChecks {
  private constructor(private readonly questions: CompiledQuestion[]) {}

  static compile(model: SurveyModel, definition: object): CompiledChecks | null {
    if (model.calculatedValues.length > 0) return null;
    const hiddenInDefinition = namesDeclaredHidden(definition);
    const compiled: CompiledQuestion[] = [];
    for (const question of model.getAllQuestions(false)) {
      const type = question.getType();
      if (['html', 'image'].includes(type)) continue;
      if (!TYPES.has(type) || question.enableIf || question.isReadOnly) return null;
      if (question.validators.some((v) => !VALIDATORS.has(v.getType()))) return null;
      if (question instanceof QuestionSelectBase) {
        if (question.choicesVisibleIf || question.choices.some((c: ItemValue) => c.visibleIf || c.enableIf)) return null;
        if (question.choicesFromQuestion && question.choicesFromQuestionMode !== 'selected') return null;
      }
      if (question instanceof QuestionMatrixModel && (question.rowsVisibleIf || question.columnsVisibleIf)) return null;
      if (question instanceof QuestionTextModel && (question.minValueExpression || question.maxValueExpression)) return null;

      const shownWhen: ConditionRunner[] = [];
      // The model's `visible` already reflects visibleIf run on no answers; only `visible: false`
      // written in the definition means "never shown".
      let alwaysHidden = false;
      for (let element: any = question; element; element = element.parent) {
        if (element !== question && (element.isRequired || element.requiredIf)) return null; // required panels
        if (hiddenInDefinition.has(element.name)) alwaysHidden = true;
        if (element.visibleIf) shownWhen.push(new ConditionRunner(element.visibleIf));
      }
      if (question instanceof QuestionTextModel && !['text', 'number', 'email'].includes(question.inputType)) return null;
      if (question instanceof QuestionTextModel && question.maskType && question.maskType !== 'none') return null;
      if ((question as { allowCustomChoices?: boolean }).allowCustomChoices) return null;
      const numeric = question instanceof QuestionTextModel && question.inputType === 'number';
      const validators = [...question.validators];
      // survey-core checks an email input as if it had an email validator, unless it has one.
      if (question instanceof QuestionTextModel && question.inputType === 'email' && !validators.some((v) => v.getType() === 'emailvalidator')) {
        const email = new EmailValidator();
        (email as { owner?: unknown }).owner = question;
        validators.push(email);
      }
      compiled.push({
        question,
        key: question.getValueName(),
        commentKey: `${question.getValueName()}${model.commentSuffix}`,
        shownWhen,
        alwaysHidden,
        required: question.isRequired,
        requiredWhen: question.requiredIf ? new ConditionRunner(question.requiredIf) : null,
        otherValue: question instanceof QuestionSelectBase && question.showOtherItem ? question.otherItem.value : undefined,
        choicesFromSelectionOf: question instanceof QuestionSelectBase ? question.choicesFromQuestion || null : null,
        validators,
        min: numeric && question.min !== undefined && question.min !== '' ? Number(question.min) : null,
        max: numeric && question.max !== undefined && question.max !== '' ? Number(question.max) : null,
      });
    }
    return new CompiledChecks(compiled);
  }

  check(answers: Record<string, unknown>): AnswerProblem[] {
    const problems: AnswerProblem[] = [];
    for (const q of this.questions) {
      const value = own(answers, q.key);
      // As survey-core: blank text is no answer unless the question allows spaces as an answer.
      const empty = q.question.isValueEmpty(value, !q.question.allowSpaceAsAnswer);
      const shown = !q.alwaysHidden && q.shownWhen.every((condition) => condition.runValues(answers));
      if (!shown) {
        for (const key of [q.key, q.commentKey]) {
          if (!q.question.isValueEmpty(own(answers, key), !q.question.allowSpaceAsAnswer)) {
            problems.push(problem(key, 'is not shown for these answers, so it must stay empty', q.question.name));
          }
        }
        continue;
      }
      if (empty) {
        // survey-core treats "every row required" as required, even when the question itself is not.
        const everyRow = q.question instanceof QuestionMatrixModel && q.question.eachRowRequired;
        if (q.required || everyRow || q.requiredWhen?.runValues(answers)) {
          problems.push(problem(q.key, 'Response required.', q.question.name));
        }
        continue;
      }
      const reason = this.valueProblem(q, value, answers);
      if (reason) problems.push(problem(q.key, reason, q.question.name));
    }
    return problems;
  }

  private valueProblem(q: CompiledQuestion, value: unknown, answers: Record<string, unknown>): string | null {
    const picked = Array.isArray(value) ? value : [value];
    if (q.otherValue !== undefined && picked.includes(q.otherValue) && Helpers.isValueEmpty(own(answers, q.commentKey))) {
      return 'needs the text of the "other" answer';
    }
    if (q.choicesFromSelectionOf) {
      const source = own(answers, q.choicesFromSelectionOf);
      const offered = Array.isArray(source) ? source : [];
      const notOffered = picked.filter((v) => !offered.includes(v));
      if (notOffered.length) return `${notOffered.map((v) => JSON.stringify(v)).join(', ')} was not offered for these answers`;
    }
    if (q.question instanceof QuestionMatrixModel && q.question.eachRowRequired) {
      const rows = value as Record<string, unknown>;
      if (q.question.rows.some((row: ItemValue) => Helpers.isValueEmpty(rows[String(row.value)]))) {
        return 'needs an answer in every row';
      }
    }
    if (q.question instanceof QuestionCheckboxModel && q.question.minSelectedChoices > picked.length) {
      return `needs at least ${q.question.minSelectedChoices} choices`;
    }
    if (q.min !== null && (value as number) < q.min) return `must be at least ${q.min}`;
    if (q.max !== null && (value as number) > q.max) return `must be at most ${q.max}`;
    for (const validator of q.validators) {
      const error = validator.validate(value, q.question.name)?.error;
      if (error) return error.getText();
    }
    return null;
  }
}

/** A key of the answers, never a property inherited from Object.prototype (`toString`, `constructor`). */
function own(answers: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(answers, key) ? answers[key] : undefined;
}

/** Names of questions, panels and pages the definition itself marks `visible: false`. */
function namesDeclaredHidden(node: unknown, names = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => namesDeclaredHidden(item, names));
  else if (typeof node === 'object' && node !== null) {
    const element = node as { name?: unknown; visible?: unknown; elements?: unknown; pages?: unknown; questions?: unknown };
    if (element.visible === false && typeof element.name === 'string') names.add(element.name);
    for (const children of [element.pages, element.elements, element.questions]) namesDeclaredHidden(children, names);
  }
  return names;
}
