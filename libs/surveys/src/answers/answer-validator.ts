import { Injectable } from '@nestjs/common';
import { Helpers, Model, Question, QuestionSelectBase, settings } from 'survey-core';
import { problem, type AnswerProblem } from './answer-problems';
import { CompiledChecks } from './compiled-checks';
import { compileShapeCheck, type ShapeCheck } from './value-shape';

export type AnswerCompleteness = 'partial' | 'complete';

interface AnswerKey {
  question: Question;
  isComment: boolean;
  shape: ShapeCheck;
}

interface CompiledVersion {
  model: Model;
  /** Null when the definition needs the full model (see CompiledChecks.compile). */
  checks: CompiledChecks | null;
  /** Answer key -> the question that owns it (its value, or its "other"/comment text) and its shape check. */
  keys: Map<string, AnswerKey>;
}

/** Survey versions are immutable, so a compiled model can be kept for the life of the process. */
const CACHE_LIMIT = 64;

/**
 * Validates answers on the server against the exact survey version, with survey-core.
 * Building a survey-core Model costs ~10 ms, so one is kept per version (versions are immutable).
 * Shapes (choices, types, unknown keys) are checked against it directly; completeness (required,
 * visibleIf, validators) by the version's CompiledChecks, or by the full model when those do not
 * cover the definition. The full-model path is synchronous, so sharing one model is safe.
 */
@Injectable()
export class AnswerValidator {
  private readonly compiled = new Map<string, CompiledVersion>();

  validate(
    versionId: string,
    definition: object,
    answers: Record<string, unknown>,
    completeness: AnswerCompleteness,
  ): AnswerProblem[] {
    const { model, keys, checks } = this.compile(versionId, definition);
    const problems: AnswerProblem[] = [];

    for (const [key, value] of Object.entries(answers)) {
      const owner = keys.get(key);
      if (!owner) {
        problems.push(problem(key, 'is not a question of this survey version'));
      } else if (value !== null && value !== undefined) {
        const reason = owner.shape(value);
        if (reason) problems.push(problem(key, reason, owner.question.name));
      }
    }
    // A partial response is work in progress: shapes must be right, completeness can wait.
    if (completeness === 'partial' || problems.length) return problems;
    return checks ? checks.check(answers) : validateWithModel(model, keys, answers);
  }

  /** The slow, complete path, also the reference the compiled checks are tested against. */
  validateWithFullModel(versionId: string, definition: object, answers: Record<string, unknown>): AnswerProblem[] {
    const { model, keys } = this.compile(versionId, definition);
    return validateWithModel(model, keys, answers);
  }

  private compile(versionId: string, definition: object): CompiledVersion {
    const cached = this.compiled.get(versionId);
    if (cached) return cached;
    const model = new Model(definition);
    model.locale = 'en';
    const keys = new Map<string, AnswerKey>();
    const isText: ShapeCheck = (value) => (typeof value === 'string' ? null : 'must be text');
    for (const question of model.getAllQuestions(false)) {
      keys.set(question.getValueName(), { question, isComment: false, shape: compileShapeCheck(question) });
      const hasCommentText =
        question.showCommentArea || (question instanceof QuestionSelectBase && question.showOtherItem);
      if (hasCommentText) {
        keys.set(`${question.getValueName()}${settings.commentSuffix}`, { question, isComment: true, shape: isText });
      }
    }
    if (this.compiled.size >= CACHE_LIMIT) this.compiled.delete(this.compiled.keys().next().value!);
    const entry = { model, keys, checks: CompiledChecks.compile(model, definition) };
    this.compiled.set(versionId, entry);
    return entry;
  }
}

/** Puts the answers into the cached model and lets survey-core judge them (~10 ms for the shipped survey). */
function validateWithModel(model: Model, keys: CompiledVersion['keys'], answers: Record<string, unknown>): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  try {
      model.clear(true, true);
      model.data = answers;
      for (const [key, { question, isComment }] of keys) {
        const value = answers[key];
        if (Helpers.isValueEmpty(value)) continue;
        if (!(question.isVisible && question.isParentVisible)) {
          problems.push(problem(key, 'is not shown for these answers, so it must stay empty', question.name));
        } else if (!isComment && question instanceof QuestionSelectBase) {
          // With the answers in place, survey-core knows which choices were actually offered
          // (choicesVisibleIf, or choices taken from another question's selection).
          const offered = question.visibleChoices.map((item) => item.value);
          const picked = Array.isArray(value) ? value : [value];
          const notOffered = picked.filter((v) => !offered.includes(v));
          if (notOffered.length) {
            problems.push(problem(key, `${notOffered.map((v) => JSON.stringify(v)).join(', ')} was not offered for these answers`, question.name));
          }
        }
      }
      // fireCallback must be true: with false, survey-core reports failure but leaves question.errors empty.
      model.validate(true, false);
      for (const question of model.getAllQuestions(true)) {
        for (const error of question.errors) {
          problems.push(problem(question.getValueName(), error.getText(), question.name));
        }
      }
    } finally {
      // Leave nothing of this resident's answers in the shared model.
      model.clear(true, true);
    }
  return problems;
}
