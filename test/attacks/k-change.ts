import { valueOf, type PublishedMunicipality } from './published';

/**
 * Changing k: the same data published under two thresholds. A count withheld under the larger k
 * but printed under the smaller is read directly; so is one printed under both with different
 * values (two noisy looks at one count), which narrows it.
 */
export interface KChangeReading {
  /** Cells withheld in `strict` whose value `lenient` prints. */
  readAcross: { cell: string; value: number }[];
  /** Cells printed in both documents with different values. */
  disagreeing: number;
}

export function compareThresholds(lenient: PublishedMunicipality, strict: PublishedMunicipality): KChangeReading {
  const reading: KChangeReading = { readAcross: [], disagreeing: 0 };
  const strictItems = new Map(strict.items.map((i) => [i.item, i]));
  const visit = (id: string, a: { count: number | null; suppressed: boolean }, b: { count: number | null; suppressed: boolean } | undefined) => {
    const x = valueOf(a);
    const y = valueOf(b);
    if (x !== null && y === null) reading.readAcross.push({ cell: id, value: x });
    if (x !== null && y !== null && x !== y) reading.disagreeing++;
  };
  for (const item of lenient.items) {
    const other = strictItems.get(item.item);
    if (!other) continue;
    visit(`${item.item}/answered`, item.answered, other.answered);
    visit(`${item.item}/skipped`, item.skipped, other.skipped);
    item.counts.forEach((c, i) => visit(`${item.item}/${c.value}`, c.count, other.counts[i]?.count));
    for (const breakdown of item.breakdowns) {
      const ob = other.breakdowns.find((b) => b.breakdown === breakdown.breakdown);
      for (const group of breakdown.groups) {
        const og = ob?.groups.find((g) => g.value === group.value);
        visit(`${item.item}/${breakdown.breakdown}=${group.value}/answered`, group.answered, og?.answered);
        group.counts.forEach((c, i) => visit(`${item.item}/${breakdown.breakdown}=${group.value}/${c.value}`, c.count, og?.counts[i]?.count));
      }
    }
  }
  return reading;
}
