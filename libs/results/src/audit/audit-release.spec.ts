import { auditRelease, type AuditCell, type AuditInput, type AuditTables } from './index';
import { withheldIntervals } from './withheld-intervals';

/** A tiny release builder: cells by key, lines by keys. `null` publishes the cell as withheld. */
function tables(cells: Record<string, [trueValue: number, published: number | null]>, lines: [string[], string][]): AuditTables {
  const keys = Object.keys(cells);
  const index = (key: string) => {
    const i = keys.indexOf(key);
    if (i < 0) throw new Error(`no cell ${key}`);
    return i;
  };
  return {
    cells: keys.map((key): AuditCell => ({ key, trueValue: cells[key][0], published: cells[key][1] })),
    lines: lines.map(([members, total]) => ({ members: members.map(index), total: index(total) })),
  };
}

const audit = (input: Partial<AuditInput> & Pick<AuditInput, 'release'>) => auditRelease({ k: 5, noiseBound: 0, earlier: [], ...input });

describe('release auditor (LP reader)', () => {
  it('exposes one withheld cell in a row whose total and other cells are exact', async () => {
    const release = tables({ a: [10, 10], b: [2, null], c: [7, 7], total: [19, 19] }, [[['a', 'b', 'c'], 'total']]);
    const report = await audit({ release });
    expect(report.exposed).toEqual([{ key: 'b', min: 2, max: 2 }]);
    expect(report.cellsChecked).toBe(1);
    expect(report.solves).toBeGreaterThan(0);
  });

  it('exposes a withheld zero pinned by exact margins (max 0: "nobody in the group")', async () => {
    const release = tables({ a: [10, 10], b: [0, null], total: [10, 10] }, [[['a', 'b'], 'total']]);
    expect((await audit({ release })).exposed).toEqual([{ key: 'b', min: 0, max: 0 }]);
  });

  it('does not expose the same row once every published number is only known to +-2', async () => {
    // b = total - a - c lies in [19-2 - 12 - 9, 21 - 8 - 5] = [-4, 8], capped by 0 and k-1+2 = 6.
    const release = tables({ a: [10, 10], b: [2, null], c: [7, 7], total: [19, 19] }, [[['a', 'b', 'c'], 'total']]);
    const report = await auditRelease({ k: 5, noiseBound: 2, release, earlier: [] });
    expect(report.exposed).toEqual([]);
    expect(await withheldIntervals({ k: 5, noiseBound: 2, release, earlier: [] })).toEqual([{ key: 'b', min: 0, max: 6 }]);
  });

  /**
   * A 3x3 table with its margins, all exact (noise 0, k = 5); a, b, d, e withheld:
   *        X   Y   Z  | rows
   *  r1    a   b  10  | 13
   *  r2    d   e  20  | 24
   *  r3   10  10  10  | 30
   *  cols 14  13  40  | 67 (a+b+d+e+60)
   */
  const rectangle = (a: number, b: number, d: number, e: number): AuditTables =>
    tables(
      {
        a: [a, null], b: [b, null], c: [10, 10], r1: [a + b + 10, a + b + 10],
        d: [d, null], e: [e, null], f: [20, 20], r2: [d + e + 20, d + e + 20],
        g: [10, 10], h: [10, 10], i: [10, 10], r3: [30, 30],
        X: [a + d + 10, a + d + 10], Y: [b + e + 10, b + e + 10], Z: [40, 40], all: [a + b + d + e + 60, a + b + d + e + 60],
      },
      [
        [['a', 'b', 'c'], 'r1'], [['d', 'e', 'f'], 'r2'], [['g', 'h', 'i'], 'r3'], [['r1', 'r2', 'r3'], 'all'],
        [['a', 'd', 'g'], 'X'], [['b', 'e', 'h'], 'Y'], [['c', 'f', 'i'], 'Z'], [['X', 'Y', 'Z'], 'all'],
      ],
    );

  it('computes the interval of a 2x2 rectangle of withheld cells with exact margins, and exposes only the cell pinned inside 1..k-1', async () => {
    // a=1 b=2 d=3 e=1: a+b = 3, d+e = 4, a+d = 4, b+e = 3, so a = t, b = 3-t, d = 4-t, e = t, and with
    // every withheld cell <= k-1 = 4, t runs over 0..3: a, b, e lie in 0..3 (0 possible: safe), d in
    // 1..4 (entirely inside 1..k-1: "at least one" is disclosed).
    const release = rectangle(1, 2, 3, 1);
    const intervals = await withheldIntervals({ k: 5, noiseBound: 0, release, earlier: [] });
    expect(Object.fromEntries(intervals.map((i) => [i.key, [i.min, i.max]]))).toEqual({ a: [0, 3], b: [0, 3], d: [1, 4], e: [0, 3] });
    const report = await auditRelease({ k: 5, noiseBound: 0, release, earlier: [] });
    expect(report.exposed).toEqual([{ key: 'd', min: 1, max: 4 }]);
    expect(report.cellsChecked).toBe(4);
  });

  it('finds nothing in a 2x2 rectangle whose cells can all be 0, and nothing once margins carry noise', async () => {
    // a=b=d=e=1: t runs over 0..2, every cell in 0..2.
    const ones = await auditRelease({ k: 5, noiseBound: 0, release: rectangle(1, 1, 1, 1), earlier: [] });
    expect(ones.exposed).toEqual([]);
    expect(ones.cellsChecked).toBe(4);
    // The exposed case above, with the reader knowing each figure only to +-2: d can be 0.
    const noisy = await withheldIntervals({ k: 5, noiseBound: 2, release: rectangle(1, 2, 3, 1), earlier: [] });
    expect(noisy.find((i) => i.key === 'd')!.min).toBe(0);
    expect((await auditRelease({ k: 5, noiseBound: 2, release: rectangle(1, 2, 3, 1), earlier: [] })).exposed).toEqual([]);
  });

  it('uses earlier releases: a cell never shrinks, so an earlier published count pins a later withheld one', async () => {
    // k = 5, noise <= 1. Earlier: c published 5 (true 4), so c >= 4 then and now.
    // Now: c withheld (so <= 5), b published 27 (true 26), total 29 (true 30): c = total - b <= 30 - 26 = 4.
    const earlier = tables({ b: [20, 20], c: [4, 5], total: [24, 24] }, [[['b', 'c'], 'total']]);
    const release = tables({ b: [26, 27], c: [4, null], total: [30, 29] }, [[['b', 'c'], 'total']]);
    const alone = await auditRelease({ k: 5, noiseBound: 1, release, earlier: [] });
    expect(alone.exposed).toEqual([]);
    const withHistory = await auditRelease({ k: 5, noiseBound: 1, release, earlier: [earlier] });
    expect(withHistory.exposed).toEqual([{ key: 'c', min: 4, max: 4 }]);
  });

  it('does not bound hidden cells by k, and does not audit them', async () => {
    // answered = chose + notChose, notChose never published (hidden, true 40): chose = 2 withheld.
    const release: AuditTables = {
      cells: [
        { key: 'answered', trueValue: 42, published: 42 },
        { key: 'chose', trueValue: 2, published: null },
        { key: 'notChose', trueValue: 40, published: null, hidden: true },
      ],
      lines: [{ members: [1, 2], total: 0 }],
    };
    const report = await auditRelease({ k: 5, noiseBound: 0, release, earlier: [] });
    expect(report.cellsChecked).toBe(1);
    expect(report.exposed).toEqual([]);
  });

  it('refuses tables that contradict themselves (the truth must be a feasible point)', async () => {
    const release = tables({ a: [10, 10], b: [2, null], total: [30, 30] }, [[['a', 'b'], 'total']]);
    await expect(audit({ release })).rejects.toThrow(/inconsistent/);
  });

  it('solves nothing when nothing is withheld, and only components that hold a withheld cell', async () => {
    const plain = tables({ a: [10, 10], b: [20, 20], total: [30, 30] }, [[['a', 'b'], 'total']]);
    expect(await audit({ release: plain })).toMatchObject({ cellsChecked: 0, solves: 0, exposed: [] });
    const mixed = tables(
      { a: [10, 10], b: [20, 20], t1: [30, 30], c: [0, null], d: [9, 9], t2: [9, 9] },
      [[['a', 'b'], 't1'], [['c', 'd'], 't2']],
    );
    const report = await audit({ release: mixed });
    expect(report.exposed).toEqual([{ key: 'c', min: 0, max: 0 }]);
    expect(report.solves).toBe(1); // true value 0: only the maximum matters
  });
});
