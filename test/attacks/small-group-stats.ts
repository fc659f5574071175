import { valueOf, type PublishedMunicipality } from './published';

/**
 * Quartiles and means of small groups: with n answers, percentile_cont's q1, median and q3 fall on
 * answers themselves whenever (n - 1) / 4 is whole (n = 5, 9, ...), and the mean times n gives
 * the sum; for n = 5 that is three answers exactly and the sum of the other two. The reader needs
 * n: the group's published answered count.
 */
export interface StatsReading {
  /** Published stats of groups with a known n below `smallGroup`. */
  smallGroupStats: number;
  /** Individual answers read exactly: q1/median/q3 landing on a data point of a group with known n. */
  answersRead: { cell: string; n: number; values: number[] }[];
}

export function readSmallGroupStats(m: PublishedMunicipality, smallGroup = 10): StatsReading {
  const reading: StatsReading = { smallGroupStats: 0, answersRead: [] };
  const visit = (id: string, n: number | null, stats: { q1: number; median: number; q3: number; mean: number } | null) => {
    if (!stats || n === null || n >= smallGroup || n < 1) return;
    reading.smallGroupStats++;
    const values: number[] = [];
    for (const [p, v] of [[0.25, stats.q1], [0.5, stats.median], [0.75, stats.q3]] as const) {
      if (Number.isInteger((n - 1) * p)) values.push(v);
    }
    if (values.length) reading.answersRead.push({ cell: id, n, values });
  };
  for (const item of m.items) {
    visit(item.item, valueOf(item.answered), item.stats);
    for (const breakdown of item.breakdowns) {
      for (const group of breakdown.groups) visit(`${item.item}/${breakdown.breakdown}=${group.value}`, valueOf(group.answered), group.stats);
    }
  }
  return reading;
}
