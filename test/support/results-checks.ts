/**
 * Independent checks of published results, written from the document alone: an attacker that
 * solves every additive relation a reader can see, and a plain-JS count of the raw answers.
 */

interface PublishedCell {
  count: number | null;
  suppressed: boolean;
}
interface Group {
  value: string | null;
  answered: PublishedCell;
  counts: { value: string; count: PublishedCell }[];
}
interface Item {
  item: string;
  question: string;
  kind: 'choice' | 'multiple' | 'numeric';
  answered: PublishedCell;
  skipped: PublishedCell;
  counts: { value: string; count: PublishedCell }[];
  breakdowns: { breakdown: string; groups: Group[] }[];
}
export interface PublishedMunicipality {
  code: string;
  responses: number;
  items: Item[];
}

/**
 * Returns the ids of suppressed cells a reader can recover by repeatedly solving any relation
 * with exactly one unknown, or whose known part leaves 0 for the unknowns (counts are never
 * negative). The unknowns include figures never published, such as "answered but did not choose
 * X"; for `requiredQuestions` (required, unconditional) a reader knows nobody skipped them.
 */
export function derivableSuppressedCells(m: PublishedMunicipality, requiredQuestions: string[] = []): string[] {
  const known = new Map<string, number>();
  const suppressed = new Set<string>();
  const lines: { members: string[]; total: string }[] = [];
  const cell = (id: string, c: PublishedCell) => {
    if (c.suppressed) suppressed.add(id);
    else known.set(id, c.count!);
    return id;
  };
  const line = (members: string[], total: string) => lines.push({ members, total });
  known.set('responses', m.responses);
  const byQuestion = new Map(m.items.map((item) => [item.item, item]));

  for (const item of m.items) {
    const p = item.item;
    cell(`${p}/answered`, item.answered);
    cell(`${p}/skipped`, item.skipped);
    line([`${p}/answered`, `${p}/skipped`], 'responses');
    item.counts.forEach((c) => cell(`${p}/${c.value}`, c.count));
    if (item.kind === 'choice') line(item.counts.map((c) => `${p}/${c.value}`), `${p}/answered`);
    if (item.kind === 'multiple') item.counts.forEach((c) => line([`${p}/${c.value}`, `${p}/not:${c.value}`], `${p}/answered`));
    for (const breakdown of item.breakdowns) {
      const source = byQuestion.get(breakdown.breakdown)!;
      for (const g of breakdown.groups) {
        const q = `${p}/${breakdown.breakdown}=${g.value}`;
        cell(`${q}/answered`, g.answered);
        g.counts.forEach((c) => cell(`${q}/${c.value}`, c.count));
        if (item.kind === 'choice') line(g.counts.map((c) => `${q}/${c.value}`), `${q}/answered`);
        if (item.kind === 'multiple') g.counts.forEach((c) => line([`${q}/${c.value}`, `${q}/not:${c.value}`], `${q}/answered`));
        // The group's size is the breakdown question's own count (not stated: its skipped).
        const size = g.value === null ? `${source.item}/skipped` : `${source.item}/${g.value}`;
        line([`${q}/answered`, `${q}/skipped`], size);
        if (requiredQuestions.includes(item.question)) known.set(`${q}/skipped`, 0);
      }
      const groups = breakdown.groups.map((g) => `${p}/${breakdown.breakdown}=${g.value}`);
      item.counts.forEach((c) => {
        line(groups.map((q) => `${q}/${c.value}`), `${p}/${c.value}`);
        if (item.kind === 'multiple') line(groups.map((q) => `${q}/not:${c.value}`), `${p}/not:${c.value}`);
      });
      line(groups.map((q) => `${q}/answered`), `${p}/answered`);
      line(groups.map((q) => `${q}/skipped`), `${p}/skipped`);
    }
  }

  for (let progress = true; progress; ) {
    progress = false;
    for (const { members, total } of lines) {
      const unknown = [...members, total].filter((id) => !known.has(id));
      if (!unknown.length) continue;
      const knownSum = members.filter((x) => known.has(x)).reduce((s, x) => s + known.get(x)!, 0);
      if (unknown.length === 1) {
        const [id] = unknown;
        known.set(id, id === total ? knownSum : known.get(total)! - knownSum);
        progress = true;
      } else if (known.has(total) && known.get(total) === knownSum) {
        unknown.forEach((id) => known.set(id, 0));
        progress = true;
      }
    }
  }
  return [...suppressed].filter((id) => known.has(id));
}

/** percentile_cont over a plain sorted array. */
export function percentile(sorted: number[], p: number): number {
  const position = p * (sorted.length - 1);
  const lower = Math.floor(position);
  return sorted[lower] + (position - lower) * (sorted[Math.ceil(position)] - sorted[lower]);
}
