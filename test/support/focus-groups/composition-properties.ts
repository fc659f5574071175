import fc from 'fast-check';
import loadHighs from 'highs';
import type { CompositionInput, CompositionResult } from '../../../libs/focus-groups/src/composition';
import { anyRound, tinyRound, withoutBinaryChoices } from './focus-instances';
import {
  assignmentOf,
  bruteForce,
  referenceDraw,
  referenceLpBound,
  referenceMipOptimum,
  referenceObjective,
  referenceRound,
  violations,
} from './composition-reference';

/**
 * The composition's properties, each a function of an engine, so the same check runs on the real
 * engine (composition.properties.spec.ts) and on broken ones (composition-checks-fail.spec.ts).
 */

export type Engine = (input: CompositionInput) => Promise<CompositionResult>;

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let referenceHighs: Promise<Highs> | null = null;
/** Its own HiGHS runtime, apart from the engine's. */
export function referenceSolver(): Promise<Highs> {
  referenceHighs ??= loadHighs();
  return referenceHighs;
}

/** A result without the one figure that is a measurement (the solver's time). */
export function comparable(result: CompositionResult): unknown {
  return { ...result, figures: { ...result.figures, solver: { ...result.figures.solver, millis: 0 } } };
}

function single(result: CompositionResult): Map<string, string> {
  return new Map([...assignmentOf(result)].map(([id, sessions]) => [id, sessions[0]]));
}

/** The same round read in another order: sessions, applicants and availability keys reversed. */
export function reordered(input: CompositionInput): CompositionInput {
  return {
    ...input,
    sessions: [...input.sessions].reverse(),
    applicants: [...input.applicants]
      .reverse()
      .map((a) => ({ ...a, availability: Object.fromEntries(Object.entries(a.availability).reverse()) })),
    coverage: input.coverage ? [...input.coverage].reverse() : undefined,
  };
}

export const properties = {
  /** Never a "no" session, never over capacity plus over-recruitment, homogeneous where required, once each. */
  keepsTheRules: (engine: Engine) =>
    fc.asyncProperty(anyRound, async (input) => {
      const found = violations(input, await engine(input));
      if (found.length > 0) throw new Error(found.slice(0, 5).join('\n'));
    }),

  /** Same input and seed, in any order: the same result. */
  sameSeedSameResult: (engine: Engine) =>
    fc.asyncProperty(anyRound, async (input) => {
      const first = comparable(await engine(input));
      expect(comparable(await engine(input))).toEqual(first);
      expect(comparable(await engine(reordered(input)))).toEqual(first);
    }),

  /** Another seed changes nothing but the choice among equals: the objective stays. */
  otherSeedOnlyAmongEquals: (engine: Engine) =>
    fc.asyncProperty(anyRound, fc.string({ minLength: 1, maxLength: 24 }), async (input, seed) => {
      const round = referenceRound(input);
      const a = referenceObjective(round, single(await engine(input)));
      const b = referenceObjective(round, single(await engine({ ...input, seed })));
      expect(b).toBe(a);
    }),

  /**
   * Rounds without a binary choice (every proposed session may run, no minimum group size, no
   * mixed session that must be homogeneous): the objective, recomputed here from who is invited
   * where, is what the engine reports, at most the LP relaxation's bound solved here, and at least
   * 99% of it.
   */
  withinOnePercentOfLpBound: (engine: Engine) =>
    fc.asyncProperty(anyRound.map(withoutBinaryChoices), async (input) => {
      const result = await engine(input);
      const objective = referenceObjective(referenceRound(input), single(result));
      const bound = referenceLpBound(await referenceSolver(), input);
      expect(result.figures.objective.total).toBe(objective);
      expect(objective).toBeLessThanOrEqual(bound + 1e-6 * Math.max(1, bound));
      expect(objective).toBeGreaterThanOrEqual(0.99 * bound - 1e-6);
    }),

  /**
   * Every round, binary choices included: the objective is the optimum of the same model with its
   * binaries, solved here apart from the engine (its relaxation's bound can be well above it: see
   * the README), and is what the engine reports.
   */
  equalsIndependentMipOptimum: (engine: Engine) =>
    fc.asyncProperty(anyRound, async (input) => {
      const result = await engine(input);
      const objective = referenceObjective(referenceRound(input), single(result));
      const highs = await referenceSolver();
      expect(result.figures.objective.total).toBe(objective);
      expect(objective).toBe(Math.round(referenceMipOptimum(highs, input)));
      expect(objective).toBeLessThanOrEqual(referenceLpBound(highs, input) + 1e-6 * Math.max(1, objective));
    }),

  /** Tiny rounds: the enumeration of every assignment finds the same optimum, and the same draw. */
  agreesWithBruteForce: (engine: Engine) =>
    fc.asyncProperty(tinyRound, async (input) => {
      const round = referenceRound(input);
      const result = single(await engine(input));
      const best = bruteForce(input);
      expect(referenceObjective(round, result)).toBe(best.objective);
      expect(referenceDraw(round, result)).toBe(best.draw);
    }),
};

export const RUNS = Number(process.env.FOCUS_PROPERTY_RUNS ?? 60);
export const SEED = Number(process.env.FOCUS_PROPERTY_SEED ?? 20260615);
