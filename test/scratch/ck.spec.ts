import { naivePlan } from '../support/naive-compile';
import { ckCompile } from './ck-compile';
import { differenceRecord } from '../attacks/differencing';
import { RESIDENT_BREAKDOWNS, RESIDENT_DEFINITION, residentAnswers } from '../attacks/resident-data';
import { modeGuess, score } from '../attacks/scoring';
import { recordOf } from '../attacks/truth';
import { subtractKnown } from '../attacks/padding';
const plan = naivePlan(RESIDENT_DEFINITION, RESIDENT_BREAKDOWNS);
it('sim', () => {
  const agg = { c: 0, tot: 0, ch: 0, pc: 0, pt: 0, pch: 0 };
  for (let seed = 1; seed <= 30; seed++) {
    const answers = residentAnswers(seed, 160);
    const keys = answers.map((_, i) => (i * 7919 + seed * 131) % 256);
    const first = ckCompile(plan, answers.slice(0, 150), 5, keys);
    const second = ckCompile(plan, answers, 5, keys);
    const newcomers = answers.slice(150);
    let c = 0, tot = 0, ch = 0, full = 0, targets = 0;
    for (const person of newcomers) for (const b of RESIDENT_BREAKDOWNS) {
      const group = (person[b] ?? null) as string | null;
      if (newcomers.filter((p) => (p[b] ?? null) === group).length !== 1) continue;
      targets++;
      const truth = recordOf(person, second.items); truth.delete(b);
      const s = score(differenceRecord(first, second, { breakdown: b, group: group === null ? null : String(group) }), truth);
      c += s.correct; tot += s.total; full += s.full ? 1 : 0; ch += score(modeGuess(second), truth).correct;
    }
    // padding
    const fakes = residentAnswers(999, 60); const real = residentAnswers(seed + 50, 1)[0];
    const all = [...fakes, real]; const k2 = all.map((_, i) => (i * 104729 + seed) % 256);
    const doc = ckCompile(plan, all, 5, k2); const truth = recordOf(real, doc.items);
    const ps = score(subtractKnown(doc, fakes.map((f) => recordOf(f, doc.items))), truth); const pc = score(modeGuess(doc), truth);
    agg.c += c; agg.tot += tot; agg.ch += ch; agg.pc += ps.correct; agg.pt += ps.total; agg.pch += pc.correct;
    if (seed % 10 === 0) console.log(`agg diff ${(agg.c / agg.tot).toFixed(3)} vs ${(agg.ch / agg.tot).toFixed(3)}; pad ${(agg.pc / agg.pt).toFixed(3)} vs ${(agg.pch / agg.pt).toFixed(3)}`);
    if (seed < 0) console.log(`seed ${seed}: differencing targets ${targets} acc ${(c / tot).toFixed(3)} chance ${(ch / tot).toFixed(3)} full ${full}; padding ${(ps.correct / ps.total).toFixed(3)} chance ${(pc.correct / pc.total).toFixed(3)}`);
  }
});
