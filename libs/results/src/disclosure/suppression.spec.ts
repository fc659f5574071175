import { suppressCells, type DisclosureCell, type Line } from './suppression';

const K = 5;
const cellsOf = (...values: number[]): DisclosureCell[] => values.map((value) => ({ value }));

/**
 * A reader's attack, written independently of the solver: repeatedly solve any line with exactly
 * one unknown cell from the published ones. Returns the indices of withheld cells it recovers.
 */
function derivable(cells: DisclosureCell[], lines: Line[], withheld: boolean[]): number[] {
  const known = withheld.map((w) => !w);
  const recovered: number[] = [];
  for (let progress = true; progress; ) {
    progress = false;
    for (const line of lines) {
      const all = [...line.members, line.total];
      const unknown = all.filter((i) => !known[i]);
      if (unknown.length !== 1) continue;
      known[unknown[0]] = true;
      recovered.push(unknown[0]);
      progress = true;
    }
  }
  return recovered;
}

/** A rows x cols table with row totals, column totals and a grand total, all published cells. */
function table(rows: number[][]) {
  const r = rows.length;
  const c = rows[0].length;
  const cells: DisclosureCell[] = rows.flat().map((value) => ({ value }));
  const at = (i: number, j: number) => i * c + j;
  const rowTotal = (i: number) => r * c + i;
  const colTotal = (j: number) => r * c + r + j;
  const grand = r * c + r + c;
  rows.forEach((row) => cells.push({ value: row.reduce((a, b) => a + b, 0) }));
  for (let j = 0; j < c; j++) cells.push({ value: rows.reduce((sum, row) => sum + row[j], 0) });
  cells.push({ value: rows.flat().reduce((a, b) => a + b, 0) });
  const lines: Line[] = [];
  for (let i = 0; i < r; i++) lines.push({ members: rows[i].map((_, j) => at(i, j)), total: rowTotal(i) });
  for (let j = 0; j < c; j++) lines.push({ members: rows.map((_, i) => at(i, j)), total: colTotal(j) });
  lines.push({ members: rows.map((_, i) => rowTotal(i)), total: grand });
  lines.push({ members: rows[0].map((_, j) => colTotal(j)), total: grand });
  return { cells, lines, at, rowTotal, colTotal, grand };
}

describe('suppressCells', () => {
  it('publishes a table with no small counts untouched (zeros are not small)', () => {
    const cells = cellsOf(10, 0, 20, 30);
    const lines = [{ members: [0, 1, 2], total: 3 }];
    expect(suppressCells(cells, lines, K)).toEqual([false, false, false, false]);
  });

  it('never suppresses a single cell in a line: the total would give it back', () => {
    // 3 of 53: suppressing only the 3 leaves 53 - 0 - 50 = 3.
    const cells = cellsOf(3, 0, 50, 53);
    const lines = [{ members: [0, 1, 2], total: 3 }];
    const withheld = suppressCells(cells, lines, K);
    expect(withheld[0]).toBe(true);
    expect(withheld.filter(Boolean).length).toBeGreaterThanOrEqual(2);
    expect(derivable(cells, lines, withheld)).toEqual([]);
    // The complement is the smallest non-zero cell, not the zero (a zero hides nothing).
    expect(withheld).toEqual([true, false, true, false]);
  });

  it('adds complements until the withheld cells sum to at least k', () => {
    // 1 and 1 withheld with a published total would tell a reader both are exactly 1.
    const cells = cellsOf(1, 1, 40, 60, 102);
    const lines = [{ members: [0, 1, 2, 3], total: 4 }];
    const withheld = suppressCells(cells, lines, K);
    expect(withheld).toEqual([true, true, true, false, false]);
  });

  it('accepts two small cells when together they reach k', () => {
    const cells = cellsOf(2, 3, 40, 45);
    const lines = [{ members: [0, 1, 2], total: 3 }];
    expect(suppressCells(cells, lines, K)).toEqual([true, true, false, false]);
  });

  it('suppresses a small total, and then the line around it', () => {
    // A row of total 4: every non-zero cell and the total are small.
    const t = table([
      [3, 1, 0],
      [20, 30, 25],
    ]);
    const withheld = suppressCells(t.cells, t.lines, K);
    expect(withheld[t.at(0, 0)]).toBe(true);
    expect(withheld[t.at(0, 1)]).toBe(true);
    expect(withheld[t.rowTotal(0)]).toBe(true);
    // The row total 4 is withheld, so the grand total line (4 + 75 = 79) needs a second unknown.
    expect(withheld[t.rowTotal(1)] || withheld[t.grand]).toBe(true);
    expect(derivable(t.cells, t.lines, withheld)).toEqual([]);
  });

  it('protects a cell that its column total would reveal after the row is protected', () => {
    // Row 0 has one small cell; its row complement must not be derivable from its column either.
    const t = table([
      [2, 30, 40],
      [25, 35, 45],
      [28, 33, 41],
    ]);
    const withheld = suppressCells(t.cells, t.lines, K);
    expect(withheld[t.at(0, 0)]).toBe(true);
    expect(derivable(t.cells, t.lines, withheld)).toEqual([]);
    // Each line through a withheld cell holds at least two withheld cells.
    for (const line of t.lines) {
      const count = [...line.members, line.total].filter((i) => withheld[i]).length;
      expect(count === 0 || count >= 2).toBe(true);
    }
  });

  it('covers the classic case where a single small cell needs a 2x2 rectangle', () => {
    const t = table([
      [1, 12, 15],
      [10, 11, 14],
      [9, 16, 13],
    ]);
    const withheld = suppressCells(t.cells, t.lines, K);
    const inner = [0, 1, 2].flatMap((i) => [0, 1, 2].filter((j) => withheld[t.at(i, j)]).map((j) => [i, j]));
    expect(inner.length).toBeGreaterThanOrEqual(4);
    expect(derivable(t.cells, t.lines, withheld)).toEqual([]);
  });

  it('treats a hidden small cell as protected: its only published neighbour is withheld', () => {
    // 48 of 50 chose A, so 2 did not: "did not choose A" is never published, yet 50 - 48 gives it.
    const cells: DisclosureCell[] = [{ value: 48 }, { value: 2, hidden: true }, { value: 50 }];
    const lines = [{ members: [0, 1], total: 2 }];
    expect(suppressCells(cells, lines, K)).toEqual([true, true, false]);
  });

  it('leaves a hidden cell alone when it is not small', () => {
    const cells: DisclosureCell[] = [{ value: 20 }, { value: 30, hidden: true }, { value: 50 }];
    expect(suppressCells(cells, [{ members: [0, 1], total: 2 }], K)).toEqual([false, true, false]);
  });

  it('cuts a derivation further out when the unsafe line holds only hidden cells', () => {
    // Group A: 6 of 16 chose it (10 did not); group B: 3 of 5 (2 did not); overall 9 of 21 (12 did not).
    // B's 3 is withheld, yet 12 - 10 = 2 gives B's "did not choose", and with it the 3. That line
    // holds only hidden cells: the cut has to be made where a reader learned the 10 or the 12.
    const cells: DisclosureCell[] = [
      { value: 6 }, { value: 16 }, { value: 10, hidden: true }, // 0-2: group A chose, answered, did not
      { value: 3 }, { value: 5 }, { value: 2, hidden: true }, // 3-5: group B
      { value: 9 }, { value: 21 }, { value: 12, hidden: true }, // 6-8: overall
    ];
    const lines: Line[] = [
      { members: [2, 5], total: 8 },
      { members: [0, 2], total: 1 },
      { members: [3, 5], total: 4 },
      { members: [6, 8], total: 7 },
      { members: [0, 3], total: 6 },
      { members: [1, 4], total: 7 },
    ];
    const withheld = suppressCells(cells, lines, K);
    expect(withheld).toEqual([true, false, true, true, false, true, false, false, true]);
    const learned = derivable(cells, lines, withheld);
    expect(learned).not.toContain(3);
    expect(learned).not.toContain(5);
  });

  it('lets one complement cover several unsafe lines at once', () => {
    // A checkbox broken down by two groups. "Did not choose" (hidden) per group and overall:
    // group A 6 of 8 chose it, group B 3 of 5, overall 9 of 13. Group B's "did not choose" is 2,
    // and the line of hidden cells (A's 2 + B's ? = overall 4) would hand it to a reader who
    // derived A's and the overall from their published neighbours.
    const cells: DisclosureCell[] = [
      { value: 6 }, { value: 8 }, { value: 2, hidden: true }, // 0-2: group A chose, answered, did not
      { value: 3 }, { value: 5 }, { value: 2, hidden: true }, // 3-5: group B
      { value: 9 }, { value: 13 }, { value: 4, hidden: true }, // 6-8: overall
    ];
    const lines: Line[] = [
      { members: [0, 2], total: 1 },
      { members: [3, 5], total: 4 },
      { members: [6, 8], total: 7 },
      { members: [0, 3], total: 6 },
      { members: [1, 4], total: 7 },
      { members: [2, 5], total: 8 },
    ];
    const withheld = suppressCells(cells, lines, K);
    expect(withheld[3]).toBe(true);
    // Hidden cells count as unknown to the independent reader only while nothing gives them away.
    expect(derivable(cells, lines, withheld).filter((i) => !cells[i].hidden || cells[i].value < K)).toEqual([]);
  });

  it('withholds every cell of a group marked sensitive, zeros included', () => {
    const cells: DisclosureCell[] = [
      { value: 3, sensitive: true },
      { value: 0, sensitive: true },
      { value: 3, sensitive: true },
    ];
    expect(suppressCells(cells, [{ members: [0, 1], total: 2 }], K)).toEqual([true, true, true]);
  });

  it('never picks a fixed cell as a complement and keeps it published', () => {
    // answered + skipped = responses; responses is public elsewhere, so answered is the complement.
    const cells: DisclosureCell[] = [{ value: 47 }, { value: 3 }, { value: 50, fixed: true }];
    expect(suppressCells(cells, [{ members: [0, 1], total: 2 }], K)).toEqual([true, true, false]);
  });

  it('carries suppression across tables that share a cell', () => {
    // Cell 2 (a choice count of 12) is both a row total in a cross-tab and a member of the
    // overall distribution; withheld in one, it must be protected in the other.
    const cells = cellsOf(
      2, 10, // cross-tab row: group A, group B
      12, // overall count of this choice (row total above)
      30, 40, // other overall counts
      82, // answered
    );
    const lines: Line[] = [
      { members: [0, 1], total: 2 },
      { members: [2, 3, 4], total: 5 },
    ];
    const withheld = suppressCells(cells, lines, K);
    expect(derivable(cells, lines, withheld)).toEqual([]);
    expect(withheld[0]).toBe(true);
  });

  it('is deterministic', () => {
    const t = table([
      [1, 12, 15, 4],
      [10, 2, 14, 9],
      [9, 16, 3, 13],
    ]);
    expect(suppressCells(t.cells, t.lines, K)).toEqual(suppressCells(t.cells, t.lines, K));
  });

  it('holds on random tables: nothing withheld can be derived, no small count is published', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let round = 0; round < 300; round++) {
      const rows = 2 + Math.floor(random() * 4);
      const cols = 2 + Math.floor(random() * 5);
      const values = Array.from({ length: rows }, () =>
        Array.from({ length: cols }, () => (random() < 0.3 ? Math.floor(random() * 5) : Math.floor(random() * 40))),
      );
      const t = table(values);
      const withheld = suppressCells(t.cells, t.lines, K);
      expect(derivable(t.cells, t.lines, withheld)).toEqual([]);
      t.cells.forEach((cell, i) => {
        if (!withheld[i]) expect(cell.value === 0 || cell.value >= K).toBe(true);
      });
    }
  });
});
