import { valueOf, type PublishedMunicipality } from './published';

/**
 * Transposed tables: the count of (A = a, B = b) is printed twice, in item A broken down by B and
 * in item B broken down by A. A cell withheld in one and printed in the other is read from the
 * other; two printed copies that differ tell the reader about the noise.
 */
export interface TransposedReading {
  /** Pairs of copies of one count. */
  pairs: number;
  /** Withheld in one copy, printed in the other. */
  readAcross: { cell: string; value: number }[];
  /** Printed in both, with different values. */
  disagreeing: number;
}

export function readTransposed(m: PublishedMunicipality): TransposedReading {
  const items = new Map(m.items.map((i) => [i.item, i]));
  const reading: TransposedReading = { pairs: 0, readAcross: [], disagreeing: 0 };
  for (const a of m.items) {
    for (const breakdown of a.breakdowns) {
      const b = items.get(breakdown.breakdown);
      if (!b || a.item >= b.item) continue; // each pair once
      const transposed = b.breakdowns.find((x) => x.breakdown === a.item);
      if (!transposed) continue;
      for (const group of breakdown.groups) {
        if (group.value === null) continue;
        for (const c of group.counts) {
          const other = transposed.groups.find((g) => g.value === c.value)?.counts.find((x) => x.value === group.value);
          if (!other) continue;
          reading.pairs++;
          const here = valueOf(c.count);
          const there = valueOf(other.count);
          if (here === null && there !== null) reading.readAcross.push({ cell: `${a.item}=${c.value}&${b.item}=${group.value}`, value: there });
          if (here !== null && there === null) reading.readAcross.push({ cell: `${a.item}=${c.value}&${b.item}=${group.value}`, value: here });
          if (here !== null && there !== null && here !== there) reading.disagreeing++;
        }
      }
    }
  }
  return reading;
}
