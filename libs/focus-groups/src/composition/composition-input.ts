import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import { z } from 'zod';
import { MIXED_SEGMENT, type CompositionInput } from './composition-types';

/** Bumped whenever the model (constraints, weights, draw) changes: a stored result names its model. */
export const COMPOSITION_MODEL_VERSION = 'focus-composition/1';

export const COMPOSITION_DEFAULTS = {
  defaultShowRate: 0.7,
  maxOverRecruitment: 1.5,
  timeLimitSeconds: 30,
} as const;

/** One problem with the input: the field (a path such as `sessions[2].capacity`) and why. */
export interface CompositionInputIssue {
  field: string;
  message: string;
}

/** Thrown for input the engine refuses; the flow turns it into a 400 naming each field. */
export class CompositionInputError extends Error {
  constructor(readonly issues: CompositionInputIssue[]) {
    super(`Invalid composition input: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`);
    this.name = 'CompositionInputError';
  }
}

const id = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const segmentValue = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const showRate = z.number().finite().gt(0, 'must be above 0').max(1, 'must be at most 1');

const schema = z
  .object({
    roundId: id,
    seed: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    sessions: z
      .array(
        z
          .object({
            id,
            capacity: z.number().int('must be a whole number').min(4, 'must be at least 4').max(10, 'must be at most 10'),
            segment: segmentValue,
            homogeneous: z.boolean().optional(),
            showRate: showRate.optional(),
          })
          .strict(),
      )
      .max(100, 'at most 100 sessions per round'),
    applicants: z
      .array(
        z
          .object({
            id,
            segment: segmentValue.refine((s) => s !== MIXED_SEGMENT, `"${MIXED_SEGMENT}" is not a segment value`).nullable(),
            availability: z.record(z.string(), z.enum(['yes', 'if_need_be', 'no'])),
          })
          .strict(),
      )
      .max(5000, 'at most 5,000 applicants per round'),
    coverage: z
      .array(
        z
          .object({
            segment: segmentValue.refine((s) => s !== MIXED_SEGMENT, `"${MIXED_SEGMENT}" is not a segment value`),
            minSessions: z.number().int('must be a whole number').min(0).max(100).optional(),
            minPlaces: z.number().int('must be a whole number').min(0).max(10000).optional(),
          })
          .strict(),
      )
      .optional(),
    targetGroups: z.number().int('must be a whole number').min(1).max(100).optional(),
    targetSeats: z.number().int('must be a whole number').min(1).max(10000).optional(),
    defaultShowRate: showRate.optional(),
    maxOverRecruitment: z.number().finite().min(1, 'must be at least 1').max(3, 'must be at most 3').optional(),
    maxInvitedPerSession: z.number().int('must be a whole number').min(4).max(30).optional(),
    minGroupSize: z.number().int('must be a whole number').min(1).max(10).optional(),
    maxReserves: z.number().int('must be a whole number').min(0).max(1000).optional(),
    timeLimitSeconds: z.number().finite().gt(0).max(600).optional(),
  })
  .strict();

function fieldOf(path: (string | number)[]): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');
}

/** Rules zod cannot say per field: unique ids, availability naming proposed sessions, one target per segment. */
function crossFieldIssues(input: z.infer<typeof schema>): CompositionInputIssue[] {
  const issues: CompositionInputIssue[] = [];
  const sessionIds = new Set<string>();
  input.sessions.forEach((s, i) => {
    if (sessionIds.has(s.id)) issues.push({ field: `sessions[${i}].id`, message: `duplicate session id "${s.id}"` });
    sessionIds.add(s.id);
  });
  const applicantIds = new Set<string>();
  input.applicants.forEach((a, i) => {
    if (applicantIds.has(a.id)) issues.push({ field: `applicants[${i}].id`, message: `duplicate applicant id "${a.id}"` });
    applicantIds.add(a.id);
    for (const sessionId of Object.keys(a.availability)) {
      if (!sessionIds.has(sessionId))
        issues.push({ field: `applicants[${i}].availability.${sessionId}`, message: 'not a proposed session of this round' });
    }
  });
  const covered = new Set<string>();
  (input.coverage ?? []).forEach((c, i) => {
    if (covered.has(c.segment)) issues.push({ field: `coverage[${i}].segment`, message: `a second target for segment "${c.segment}"` });
    covered.add(c.segment);
  });
  return issues;
}

export type ValidCompositionInput = z.infer<typeof schema>;

/** Validates the input; throws `CompositionInputError` listing every problem. */
export function validateCompositionInput(raw: unknown): ValidCompositionInput {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new CompositionInputError(
      parsed.error.issues.map((issue) => ({ field: fieldOf(issue.path) || 'input', message: issue.message })),
    );
  }
  const issues = crossFieldIssues(parsed.data);
  if (issues.length > 0) throw new CompositionInputError(issues);
  return parsed.data;
}

/**
 * The input as the engine sees it, independent of the order of sessions, applicants, coverage
 * targets and availability keys, and of availability given as "no" or left out: that is what is
 * hashed, so the same round hashes the same whichever order the flow read it in.
 */
export function canonicalInput(input: ValidCompositionInput): CompositionInput {
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    ...input,
    sessions: [...input.sessions].sort(byId),
    applicants: [...input.applicants].sort(byId).map((a) => ({
      ...a,
      availability: Object.fromEntries(
        Object.entries(a.availability)
          .filter(([, answer]) => answer !== 'no')
          .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
      ),
    })),
    coverage: input.coverage ? [...input.coverage].sort((a, b) => (a.segment < b.segment ? -1 : a.segment > b.segment ? 1 : 0)) : undefined,
  };
}

/**
 * SHA-256 over the model version and the canonical input without the seed (sorted keys): the
 * snapshot the flow stores beside the seed, so that "these applicants, this seed" can be re-run
 * and checked, and a re-run with another seed is recognisably the same input.
 */
export function compositionInputHash(canonical: CompositionInput): string {
  const { seed: _seed, ...snapshot } = canonical;
  return createHash('sha256')
    .update(`${COMPOSITION_MODEL_VERSION}\n${stringify(snapshot)}`)
    .digest('hex');
}
