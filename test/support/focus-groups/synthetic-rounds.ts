import type { Applicant, Availability, CompositionInput, ProposedSession } from '../../../libs/focus-groups/src/composition';

/**
 * Synthetic focus-group rounds for the benchmark, one per municipality, from a seeded generator so
 * every run composes the same rounds: 6 proposed sessions (one per age band, homogeneous by
 * requirement, capacity 6 to 10; one mixed; one mixed but homogeneous, the solver choosing its
 * band), a municipality's learned show rate (0.6 to 0.8, a little different per session), age
 * bands skewed towards older residents, random availability (each applicant answers every session:
 * about a third "yes", a fifth "if need be"), coverage of one session and 6 places per band, the
 * target of 6 groups and 48 seats (450 people in 10 municipalities, the project's target).
 */

export const AGE_BANDS = ['18-29', '30-49', '50-64', '65+'];
const BAND_WEIGHTS = [0.16, 0.27, 0.3, 0.27];

/** mulberry32: small, fast, seeded. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, values: readonly T[], weights: readonly number[]): T {
  let u = random() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < values.length; i++) {
    u -= weights[i];
    if (u < 0) return values[i];
  }
  return values[values.length - 1];
}

export function syntheticRounds(options: {
  municipalities: number;
  applicants: number;
  sessionsPerRound: number;
  seed: number;
}): CompositionInput[] {
  const random = generator(options.seed);
  const perRound = Math.floor(options.applicants / options.municipalities);
  return Array.from({ length: options.municipalities }, (_, m) => {
    const baseRate = 0.6 + random() * 0.2;
    const sessions: ProposedSession[] = Array.from({ length: options.sessionsPerRound }, (_, j) => {
      const rate = Math.round(Math.min(0.95, Math.max(0.5, baseRate + (random() - 0.5) * 0.1)) * 100) / 100;
      const kind = j % 6;
      if (kind < AGE_BANDS.length)
        return { id: `m${m}-s${j}`, capacity: 6 + Math.floor(random() * 5), segment: AGE_BANDS[kind], showRate: rate };
      if (kind === 4) return { id: `m${m}-s${j}`, capacity: 8, segment: 'mixed', showRate: rate };
      return { id: `m${m}-s${j}`, capacity: 8, segment: 'mixed', homogeneous: true, showRate: rate };
    });
    const applicants: Applicant[] = Array.from(
      { length: m === options.municipalities - 1 ? options.applicants - perRound * m : perRound },
      (_, i) => {
        const availability: Record<string, Availability> = {};
        for (const s of sessions) {
          const u = random();
          availability[s.id] = u < 0.33 ? 'yes' : u < 0.53 ? 'if_need_be' : 'no';
        }
        return { id: `m${m}-a${i}`, segment: pick(random, AGE_BANDS, BAND_WEIGHTS), availability };
      },
    );
    return {
      roundId: `municipality-${m}`,
      seed: `bench-${options.seed}-${m}`,
      sessions,
      applicants,
      coverage: AGE_BANDS.map((segment) => ({ segment, minSessions: 1, minPlaces: 6 })),
      targetGroups: options.sessionsPerRound,
      targetSeats: 48,
      minGroupSize: 4,
    };
  });
}
