/** Answers to the small test survey (survey-fixtures), generated from a seed, and a plain count over them. */

export const SECRET_TEXT = 'free text that must never be published';

/** A small seeded generator: skewed answers, so some counts are small and must be suppressed. */
export function residentAnswers(seed: number, count: number): Record<string, unknown>[] {
  let state = seed;
  const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
  const pick = <T>(weighted: [T, number][]): T => {
    let r = random() * weighted.reduce((s, [, w]) => s + w, 0);
    for (const [value, weight] of weighted) if ((r -= weight) < 0) return value;
    return weighted[weighted.length - 1][0];
  };
  return Array.from({ length: count }, () => {
    const answers: Record<string, unknown> = {
      took_part: pick([['yes', 3], ['no', 1]]),
      trust: pick([[1, 1], [2, 2], [3, 5], [4, 8], [5, 4]]),
    };
    if (answers.took_part === 'yes') {
      const first = pick([['meeting', 12], ['petition', 5], ['survey', 3]]);
      const second = pick([[null, 6], ['meeting', 1], ['petition', 1], ['survey', 1], ['other', 1]]);
      answers.ways = second && second !== first ? [first, second] : [first];
      if ((answers.ways as string[]).includes('other')) answers['ways-Comment'] = SECRET_TEXT;
    }
    if (random() < 0.7) answers.years = Math.floor(random() * 40);
    if (random() < 0.3) answers.ideas = SECRET_TEXT;
    const age = pick([['18_29', 3], ['30_44', 8], ['45_plus', 7], [null, 2]]);
    if (age) answers.age_band = age;
    return answers;
  });
}

/** Counts in plain JS from the answers the test itself submitted: the independent count. */
export function countOf(answers: Record<string, unknown>[], question: string, value: string, group?: string | null): number {
  return answers.filter((a) => {
    if (group !== undefined && (a.age_band ?? null) !== group) return false;
    const v = a[question];
    return Array.isArray(v) ? v.includes(value) : (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') && String(v) === value;
  }).length;
}
