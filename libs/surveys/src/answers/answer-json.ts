import { problem, type AnswerProblem } from './answer-problems';

/** Deeper than any survey-core value (a dynamic panel in a dynamic panel in a matrix stays under 10). */
export const MAX_ANSWER_DEPTH = 16;
export const MAX_ARRAY_LENGTH = 1000;
export const MAX_KEY_LENGTH = 200;
const MAX_REPORTED = 20;

// A UTF-16 surrogate without its partner cannot be encoded, and PostgreSQL refuses \u0000 in jsonb.
// The cheap class test runs first; the exact one only on text that has a NUL or a surrogate at all.
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const MAYBE_UNSTORABLE = /[\u0000\uD800-\uDFFF]/;
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
  // Paths are built only for what is reported: this runs on every submission.
  const stack: Visit[] = [];
  for (const key of Object.keys(answers)) {
    const reason = keyProblem(key);
    if (reason) problems.push(problem(key, reason));
    else stack.push({ value: answers[key], key, parent: null, depth: 1 });
  }
  while (stack.length && problems.length < MAX_REPORTED) {
    const visit = stack.pop()!;
    const { value, depth } = visit;
    const report = (reason: string) => {
      const path = pathOf(visit);
      problems.push({ ...problem(path, reason), question: path.split(/[.[]/)[0] });
    };
    if (typeof value === 'string') {
      if (MAYBE_UNSTORABLE.test(value) && UNSTORABLE.test(value)) report('contains a NUL character or an unpaired surrogate, which cannot be stored');
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) report('must be a finite number');
    } else if (typeof value === 'boolean' || value === undefined) {
      // fine (undefined is not JSON: only in-process callers make it, and it means no answer)
    } else if (value === null) {
      if (!limits.nullAllowed) report('must not be null: leave the question out to give no answer');
    } else if (typeof value !== 'object') {
      report('must be JSON');
    } else if (depth >= limits.maxDepth) {
      report(`is nested deeper than ${limits.maxDepth} levels`);
    } else if (Array.isArray(value)) {
      if (value.length > MAX_ARRAY_LENGTH && !limits.nullAllowed) report(`has ${value.length} items, at most ${MAX_ARRAY_LENGTH} are allowed`);
      else for (let index = 0; index < value.length; index++) stack.push({ value: value[index], key: index, parent: visit, depth: depth + 1 });
    } else {
      const keys = Object.keys(value);
      if (keys.length > MAX_ARRAY_LENGTH) {
        report(`has ${keys.length} keys, at most ${MAX_ARRAY_LENGTH} are allowed`);
        continue;
      }
      for (const key of keys) {
        const reason = keyProblem(key);
        if (reason) report(`key ${JSON.stringify(key.slice(0, 40))} ${reason}`);
        else stack.push({ value: (value as Record<string, unknown>)[key], key, parent: visit, depth: depth + 1 });
      }
    }
  }
  return problems;
}

interface Visit {
  value: unknown;
  key: string | number;
  parent: Visit | null;
  depth: number;
}

function pathOf(visit: Visit): string {
  const parts: (string | number)[] = [];
  for (let v: Visit | null = visit; v; v = v.parent) parts.push(v.key);
  return parts.reverse().reduce<string>((path, key, i) => (i === 0 ? String(key) : typeof key === 'number' ? `${path}[${key}]` : `${path}.${key}`), '');
}

function keyProblem(key: string): string | null {
  if (key.length === 0) return 'is an empty key';
  if (key.length > MAX_KEY_LENGTH) return `is longer than ${MAX_KEY_LENGTH} characters`;
  if (MAYBE_UNSTORABLE.test(key) && UNSTORABLE.test(key)) return 'contains a NUL character or an unpaired surrogate, which cannot be stored';
  return null;
}
