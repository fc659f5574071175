/**
 * Disclosure control for count tables: primary suppression of small counts, then secondary
 * (complementary) suppression so that no suppressed count can be recomputed from the totals that
 * are published alongside it.
 *
 * The problem is stated generally: a list of counts ("cells") and a list of additive relations
 * ("lines": the members add up to the total). A published table, its row and column totals, the
 * number who answered and skipped, and the breakdown group sizes are all cells; each row, column
 * and margin is a line. Cells can be shared between lines and tables, which is how one table's
 * suppression carries over to every other table that publishes the same number.
 */

export interface DisclosureCell {
  value: number;
  /** Never published (e.g. "answered but did not choose X"): unknown to a reader, but may be derivable. */
  hidden?: boolean;
  /** Must be protected whatever its value, e.g. every cell of a group smaller than k. */
  sensitive?: boolean;
  /** Published elsewhere regardless (e.g. the number of responses): never chosen as a complement. */
  fixed?: boolean;
}

/** The members add up to the total. Indices into the cell list. */
export interface Line {
  members: number[];
  total: number;
}

/** Is the count itself disclosive: 1..k-1 people. Zero is not (nobody can be singled out). */
export const isSmallCount = (value: number, k: number) => value > 0 && value < k;

/**
 * Returns, for each cell, whether it is withheld (hidden cells are always withheld).
 *
 * It plays the reader first: starting from the published cells (and fixed ones, which a reader
 * knows anyway), it solves every line it can, as often as it can, and so learns hidden and
 * withheld cells too. A line gives a cell away when it has one unknown cell, or when its known
 * cells leave 0 for its unknown members (counts are never negative, so each is 0). A line is
 * also unsafe when what it leaves for its unknown members is 1..k-1: that small group is revealed
 * as a whole. Each unsafe line that touches a protected cell (a suppressed one, or a hidden one
 * that is itself small or in a small group) gets one more cell withheld, then the reader plays
 * again, until no line is unsafe.
 *
 * Complements are chosen smallest first (least information lost), ties by cell order, so the
 * result is deterministic: the same table always gives the same suppression.
 *
 * Not covered: inferences that combine several lines at once (solving the table as a linear
 * system for exact bounds), and relations between questions the cells do not state (e.g. a
 * question shown only to those who answered "yes" to another).
 */
export function suppressCells(cells: DisclosureCell[], lines: Line[], k: number): boolean[] {
  const sensitive = cells.map((cell) => cell.sensitive === true || isSmallCount(cell.value, k));
  // Fixed cells are public even when small (a response count, a structural zero).
  const suppressed = cells.map((cell, i) => !cell.hidden && !cell.fixed && sensitive[i]);
  const isProtected = (i: number) => suppressed[i] || (cells[i].hidden === true && !cells[i].fixed && sensitive[i]);

  // One complement at a time, then the reader plays again: a complement often covers several
  // unsafe lines, and choosing for each of them at once would withhold more than needed.
  for (let line = firstUnsafeLine(cells, lines, k, suppressed, isProtected); line; line = firstUnsafeLine(cells, lines, k, suppressed, isProtected)) {
    const complement = chooseComplement(cells, lines, line, suppressed);
    if (complement === undefined) {
      throw new Error('suppression: a line needs a complement but every cell it depends on is fixed or hidden');
    }
    suppressed[complement] = true;
  }
  return cells.map((cell, i) => suppressed[i] || (cell.hidden === true && !cell.fixed));
}

/** The reader's closure, up to the first line that gives away (or narrows to a small group) a protected cell. */
function firstUnsafeLine(
  cells: DisclosureCell[],
  lines: Line[],
  k: number,
  suppressed: boolean[],
  isProtected: (i: number) => boolean,
): Line | undefined {
  const known = cells.map((cell, i) => !suppressed[i] && (!cell.hidden || cell.fixed === true));
  for (let learned = true; learned; ) {
    learned = false;
    for (const line of lines) {
      const unknown = [...line.members, line.total].filter((i) => !known[i]);
      if (!unknown.length) continue;
      const totalKnown = known[line.total];
      const left = totalKnown
        ? cells[line.total].value - line.members.filter((i) => known[i]).reduce((sum, i) => sum + cells[i].value, 0)
        : null;
      const givesAway = unknown.length === 1 || left === 0;
      const narrows = left !== null && isSmallCount(left, k);
      if (unknown.some(isProtected) && (givesAway || narrows)) {
        return line;
      } else if (givesAway) {
        // Not protected, so learning it is fine; but the reader now knows it for other lines.
        unknown.forEach((i) => (known[i] = true));
        learned = true;
      }
    }
  }
  return undefined;
}

/**
 * The cell to withhold so that an unsafe line no longer gives its protected cell away. Normally a
 * member of the line (or its total). When every cell of the line is hidden or fixed (e.g. the
 * "did not choose" cells of a checkbox across groups), the reader learned those hidden cells from
 * neighbouring lines: withholding a cell there cuts the derivation, so look one line further out,
 * then the next, until something can be withheld.
 */
function chooseComplement(cells: DisclosureCell[], lines: Line[], line: Line, suppressed: boolean[]): number | undefined {
  const available = (i: number) => !suppressed[i] && !cells[i].hidden && !cells[i].fixed;
  const visitedLines = new Set<Line>([line]);
  const visitedCells = new Set<number>();
  for (let ring = [line]; ring.length; ) {
    const members = ring.flatMap((l) => l.members).filter(available);
    const choice = smallestNonZeroFirst(cells, members) ?? smallestNonZeroFirst(cells, ring.map((l) => l.total).filter(available));
    if (choice !== undefined) return choice;
    // Step through the hidden cells of this ring to the lines a reader could have derived them from.
    const hidden = ring.flatMap((l) => [...l.members, l.total]).filter((i) => cells[i].hidden && !cells[i].fixed && !visitedCells.has(i));
    hidden.forEach((i) => visitedCells.add(i));
    ring = lines.filter((l) => !visitedLines.has(l) && (hidden.includes(l.total) || l.members.some((i) => hidden.includes(i))));
    ring.forEach((l) => visitedLines.add(l));
  }
  return undefined;
}

/** Smallest non-zero first: it hides the least while protecting the most; then zeros; ties by cell order. */
function smallestNonZeroFirst(cells: DisclosureCell[], candidates: number[]): number | undefined {
  const byValue = (a: number, b: number) => cells[a].value - cells[b].value || a - b;
  const nonZero = candidates.filter((i) => cells[i].value > 0).sort(byValue);
  return nonZero[0] ?? [...candidates].sort(byValue)[0];
}
