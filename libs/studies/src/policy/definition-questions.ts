import { Model } from 'survey-core';
import { withoutOutsideCalls } from '@app/surveys';

/** The names of a definition's questions whose answers are top-level keys (questions in static panels included). */
export function questionNames(definition: Record<string, unknown>): Set<string> {
  const model = new Model(withoutOutsideCalls(definition).definition);
  return new Set(model.getAllQuestions().map((question) => question.name));
}
