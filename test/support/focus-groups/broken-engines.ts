import { createHash, randomUUID } from 'node:crypto';
import { composeRound, type CompositionInput, type CompositionResult } from '../../../libs/focus-groups/src/composition';
import { referenceObjective, referenceRound } from './composition-reference';
import type { Engine } from './composition-properties';

/**
 * Engines broken on purpose, each the way a real mistake would break it, to show that every
 * property of composition-properties.ts catches its failure (composition-checks-fail.spec.ts).
 */

/** Reads "no" as "if need be" (e.g. a screener mapping that lost the "no" answer). */
export const ignoresNo: Engine = (input) =>
  composeRound({
    ...input,
    applicants: input.applicants.map((a) => ({
      ...a,
      availability: Object.fromEntries(input.sessions.map((s) => [s.id, a.availability[s.id] === 'yes' ? 'yes' : 'if_need_be'])),
    })),
  });

/** Over-recruits without the cap (a show rate taken as a percentage, no cap). */
export const ignoresCapacity: Engine = (input) =>
  composeRound({
    ...input,
    maxOverRecruitment: 3,
    maxInvitedPerSession: undefined,
    sessions: input.sessions.map((s) => ({ ...s, showRate: 0.34 })),
  });

/** Drops the homogeneity requirement. */
export const ignoresHomogeneity: Engine = (input) =>
  composeRound({ ...input, sessions: input.sessions.map((s) => ({ ...s, homogeneous: false })) });

/** Lists someone invited to one session in another one too (a merge of two proposals). */
export const invitesTwice: Engine = async (input) => {
  const result = await composeRound(input);
  const running = result.sessions.filter((s) => s.runs);
  if (running.length < 2) return result;
  const [first, second] = running;
  return { ...result, sessions: result.sessions.map((s) => (s === second ? { ...s, invited: [...s.invited, first.invited[0]] } : s)) };
};

/** A fresh seed on every call instead of the recorded one. */
export const unseeded: Engine = (input) => composeRound({ ...input, seed: randomUUID() });

/** A seed that depends on the order the flow read the applicants in. */
export const orderDependent: Engine = (input) => composeRound({ ...input, seed: `${input.seed}${input.applicants[0]?.id ?? ''}` });

/** Ignores the seed it is given: the objective is right, the draw is not the recorded one. */
export const fixedSeed: Engine = (input) => composeRound({ ...input, seed: 'always-the-same' });

/** Reports a better objective than its composition has. */
export const overstatesObjective: Engine = async (input) => {
  const result = await composeRound(input);
  return {
    ...result,
    figures: { ...result.figures, objective: { ...result.figures.objective, total: result.figures.objective.total + 1000 } },
  };
};

/**
 * A greedy loop instead of the solver: sessions in the order given, each filled with the first
 * applicants (in the order given, or in a seed-shuffled order) who can attend it, up to its
 * invitation target. It keeps the hard rules; its objective is what it is (reported truly).
 */
function greedy(order: (input: CompositionInput) => CompositionInput['applicants']): Engine {
  return async (input) => {
    const result = await composeRound(input);
    const taken = new Set<string>();
    const sessions = result.sessions.map((plan) => {
      const session = input.sessions.find((s) => s.id === plan.sessionId)!;
      const required = session.segment !== 'mixed' && session.homogeneous !== false ? session.segment : null;
      const oneSegment = session.segment === 'mixed' && session.homogeneous === true;
      let segment: string | null = null;
      const invited: CompositionResult['sessions'][number]['invited'] = [];
      for (const a of order(input)) {
        if (invited.length >= plan.invitationTarget) break;
        const answer = a.availability[session.id] ?? 'no';
        if (answer === 'no' || taken.has(a.id)) continue;
        if (required !== null && a.segment !== required) continue;
        if (oneSegment && (a.segment === null || (segment !== null && a.segment !== segment))) continue;
        segment ??= a.segment;
        taken.add(a.id);
        invited.push({ applicantId: a.id, availability: answer, segmentMatch: a.segment === session.segment, drawPosition: 0 });
      }
      const runs = invited.length >= plan.minimumToRun;
      return { ...plan, runs, invited: runs ? invited : [], reserves: [] };
    });
    const groups = input.targetGroups ?? Infinity;
    let running = 0;
    const limited = sessions.map((plan) => (plan.runs && ++running > groups ? { ...plan, runs: false, invited: [] } : plan));
    const invitedIds = new Set(limited.flatMap((s) => s.invited.map((i) => i.applicantId)));
    const assignment = new Map(limited.flatMap((s) => s.invited.map((i): [string, string] => [i.applicantId, s.sessionId])));
    const total = referenceObjective(referenceRound(input), assignment);
    const saidNoToAll = (a: CompositionInput['applicants'][number]) => input.sessions.every((s) => (a.availability[s.id] ?? 'no') === 'no');
    return {
      ...result,
      sessions: limited,
      notChosen: input.applicants
        .filter((a) => !invitedIds.has(a.id))
        .map((a) => ({
          applicantId: a.id,
          reason: saidNoToAll(a) ? ('unavailable' as const) : ('lost_draw' as const),
          drawPosition: 0,
          reserveFor: [],
          explanation: '',
        })),
      figures: { ...result.figures, objective: { ...result.figures.objective, total } },
    };
  };
}

/** First come, first served. */
export const greedyInOrder: Engine = greedy((input) => input.applicants);

/** First come in a seed-shuffled order: its objective depends on the seed. */
const shuffleKey = (seed: string, id: string) => createHash('md5').update(`${seed}/${id}`).digest('hex');
export const greedyShuffled: Engine = greedy((input) =>
  [...input.applicants].sort((a, b) => (shuffleKey(input.seed, a.id) < shuffleKey(input.seed, b.id) ? -1 : 1)),
);
