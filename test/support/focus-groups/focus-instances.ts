import fc from 'fast-check';
import type {
  Applicant,
  Availability,
  CompositionInput,
  CoverageTarget,
  ProposedSession,
} from '../../../libs/focus-groups/src/composition';

/**
 * Rounds for the composition's property tests: random ones with skewed segments and availability,
 * and hostile ones (everyone unavailable, all one segment, capacities only 4 or 10, ties
 * everywhere, no applicants, more sessions than applicants). Written apart from the engine.
 */

const SEGMENT_POOL = ['18-29', '30-44', '45-59', '60-74', '75+', 'rural', 'town'];

interface Shape {
  sessions: number;
  applicants: number;
  segments: number;
  /** Zipf exponent of the segment distribution: 0 uniform, 3 one dominant segment. */
  skew: number;
  pYes: number;
  pMaybe: number;
  mixedShare: number;
}

function pickWeighted(weights: number[], u: number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  for (let i = 0; i < weights.length; i++) {
    acc += weights[i] / total;
    if (u < acc) return i;
  }
  return weights.length - 1;
}

function roundArb(shape: fc.Arbitrary<Shape>, tiny: boolean): fc.Arbitrary<CompositionInput> {
  return shape.chain((s) => {
    const segments = SEGMENT_POOL.slice(0, s.segments);
    const segmentWeights = segments.map((_, i) => 1 / (i + 1) ** s.skew);
    const session: fc.Arbitrary<Omit<ProposedSession, 'id'>> = fc
      .record({
        capacity: tiny ? fc.integer({ min: 4, max: 6 }) : fc.integer({ min: 4, max: 10 }),
        segmentPick: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        mixed: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        homogeneous: fc.option(fc.boolean(), { nil: undefined }),
        showRate: fc.option(tiny ? fc.constantFrom(0.8, 0.9, 1) : fc.constantFrom(0.5, 0.6, 0.65, 0.7, 0.73, 0.8, 0.95, 1), {
          nil: undefined,
        }),
      })
      .map(({ capacity, segmentPick, mixed, homogeneous, showRate }) => ({
        capacity,
        segment: mixed < s.mixedShare ? 'mixed' : segments[pickWeighted(segmentWeights, segmentPick)],
        ...(homogeneous === undefined ? {} : { homogeneous }),
        ...(showRate === undefined ? {} : { showRate }),
      }));
    const answer = fc
      .double({ min: 0, max: 1, noNaN: true, maxExcluded: true })
      .map((u): Availability => (u < s.pYes ? 'yes' : u < s.pYes + s.pMaybe ? 'if_need_be' : 'no'));
    const applicant = fc.record({
      segmentPick: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
      noSegment: fc.integer({ min: 0, max: 19 }),
      answers: fc.array(answer, { minLength: s.sessions, maxLength: s.sessions }),
    });
    return fc
      .record({
        seed: fc.string({ minLength: 1, maxLength: 24 }),
        sessionIds: fc.uniqueArray(fc.stringMatching(/^[a-z0-9-]{1,12}$/), { minLength: s.sessions, maxLength: s.sessions }),
        sessions: fc.array(session, { minLength: s.sessions, maxLength: s.sessions }),
        applicantIds: fc.uniqueArray(fc.uuid(), { minLength: s.applicants, maxLength: s.applicants }),
        applicants: fc.array(applicant, { minLength: s.applicants, maxLength: s.applicants }),
        coverage: fc.array(
          fc.record({
            segment: fc.constantFrom(...segments),
            minSessions: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
            minPlaces: fc.option(fc.constantFrom(0, 1, 3, 4, 6, 10, 20), { nil: undefined }),
          }),
          { maxLength: 3 },
        ),
        targetGroups: fc.option(fc.integer({ min: 1, max: Math.max(1, s.sessions) }), { nil: undefined }),
        targetSeats: fc.option(fc.integer({ min: 4, max: 60 }), { nil: undefined }),
        minGroupSize: tiny ? fc.integer({ min: 1, max: 3 }) : fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
        maxInvitedPerSession: tiny ? fc.integer({ min: 4, max: 6 }) : fc.option(fc.integer({ min: 4, max: 15 }), { nil: undefined }),
        maxOverRecruitment: fc.option(fc.constantFrom(1, 1.25, 1.5, 2), { nil: undefined }),
      })
      .map((r): CompositionInput => {
        const sessions = r.sessions.map((x, i) => ({ id: r.sessionIds[i], ...x }));
        const applicants: Applicant[] = r.applicants.map((a, i) => ({
          id: r.applicantIds[i],
          segment: a.noSegment === 0 ? null : segments[pickWeighted(segmentWeights, a.segmentPick)],
          availability: Object.fromEntries(
            sessions.flatMap((x, j) => (a.answers[j] === 'no' && j % 2 === 0 ? [] : [[x.id, a.answers[j]]])),
          ),
        }));
        const seen = new Set<string>();
        const coverage: CoverageTarget[] = r.coverage.filter((c) => !seen.has(c.segment) && seen.add(c.segment));
        return {
          roundId: 'round',
          seed: r.seed,
          sessions,
          applicants,
          ...(coverage.length ? { coverage } : {}),
          ...(r.targetGroups !== undefined ? { targetGroups: r.targetGroups } : {}),
          ...(r.targetSeats !== undefined ? { targetSeats: r.targetSeats } : {}),
          ...(r.minGroupSize !== undefined ? { minGroupSize: r.minGroupSize } : {}),
          ...(r.maxInvitedPerSession !== undefined ? { maxInvitedPerSession: r.maxInvitedPerSession } : {}),
          ...(r.maxOverRecruitment !== undefined ? { maxOverRecruitment: r.maxOverRecruitment } : {}),
        };
      });
  });
}

const probability = fc.double({ min: 0, max: 1, noNaN: true });

function shapeArb(sessions: [number, number], applicants: [number, number]): fc.Arbitrary<Shape> {
  return fc
    .record({
      sessions: fc.integer({ min: sessions[0], max: sessions[1] }),
      applicants: fc.integer({ min: applicants[0], max: applicants[1] }),
      segments: fc.integer({ min: 1, max: 4 }),
      skew: fc.double({ min: 0, max: 3, noNaN: true }),
      pYes: probability,
      pMaybe: probability,
      mixedShare: probability,
    })
    .map((s) => ({ ...s, pMaybe: s.pMaybe * (1 - s.pYes) }));
}

/** Hostile transformations of a round: each keeps the input valid. */
const hostile: Record<string, (input: CompositionInput) => CompositionInput> = {
  everyoneUnavailable: (input) => ({
    ...input,
    applicants: input.applicants.map((a) => ({
      ...a,
      availability: Object.fromEntries(Object.keys(a.availability).map((id) => [id, 'no' as const])),
    })),
  }),
  allOneSegment: (input) => ({
    ...input,
    applicants: input.applicants.map((a) => ({ ...a, segment: '18-29' })),
    sessions: input.sessions.map((s) => (s.segment === 'mixed' ? s : { ...s, segment: '18-29' })),
  }),
  capacityFourOrTen: (input) => ({ ...input, sessions: input.sessions.map((s, i) => ({ ...s, capacity: i % 2 === 0 ? 4 : 10 })) }),
  tiesEverywhere: (input) => ({
    ...input,
    coverage: undefined,
    sessions: input.sessions.map((s) => ({ id: s.id, capacity: s.capacity, segment: 'mixed' })),
    applicants: input.applicants.map((a) => ({
      ...a,
      segment: 'town',
      availability: Object.fromEntries(input.sessions.map((s) => [s.id, 'yes' as const])),
    })),
  }),
  noApplicants: (input) => ({ ...input, applicants: [] }),
};

/** Random rounds of everyday size (up to 8 sessions, 90 applicants). */
export const randomRound = roundArb(shapeArb([1, 8], [0, 90]), false);

/** More sessions than applicants. */
export const sparseRound = roundArb(shapeArb([5, 9], [0, 5]), false);

/** Hostile rounds: one of the transformations above applied to a random round. */
export const hostileRound = fc.tuple(randomRound, fc.constantFrom(...Object.keys(hostile))).map(([input, kind]) => hostile[kind](input));

/** Any of the above. */
export const anyRound = fc.oneof(
  { arbitrary: randomRound, weight: 3 },
  { arbitrary: sparseRound, weight: 1 },
  { arbitrary: hostileRound, weight: 2 },
);

/** Tiny rounds for the brute-force oracle: at most 3 sessions and 7 applicants, small minimums. */
export const tinyRound = roundArb(shapeArb([1, 3], [0, 7]), true);

/**
 * Oversubscribed rounds, as recruitment produces them (the method: recruit about 12 to seat 8):
 * 2 to 8 sessions, 100 to 250 applicants, each available for at least 30% of the sessions on average.
 */
export const oversubscribedRound = roundArb(
  shapeArb([2, 8], [100, 250]).map((s) => {
    const available = s.pYes + s.pMaybe;
    return available >= 0.3
      ? s
      : { ...s, pYes: 0.3 * (s.pYes / Math.max(available, 1e-9)) || 0.2, pMaybe: 0.3 * (s.pMaybe / Math.max(available, 1e-9)) || 0.1 };
  }),
  false,
);

/**
 * The same round without the model's binary choices: every proposed session may run, no minimum
 * group size, mixed sessions open to anyone. What remains is a network with concave rewards, whose
 * LP relaxation has whole-number optima.
 */
export function withoutBinaryChoices(input: CompositionInput): CompositionInput {
  const { targetGroups: _groups, minGroupSize: _minimum, ...rest } = input;
  return { ...rest, sessions: input.sessions.map((s) => (s.segment === 'mixed' ? { ...s, homogeneous: false } : s)) };
}
