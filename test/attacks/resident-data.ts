import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAnswerGenerator } from '../support/synthetic-responses';

/** The shipped resident survey (definition and breakdowns) and seeded synthetic answers to it. */
const file = JSON.parse(readFileSync(join(__dirname, '../../surveys/resident-survey.json'), 'utf8')) as {
  definition: Record<string, unknown>;
  breakdowns: string[];
};
export const RESIDENT_DEFINITION = file.definition;
export const RESIDENT_BREAKDOWNS = file.breakdowns;
export const RESIDENT_EXAMPLE = JSON.parse(readFileSync(join(__dirname, '../../surveys/resident-survey.example-answers.json'), 'utf8')) as Record<string, unknown>;
/** Required and unconditional in the definition: a reader knows nobody skipped them. */
export const RESIDENT_REQUIRED = ['trust_municipality', 'informed', 'participated_12m', 'priorities', 'age_band', 'gender', 'settlement_type'];

export function residentAnswers(seed: number, count: number): Record<string, unknown>[] {
  const next = createAnswerGenerator(RESIDENT_DEFINITION, { seed });
  return Array.from({ length: count }, () => next());
}
