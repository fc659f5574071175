import fc from 'fast-check';
import { auditRelease, type AuditInput, type AuditTables } from './index';
import { withheldIntervals } from './withheld-intervals';

/**
 * The auditor against an independent oracle: on tiny two-way tables with all their margins, every
 * integer table consistent with what is published is enumerated, giving each withheld cell's exact
 * range. Row and column sums form a totally unimodular system, so the LP's rounded interval must
 * be exactly that range, and the auditor must flag exactly the cells the enumeration exposes.
 */

interface Table {
  rows: number;
  cols: number;
  inner: number[]; // row-major
  k: number;
  noise: number;
  /** Noise per cell: inner (row-major), row totals, column totals, grand total. */
  offsets: number[];
}

const RUNS = Number(process.env.RESULTS_PROPERTY_RUNS ?? 150);

const smallCount = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 4 }) }, { weight: 1, arbitrary: fc.integer({ min: 5, max: 9 }) });
const tableArb: fc.Arbitrary<Table> = fc
  .record({ rows: fc.integer({ min: 1, max: 3 }), cols: fc.integer({ min: 2, max: 3 }), k: fc.integer({ min: 2, max: 5 }), noise: fc.integer({ min: 0, max: 1 }) })
  .filter((t) => t.rows * t.cols <= 6 || t.k <= 3)
  .chain((shape) =>
    fc.record({
      rows: fc.constant(shape.rows),
      cols: fc.constant(shape.cols),
      k: fc.constant(shape.k),
      noise: fc.constant(shape.noise),
      inner: fc.array(smallCount, { minLength: shape.rows * shape.cols, maxLength: shape.rows * shape.cols }),
      offsets: fc.array(fc.integer({ min: -shape.noise, max: shape.noise }), {
        minLength: shape.rows * shape.cols + shape.rows + shape.cols + 1,
        maxLength: shape.rows * shape.cols + shape.rows + shape.cols + 1,
      }),
    }),
  );

/** Cells: inner row-major, then row totals, column totals, the grand total. */
function trueCells(t: Table): number[] {
  const rowTotals = Array.from({ length: t.rows }, (_, r) => t.inner.slice(r * t.cols, (r + 1) * t.cols).reduce((a, b) => a + b, 0));
  const colTotals = Array.from({ length: t.cols }, (_, c) => rowTotals.reduce((sum, _r, r) => sum + t.inner[r * t.cols + c], 0));
  return [...t.inner, ...rowTotals, ...colTotals, rowTotals.reduce((a, b) => a + b, 0)];
}

function release(t: Table): AuditTables {
  const values = trueCells(t);
  const rowTotal = (r: number) => t.rows * t.cols + r;
  const colTotal = (c: number) => t.rows * t.cols + t.rows + c;
  const grand = values.length - 1;
  const lines = [
    ...Array.from({ length: t.rows }, (_, r) => ({ members: Array.from({ length: t.cols }, (_, c) => r * t.cols + c), total: rowTotal(r) })),
    ...Array.from({ length: t.cols }, (_, c) => ({ members: Array.from({ length: t.rows }, (_, r) => r * t.cols + c), total: colTotal(c) })),
    { members: Array.from({ length: t.rows }, (_, r) => rowTotal(r)), total: grand },
    { members: Array.from({ length: t.cols }, (_, c) => colTotal(c)), total: grand },
  ];
  return {
    cells: values.map((value, i) => {
      const perturbed = value + t.offsets[i];
      return { key: `cell${i}`, trueValue: value, published: perturbed < t.k ? null : perturbed };
    }),
    lines,
  };
}

/** Every integer table consistent with the publication: exact ranges of the withheld cells. */
function bruteForceRanges(t: Table, published: AuditTables): Map<string, [number, number]> {
  const bound = (i: number): [number, number] => {
    const p = published.cells[i].published;
    return p === null ? [0, t.k - 1 + t.noise] : [Math.max(0, p - t.noise), p + t.noise];
  };
  const ranges = new Map<string, [number, number]>();
  const inner = new Array<number>(t.rows * t.cols).fill(0);
  const fits = (i: number, value: number) => {
    const [lo, hi] = bound(i);
    return value >= lo && value <= hi;
  };
  const record = () => {
    const values = trueCells({ ...t, inner });
    for (let i = t.rows * t.cols; i < values.length; i++) if (!fits(i, values[i])) return;
    values.forEach((value, i) => {
      if (published.cells[i].published !== null) return;
      const key = published.cells[i].key;
      const range = ranges.get(key);
      ranges.set(key, range ? [Math.min(range[0], value), Math.max(range[1], value)] : [value, value]);
    });
  };
  const fill = (i: number) => {
    if (i === inner.length) return record();
    const [lo, hi] = bound(i);
    for (let v = lo; v <= hi; v++) {
      inner[i] = v;
      // Prune: a completed row must fit its row total's bounds.
      if ((i + 1) % t.cols === 0) {
        const r = Math.floor(i / t.cols);
        const sum = inner.slice(r * t.cols, (r + 1) * t.cols).reduce((a, b) => a + b, 0);
        if (!fits(t.rows * t.cols + r, sum)) continue;
      }
      fill(i + 1);
    }
  };
  fill(0);
  return ranges;
}

const exposedBy = (min: number, max: number, k: number) => min === max || (min >= 1 && max <= k - 1);

describe('release auditor against brute-force enumeration (fast-check)', () => {
  it('gives exactly the enumerated integer range of every withheld cell of a two-way table, containing the truth', async () => {
    await fc.assert(
      fc.asyncProperty(tableArb, async (t) => {
        const published = release(t);
        const input: AuditInput = { k: t.k, noiseBound: t.noise, release: published, earlier: [] };
        const oracle = bruteForceRanges(t, published);
        const lp = await withheldIntervals(input);
        expect(lp.length).toBe(oracle.size);
        for (const { key, min, max } of lp) {
          expect([key, min, max]).toEqual([key, ...oracle.get(key)!]);
          const truth = published.cells.find((c) => c.key === key)!.trueValue;
          expect(truth).toBeGreaterThanOrEqual(min);
          expect(truth).toBeLessThanOrEqual(max);
        }
        // The shortcut path flags exactly what the enumeration exposes, with the same range.
        const expected = [...oracle].filter(([, [min, max]]) => exposedBy(min, max, t.k)).map(([key, [min, max]]) => ({ key, min, max }));
        const report = await auditRelease(input);
        expect(sortByKey(report.exposed)).toEqual(sortByKey(expected));
        expect(report.cellsChecked).toBe(oracle.size);
        // Each solve settles at least one cell, except the last batch of each phase.
        expect(report.solves).toBeLessThanOrEqual(2 * oracle.size + 2);
      }),
      { numRuns: RUNS },
    );
  });

  it('always contains the truth when earlier releases (subsets of the same people) are added', async () => {
    const withHistory = tableArb.chain((later) =>
      fc.record({
        later: fc.constant(later),
        // The earlier release: each inner cell a part of the later one, with its own noise.
        shares: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: later.inner.length, maxLength: later.inner.length }),
        offsets: fc.array(fc.integer({ min: -later.noise, max: later.noise }), { minLength: later.offsets.length, maxLength: later.offsets.length }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(withHistory, async ({ later, shares, offsets }) => {
        const earlier: Table = { ...later, inner: later.inner.map((v, i) => Math.floor(v * shares[i])), offsets };
        const input: AuditInput = { k: later.k, noiseBound: later.noise, release: release(later), earlier: [release(earlier)] };
        for (const { key, min, max } of await withheldIntervals(input)) {
          const truth = input.release.cells.find((c) => c.key === key)!.trueValue;
          expect(truth).toBeGreaterThanOrEqual(min);
          expect(truth).toBeLessThanOrEqual(max);
        }
        const report = await auditRelease(input);
        for (const exposure of report.exposed) {
          const truth = input.release.cells.find((c) => c.key === exposure.key)!.trueValue;
          expect(truth).toBeGreaterThanOrEqual(exposure.min);
          expect(truth).toBeLessThanOrEqual(exposure.max);
        }
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('the oracle comparison fails for a deliberately weakened reader (one that ignores the column sums)', async () => {
    // Same comparison, but the auditor is not given the column lines (as if it forgot a transposed table).
    let mismatches = 0;
    await fc.assert(
      fc.asyncProperty(tableArb, async (t) => {
        const published = release(t);
        const columnsForgotten = { ...published, lines: published.lines.slice(0, t.rows) };
        const broken: AuditInput = { k: t.k, noiseBound: t.noise, release: columnsForgotten, earlier: [] };
        const oracle = bruteForceRanges(t, published);
        const lp = await withheldIntervals(broken);
        if (lp.some(({ key, min, max }) => oracle.get(key)![0] !== min || oracle.get(key)![1] !== max)) mismatches++;
      }),
      { numRuns: 100, seed: 20261129 },
    );
    expect(mismatches).toBeGreaterThan(10);
  });
});

const sortByKey = <T extends { key: string }>(list: T[]) => [...list].sort((a, b) => a.key.localeCompare(b.key));
