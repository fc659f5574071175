import { valueOf, type PublishedMunicipality, type Record_ } from './published';

/**
 * Padding: the attacker added fake responses whose answers they know (`fakes`, as records), so
 * subtracting the fakes' counts from the published ones leaves the real respondents' counts. With
 * one real respondent left over, the counts that remain positive are that respondent's answers.
 */
export function subtractKnown(m: PublishedMunicipality, fakes: Record_[]): Record_ {
  const guess: Record_ = new Map();
  for (const item of m.items) {
    if (item.kind === 'numeric') continue;
    const residual = item.counts.map((c) => {
      const published = valueOf(c.count);
      const fake = fakes.filter((f) => {
        const v = f.get(item.item);
        return Array.isArray(v) ? v.includes(c.value) : v === c.value;
      }).length;
      return { value: c.value, rest: published === null ? null : published - fake };
    });
    const answered = valueOf(item.answered);
    const fakeAnswered = fakes.filter((f) => f.get(item.item) !== null && f.get(item.item) !== undefined).length;
    const restAnswered = answered === null ? null : answered - fakeAnswered;
    if (item.kind === 'multiple') {
      const chosen = residual.filter((r) => r.rest !== null && r.rest > 0).map((r) => r.value).sort();
      guess.set(item.item, restAnswered !== null && restAnswered <= 0 && chosen.length === 0 ? null : chosen);
      continue;
    }
    const best = residual.filter((r) => r.rest !== null).sort((a, b) => b.rest! - a.rest!)[0];
    guess.set(item.item, restAnswered !== null && restAnswered <= 0 && (!best || best.rest! <= 0) ? null : best?.value ?? null);
  }
  return guess;
}
