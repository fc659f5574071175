import { Tabulation } from '../../libs/results/src/compile/build-results';
import { auditAndProtect } from '../../libs/results/src/disclosure/release-audit';
import { jsAggregates } from '../support/js-aggregates';
import { naiveCompile, naivePlan } from '../support/naive-compile';
import { differenceRecord } from './differencing';
import { subtractKnown } from './padding';
import type { PublishedMunicipality } from './published';
import { RESIDENT_BREAKDOWNS, RESIDENT_DEFINITION, residentAnswers } from './resident-data';
import { modeGuess, score } from './scoring';
import { readTransposed } from './transposed';
import { recordOf } from './truth';

/**
 * Differencing and padding against the protected build step (tabulation, cell-key perturbation,
 * auditor: what the worker runs for a release), without the database, so they run in seconds;
 * the same attacks run through the real api and worker in test/e2e/results-attacks.e2e-spec.ts.
 * Bounds as there; each attack is calibrated on the naive compile of the same answers.
 */
const K = 5;
const plan = naivePlan(RESIDENT_DEFINITION, RESIDENT_BREAKDOWNS);
const keysFor = (n: number, seed: number) => {
  let state = seed >>> 0 || 1;
  return Array.from({ length: n }, () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0), state >>> 24));
};
async function release(answers: Record<string, unknown>[], keys: number[], earlier: Parameters<typeof auditAndProtect>[2] = []) {
  const tabulation = new Tabulation({ plan, k: K, ...jsAggregates(plan, answers, keys) });
  const { results, tables } = await auditAndProtect(tabulation, K, earlier);
  const doc = { code: 'm', responses: results.publishedResponses, belowThreshold: results.belowThreshold, items: results.items } as unknown as PublishedMunicipality;
  return { doc, tables };
}

describe('attacks against the protected build step', () => {
  /**
   * KNOWN FAILURE of the protection (it.failing: green while the attack beats the bound, red once
   * the protection is fixed, then make it a plain `it`). Measured 2026-11-29 on 4 seeds: protected
   * 0.684 per-answer accuracy, naive 0.742, chance 0.425. Why: the cell-key noise is a fixed
   * function of a cell's records, so a cell no newcomer joined keeps its exact value from one
   * release to the next; in a breakdown group that gained ONE newcomer, the cells that changed are
   * that newcomer's answers. The release rule (2k new responses) does not help inside a group.
   */
  it.failing('time differencing across a release of 2k new responses: no full record, accuracy at most chance + 0.25', async () => {
    let p = { correct: 0, total: 0, full: 0 };
    let nv = { correct: 0, total: 0, full: 0 };
    let chance = 0;
    for (const seed of [1, 2, 3, 4]) {
      const answers = residentAnswers(seed, 160);
      const keys = keysFor(160, seed);
      const first = await release(answers.slice(0, 150), keys.slice(0, 150));
      const second = await release(answers, keys, [first.tables]);
      const newcomers = answers.slice(150);
      for (const person of newcomers) {
        for (const breakdown of RESIDENT_BREAKDOWNS) {
          const group = (person[breakdown] ?? null) as string | null;
          if (newcomers.filter((x) => (x[breakdown] ?? null) === group).length !== 1) continue;
          const truth = recordOf(person, second.doc.items);
          truth.delete(breakdown);
          const scope = { breakdown, group: group === null ? null : String(group) };
          const a = score(differenceRecord(first.doc, second.doc, scope), truth);
          const b = score(differenceRecord(naiveCompile(plan, answers.slice(0, 150), K), naiveCompile(plan, answers, K), scope), truth);
          p = { correct: p.correct + a.correct, total: p.total + a.total, full: p.full + (a.full ? 1 : 0) };
          nv = { correct: nv.correct + b.correct, total: nv.total + b.total, full: nv.full + (b.full ? 1 : 0) };
          chance += score(modeGuess(second.doc), truth).correct;
        }
      }
      expect(readTransposed(second.doc).readAcross).toEqual([]);
    }
     
    console.log(`differencing (build step): protected ${(p.correct / p.total).toFixed(3)}, naive ${(nv.correct / nv.total).toFixed(3)}, chance ${(chance / p.total).toFixed(3)}, full records protected ${p.full} naive ${nv.full}`);
    expect(p.total).toBeGreaterThan(0);
    expect(nv.correct / nv.total).toBeGreaterThan(chance / p.total + 0.1);
    expect(p.full).toBe(0);
    expect(p.correct / p.total).toBeLessThanOrEqual(chance / p.total + 0.25);
  }, 1800000);

  it('padding with 60 known fakes: no full record, accuracy at most chance + 0.35', async () => {
    const fakes = residentAnswers(999, 60);
    let p = 0;
    let nv = 0;
    let chance = 0;
    let total = 0;
    let full = 0;
    for (const [i, real] of residentAnswers(77, 4).entries()) {
      const answers = [...fakes, real];
      const { doc } = await release(answers, keysFor(61, 100 + i));
      const truth = recordOf(real, doc.items);
      const known = fakes.map((f) => recordOf(f, doc.items));
      const a = score(subtractKnown(doc, known), truth);
      p += a.correct;
      full += a.full ? 1 : 0;
      nv += score(subtractKnown(naiveCompile(plan, answers, K), known), truth).correct;
      chance += score(modeGuess(doc), truth).correct;
      total += a.total;
    }
     
    console.log(`padding (build step): protected ${(p / total).toFixed(3)}, naive ${(nv / total).toFixed(3)}, chance ${(chance / total).toFixed(3)}`);
    expect(nv / total).toBeGreaterThan(0.75);
    expect(full).toBe(0);
    expect(p / total).toBeLessThanOrEqual(chance / total + 0.35);
  }, 1800000);
});
