import { naiveCompile, naivePlan } from '../support/naive-compile';
import { differenceRecord } from './differencing';
import { compareThresholds } from './k-change';
import { lpRead } from './lp-reader';
import { subtractKnown } from './padding';
import type { PublishedMunicipality } from './published';
import { RESIDENT_BREAKDOWNS, RESIDENT_DEFINITION, RESIDENT_REQUIRED, residentAnswers } from './resident-data';
import { modeGuess, score } from './scoring';
import { readSmallGroupStats } from './small-group-stats';
import { readTransposed } from './transposed';
import { recordOf } from './truth';

/**
 * Calibration: every attack of the suite SUCCEEDS against the unprotected compile (the behaviour
 * the issue reports), so the protected-pipeline assertions (test/e2e/results-attacks*.e2e-spec.ts)
 * cannot pass because an attack is simply broken.
 */
const K = 5;
const plan = naivePlan(RESIDENT_DEFINITION, RESIDENT_BREAKDOWNS);
const compile = (answers: Record<string, unknown>[], k = K) => naiveCompile(plan, answers, k);

describe('attacks against the unprotected (naive) compile', () => {
  it('time differencing: two live documents one response apart give that respondent\'s whole record', () => {
    const answers = residentAnswers(7, 160);
    let full = 0;
    let correct = 0;
    let total = 0;
    let chance = 0;
    for (let n = 150; n < 160; n++) {
      const before = compile(answers.slice(0, n));
      const after = compile(answers.slice(0, n + 1));
      const truth = recordOf(answers[n], after.items);
      const result = score(differenceRecord(before, after), truth);
      full += result.full ? 1 : 0;
      correct += result.correct;
      total += result.total;
      chance += score(modeGuess(after), truth).correct;
    }
    expect(correct / total).toBeGreaterThan(0.95);
    expect(full).toBeGreaterThanOrEqual(5);
    expect(correct / total).toBeGreaterThan(chance / total + 0.3);
  });

  it('padding: subtracting 60 known fake responses leaves the one real respondent\'s record', () => {
    // Valid, varied fakes (so most values get at least k of them and are printed): any answers the attacker keeps.
    const fakes = residentAnswers(999, 60);
    let correct = 0;
    let total = 0;
    let chance = 0;
    for (const real of residentAnswers(11, 5)) {
      const doc = compile([...fakes, real]);
      const truth = recordOf(real, doc.items);
      const result = score(subtractKnown(doc, fakes.map((f) => recordOf(f, doc.items))), truth);
      correct += result.correct;
      total += result.total;
      chance += score(modeGuess(doc), truth).correct;
    }
    // Values no fake chose are 0 or a withheld 1: the rest are read exactly.
    expect(correct / total).toBeGreaterThan(0.75);
    expect(correct / total).toBeGreaterThan(chance / total + 0.25);
  });

  it('transposed tables: a count withheld in age x gender is printed in gender x age', () => {
    const doc = compile(residentAnswers(3, 60));
    const reading = readTransposed(doc);
    expect(reading.pairs).toBeGreaterThan(0);
    expect(reading.readAcross.length).toBeGreaterThan(0);
  });

  it('k change: the documents under k = 5 and k = 10 together print what k = 10 withholds, and the merged reader pins withheld cells', () => {
    const answers = residentAnswers(5, 80);
    const lenient = compile(answers, 5);
    const strict = compile(answers, 10);
    const reading = compareThresholds(lenient, strict);
    expect(reading.readAcross.length).toBeGreaterThan(0);
  });

  it('quartiles of small groups: q1, median and q3 of a group of 5 are three residents\' answers', () => {
    const doc = compile(residentAnswers(9, 40));
    const reading = readSmallGroupStats(doc);
    expect(reading.answersRead.length).toBeGreaterThan(0);
  });

  it('the LP reader recovers exact withheld counts and intervals inside 1..k-1', async () => {
    const doc: PublishedMunicipality = compile(residentAnswers(13, 60));
    const reading = await lpRead(doc, { k: K, noise: 0, requiredItems: RESIDENT_REQUIRED });
    expect(reading.withheld).toBeGreaterThan(0);
    expect(reading.exact.length + reading.insideSmall.length).toBeGreaterThan(0);
  });
});

describe('the attacker LP reader is sound (oracle: the true counts)', () => {
  it('every value it pins is the true count, every range it reports holds the true count', async () => {
    for (const [seed, n] of [[13, 60], [21, 25], [34, 120]] as const) {
      const answers = residentAnswers(seed, n);
      const truthDoc = compile(answers, 1); // k = 1: nothing withheld, every count exact
      const truthOf = (cell: string): number => {
        const [item, ...rest] = cell.split('/');
        const it = truthDoc.items.find((i) => i.item === item)!;
        const path = rest.join('/');
        const pick = (counts: { value: string; count: { count: number | null } }[], v: string) => counts.find((c) => c.value === v)!.count.count!;
        if (path === 'answered') return it.answered.count!;
        if (path === 'skipped') return it.skipped.count!;
        if (path.startsWith('v=')) return pick(it.counts, path.slice(2));
        const [group, what] = path.split('/');
        const [breakdown, value] = group.split('=');
        const g = it.breakdowns.find((b) => b.breakdown === breakdown)!.groups.find((x) => String(x.value) === value)!;
        return what === 'answered' ? g.answered.count! : pick(g.counts, what.slice(2));
      };
      const reading = await lpRead(compile(answers), { k: K, noise: 0, requiredItems: RESIDENT_REQUIRED });
      expect(reading.exact.length + reading.insideSmall.length).toBeGreaterThan(0);
      for (const f of [...reading.exact, ...reading.insideSmall]) {
        const truth = truthOf(f.cell);
        expect([f.cell, truth >= f.min && truth <= f.max]).toEqual([f.cell, true]);
      }
    }
  });
});
