import { Model, type Question } from 'survey-core';
import type { ErrorDetail } from '@app/http';
import { unstorableJsonProblems } from './answers/answer-json';
import { withoutOutsideCalls } from './answers/no-outside-calls';
import { hasShapeCheck, NO_ANSWER_TYPES } from './answers/value-shape';

export interface DefinitionCheck {
  /** Each one refuses the import. */
  problems: ErrorDetail[];
  /** The import goes ahead; the researcher is told. */
  warnings: ErrorDetail[];
}

/** Not stored: the platform keeps no files or drawings from residents (see the README, Surveys). */
const REFUSED_TYPES: Record<string, string> = {
  file: 'asks residents to upload files, which the platform does not store (no file storage, size limits or retention for uploads); use a text question or collect files another way',
  signaturepad: 'asks residents to draw a signature, which the platform does not store (an image of a signature is personal data with no retention rules here)',
};

/** Keys JavaScript objects inherit or treat specially; a question by that name could not be judged safely. */
const RESERVED_NAMES = new Set(['__proto__']);

/**
 * Tells the truth about a definition before it is stored: survey-core's own load errors (unknown
 * question type, unknown validator, unknown or mistyped property: `survey.jsonErrors`), question
 * types the server cannot judge, duplicate names; and, as warnings, choices loaded from an outside
 * address (choicesByUrl), which the server never calls.
 */
export function checkDefinition(definition: unknown, breakdowns: string[]): DefinitionCheck {
  const warnings: ErrorDetail[] = [];
  if (typeof definition !== 'object' || definition === null || Array.isArray(definition)) {
    return { problems: [{ field: 'definition', reason: 'must be a SurveyJS JSON object' }], warnings };
  }
  const unstorable = unstorableJsonProblems(definition as Record<string, unknown>, { maxDepth: 64, nullAllowed: true });
  if (unstorable.length) {
    return { problems: unstorable.map((p) => ({ field: p.field.replace(/^answers\./, 'definition.'), reason: p.reason })), warnings };
  }
  const server = withoutOutsideCalls(definition);
  let model: Model;
  try {
    model = new Model(server.definition);
  } catch (error) {
    return { problems: [{ field: 'definition', reason: `survey-core cannot read it: ${(error as Error).message}` }], warnings };
  }
  const problems: ErrorDetail[] = (model.jsonErrors ?? []).map((error) => {
    const element = (error as { element?: { name?: string } }).element;
    return { field: element?.name ? `definition.${element.name}` : 'definition', reason: `survey-core: ${error.message}` };
  });
  const questions: Question[] = model.getAllQuestions(false).filter((q: Question) => !NO_ANSWER_TYPES.has(q.getType()));
  if (questions.length === 0) problems.push({ field: 'definition', reason: 'has no questions to answer' });

  const seen = new Set<string>();
  for (const question of questions) {
    const name = question.getValueName();
    const field = `definition.${question.name}`;
    if (seen.has(name)) {
      problems.push({ field, reason: `shares the answer "${name}" with another question (name or valueName), which the server cannot judge as one answer` });
    }
    seen.add(name);
    if (RESERVED_NAMES.has(name)) problems.push({ field: 'definition', reason: `a question may not be named "${name}"` });
    const refused = REFUSED_TYPES[question.getType()];
    if (refused) problems.push({ field, reason: refused });
    else if (!hasShapeCheck(question)) {
      problems.push({ field, reason: `uses question type "${question.getType()}", which the server cannot validate` });
    }
    for (const inner of nestedQuestions(question)) {
      const innerRefused = REFUSED_TYPES[inner.getType()];
      if (innerRefused) problems.push({ field: `${field}.${inner.name}`, reason: innerRefused });
    }
  }
  for (const name of server.choicesByUrl) {
    warnings.push({
      field: `definition.${name}`,
      reason:
        'loads its choices from an outside address, which the server never calls: until a list of choices is attached, any text up to 1000 characters is accepted as its answer',
    });
  }
  for (const breakdown of breakdowns) {
    if (!seen.has(breakdown)) {
      problems.push({ field: 'breakdowns', reason: `"${breakdown}" is not a question of the definition` });
    }
  }
  return { problems, warnings };
}

/** Kept for callers that only need the refusals. */
export function definitionProblems(definition: unknown, breakdowns: string[]): ErrorDetail[] {
  return checkDefinition(definition, breakdowns).problems;
}

/** Questions inside dynamic panels and matrix columns, which getAllQuestions does not list. */
function nestedQuestions(question: Question): Question[] {
  const q = question as unknown as { template?: { questions: Question[] }; columns?: { templateQuestion?: Question }[] };
  if (q.template?.questions) return q.template.questions.flatMap((inner) => [inner, ...nestedQuestions(inner)]);
  if (question.getType().startsWith('matrixd') && Array.isArray(q.columns)) {
    return q.columns.map((column) => column.templateQuestion).filter((cell): cell is Question => Boolean(cell));
  }
  return [];
}
