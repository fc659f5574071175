import { problem, type AnswerProblem } from './answer-problems';

/** Deeper than any survey-core value (a dynamic panel in a dynamic panel in a matrix stays under 10). */
export const MAX_ANSWER_DEPTH = 16;
export const MAX_ARRAY_LENGTH = 1000;
export const MAX_KEY_LENGTH = 200;
const MAX_REPORTED = 20;

// A UTF-16 surrogate without its partner cannot be encoded, and PostgreSQL refuses \u0000 in jsonb.
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What must never be stored, whatever the survey: JSON PostgreSQL cannot hold or that breaks a
 * compile or an export (null, NUL, lone surrogates), and sizes no survey answer has (depth, huge
 * arrays). Runs before anything else looks at the answers, iteratively, so a 10,000-level nested
 * body costs a few steps, not a stack overflow. Each problem names the path (`answers.a[3].b`).
 */
export function unstorableJsonProblems(
  answers: Record<string, unknown>,
  limits: { maxDepth: number; nullAllowed: boolean } = { maxDepth: MAX_ANSWER_DEPTH, nullAllowed: false },
): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = Object.keys(answers).map((key) => ({
    value: answers[key],
    path: key,
    depth: 1,
  }));
  for (const key of Object.keys(answers)) {
    const reason = keyProblem(key);
    if (reason) problems.push(problem(key, reason));
  }
  while (stack.length && problems.length < MAX_REPORTED) {
    const { value, path, depth } = stack.pop()!;
    const top = path.split(/[.[]/)[0];
    const report = (reason: string) => problems.push({ ...problem(path, reason), question: top });
    if (value === undefined) continue; // not JSON: only in-process callers make it, and it means no answer
    if (value === null) {
      if (!limits.nullAllowed) report('must not be null: leave the question out to give no answer');
    }
    else if (typeof value === 'string') {
      if (UNSTORABLE.test(value)) report('contains a NUL character or an unpaired surrogate, which cannot be stored');
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) report('must be a finite number');
    } else if (typeof value === 'boolean') {
      // fine
    } else if (typeof value !== 'object') {
      report('must be JSON');
    } else if (depth >= limits.maxDepth) {
      report(`is nested deeper than ${limits.maxDepth} levels`);
    } else if (Array.isArray(value)) {
      if (value.length > MAX_ARRAY_LENGTH && !limits.nullAllowed) report(`has ${value.length} items, at most ${MAX_ARRAY_LENGTH} are allowed`);
      else value.forEach((item, index) => stack.push({ value: item, path: `${path}[${index}]`, depth: depth + 1 }));
    } else {
      const keys = Object.keys(value);
      if (keys.length > MAX_ARRAY_LENGTH) {
        report(`has ${keys.length} keys, at most ${MAX_ARRAY_LENGTH} are allowed`);
        continue;
      }
      for (const key of keys) {
        const reason = keyProblem(key);
        if (reason) report(`key ${JSON.stringify(key.slice(0, 40))} ${reason}`);
        else stack.push({ value: (value as Record<string, unknown>)[key], path: `${path}.${key}`, depth: depth + 1 });
      }
    }
  }
  return problems;
}

function keyProblem(key: string): string | null {
  if (key.length === 0) return 'is an empty key';
  if (key.length > MAX_KEY_LENGTH) return `is longer than ${MAX_KEY_LENGTH} characters`;
  if (UNSTORABLE.test(key)) return 'contains a NUL character or an unpaired surrogate, which cannot be stored';
  return null;
}
