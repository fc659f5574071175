import type { PublishedMunicipality, Record_ } from './published';

const same = (a: string | string[] | null | undefined, b: string | string[] | null | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** How much of a true record a guess gets right: items answered correctly (checkbox: the exact set). */
export function score(guess: Record_, truth: Record_, items?: string[]): { correct: number; total: number; full: boolean } {
  const keys = items ?? [...truth.keys()];
  const correct = keys.filter((key) => same(guess.get(key), truth.get(key))).length;
  return { correct, total: keys.length, full: correct === keys.length };
}

/**
 * The "chance" an attacker has without the attack: for each item, the most common answer in the
 * published table (a reader's best guess for anyone), scored against the same truth.
 */
export function modeGuess(m: PublishedMunicipality): Record_ {
  const guess: Record_ = new Map();
  for (const item of m.items) {
    if (item.kind === 'numeric') continue;
    const ranked = [...item.counts].filter((c) => !c.count.suppressed).sort((a, b) => b.count.count! - a.count.count!);
    if (item.kind === 'multiple') guess.set(item.item, ranked.slice(0, 1).map((c) => c.value));
    else guess.set(item.item, ranked[0]?.value ?? null);
  }
  return guess;
}
