import { Model } from 'survey-core';
import type { ErrorDetail } from '@app/http';
import { valueShapeProblem } from './answers/value-shape';

/**
 * Refuses a definition at import time when its answers could not be validated later: no
 * questions, duplicate names, or a question type the server has no shape check for.
 */
export function definitionProblems(definition: unknown, breakdowns: string[]): ErrorDetail[] {
  if (typeof definition !== 'object' || definition === null || Array.isArray(definition)) {
    return [{ field: 'definition', reason: 'must be a SurveyJS JSON object' }];
  }
  let model: Model;
  try {
    model = new Model(definition);
  } catch (error) {
    return [{ field: 'definition', reason: `survey-core cannot read it: ${(error as Error).message}` }];
  }
  const questions = model.getAllQuestions(false);
  if (questions.length === 0) return [{ field: 'definition', reason: 'has no questions' }];

  const problems: ErrorDetail[] = [];
  const seen = new Set<string>();
  for (const question of questions) {
    const name = question.getValueName();
    if (seen.has(name)) problems.push({ field: `definition.${name}`, reason: 'is used by two questions' });
    seen.add(name);
    // Probe with a value no question accepts; only "cannot validate this type" is a definition problem.
    const probe = valueShapeProblem(question, Symbol('probe'));
    if (probe?.startsWith('uses question type')) problems.push({ field: `definition.${name}`, reason: probe });
  }
  for (const breakdown of breakdowns) {
    if (!seen.has(breakdown)) {
      problems.push({ field: 'breakdowns', reason: `"${breakdown}" is not a question of the definition` });
    }
  }
  return problems;
}
