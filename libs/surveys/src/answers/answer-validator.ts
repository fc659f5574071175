import { Injectable } from '@nestjs/common';
import { Model, Question, QuestionSelectBase, settings } from 'survey-core';
import { problem, type AnswerProblem } from './answer-problems';
import { valueShapeProblem } from './value-shape';

export type AnswerCompleteness = 'partial' | 'complete';

interface CompiledVersion {
  model: Model;
  /** Answer key -> the question that owns it (its value, or its "other"/comment text). */
  keys: Map<string, { question: Question; isComment: boolean }>;
}

/** Survey versions are immutable, so a compiled model can be kept for the life of the process. */
const CACHE_LIMIT = 64;

/**
 * Validates answers on the server against the exact survey version, with survey-core.
 * Building a survey-core Model costs ~10 ms; validating a cached one ~1 ms. Validation is fully
 * synchronous, so one cached model per version can be reused: no other request runs in between.
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
    const { model, keys } = this.compile(versionId, definition);
    const problems: AnswerProblem[] = [];

    for (const [key, value] of Object.entries(answers)) {
      const owner = keys.get(key);
      if (!owner) {
        problems.push(problem(key, 'is not a question of this survey version'));
      } else if (owner.isComment) {
        if (typeof value !== 'string') problems.push(problem(key, 'must be text', owner.question.name));
      } else if (value !== null && value !== undefined) {
        const reason = valueShapeProblem(owner.question, value);
        if (reason) problems.push(problem(key, reason, owner.question.name));
      }
    }
    // A partial response is work in progress: shapes must be right, completeness can wait.
    if (completeness === 'partial' || problems.length) return problems;

    try {
      model.clear(true, true);
      model.data = answers;
      for (const [key, { question, isComment }] of keys) {
        const value = answers[key];
        if (value === undefined || value === null) continue;
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

  private compile(versionId: string, definition: object): CompiledVersion {
    const cached = this.compiled.get(versionId);
    if (cached) return cached;
    const model = new Model(definition);
    model.locale = 'en';
    const keys = new Map<string, { question: Question; isComment: boolean }>();
    for (const question of model.getAllQuestions(false)) {
      keys.set(question.getValueName(), { question, isComment: false });
      const hasCommentText =
        question.showCommentArea || (question instanceof QuestionSelectBase && question.showOtherItem);
      if (hasCommentText) keys.set(`${question.getValueName()}${settings.commentSuffix}`, { question, isComment: true });
    }
    if (this.compiled.size >= CACHE_LIMIT) this.compiled.delete(this.compiled.keys().next().value!);
    const entry = { model, keys };
    this.compiled.set(versionId, entry);
    return entry;
  }
}
