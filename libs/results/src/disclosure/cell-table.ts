import { isWithheld, perturb } from '../perturbation/ptable';

/**
 * Every count a release could publish, or a reader could work out, as one cell with one canonical
 * identity: the sorted set of conditions its people meet. "Women aged 30-44" is the same cell
 * whether it is read in the age table by gender or the gender table by age, and the age group's
 * size is the same cell as the age question's count for 30-44; so a cell has one perturbed value
 * and one withheld-or-shown decision everywhere it appears.
 */

/** One condition on respondents: answered item = value, answered it at all, skipped it, or answered without choosing value. */
export type Condition =
  | { is: 'value'; item: string; value: string }
  | { is: 'answered'; item: string }
  | { is: 'skipped'; item: string }
  | { is: 'notChosen'; item: string; value: string };

export const conditionKey = (c: Condition): string =>
  JSON.stringify(c.is === 'value' || c.is === 'notChosen' ? [c.is, c.item, c.value] : [c.is, c.item]);

/** The canonical identity of a cell: its conditions' keys, sorted, without repeats. */
export const cellIdentity = (conditions: Condition[]): string => JSON.stringify([...new Set(conditions.map(conditionKey))].sort());

export interface TableCell {
  /** Canonical identity (see cellIdentity). */
  key: string;
  trueValue: number;
  /** Sum of the record keys of its people (any integer; only its value mod 256 matters). */
  keySum: number;
  /** Never published, e.g. "answered but did not choose X"; a reader may still work it out. (A structural zero is known all the same.) */
  hidden: boolean;
  /** A zero every reader knows anyway (nobody skips a required question): published as 0. */
  structural: boolean;
  /** Withheld by the auditor on top of the k rule. */
  forcedWithheld: boolean;
}

/** True values: the members add up to the total. Indices into the cells. */
export interface TableLine {
  members: number[];
  total: number;
}

export class CellTable {
  readonly cells: TableCell[] = [];
  readonly lines: TableLine[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly lineKeys = new Set<string>();

  constructor(readonly k: number) {}

  /**
   * Registers a cell, or returns the one with the same identity (both hold the same people, so the
   * same true value and keys). A cell published in any table is published (not hidden); a zero a
   * reader knows from any table is known.
   */
  cell(conditions: Condition[], trueValue: number, keySum: number, flags: { hidden?: boolean; structural?: boolean } = {}): number {
    const key = cellIdentity(conditions);
    const existing = this.byKey.get(key);
    if (existing !== undefined) {
      const cell = this.cells[existing];
      if (!flags.hidden) cell.hidden = false;
      if (flags.structural && cell.trueValue === 0) cell.structural = true;
      return existing;
    }
    this.cells.push({
      key,
      trueValue,
      keySum,
      hidden: flags.hidden === true,
      structural: flags.structural === true && trueValue === 0,
      forcedWithheld: false,
    });
    this.byKey.set(key, this.cells.length - 1);
    return this.cells.length - 1;
  }

  /** An identity between cells; repeats (the same line reached from two tables) are kept once. */
  line(members: number[], total: number): void {
    const members_ = [...new Set(members)].filter((m) => m !== total);
    if (!members_.length) return;
    const key = `${[...members_].sort((a, b) => a - b).join(',')}=${total}`;
    if (this.lineKeys.has(key)) return;
    this.lineKeys.add(key);
    this.lines.push({ members: members_, total });
  }

  value(index: number): number {
    return this.cells[index].trueValue;
  }

  keys(index: number): number {
    return this.cells[index].keySum;
  }

  /** The published count, or null when withheld ("fewer than k") or never published. */
  published(index: number): number | null {
    const cell = this.cells[index];
    if (cell.structural) return 0;
    if (cell.hidden) return null;
    if (cell.forcedWithheld) return null;
    const value = perturb(cell.trueValue, cell.keySum);
    return isWithheld(value, this.k) ? null : value;
  }

  /** Withholds one more cell (the auditor asked for it). False when it is not publishable anyway. */
  withhold(index: number): boolean {
    const cell = this.cells[index];
    if (cell.structural || cell.hidden || cell.forcedWithheld || this.published(index) === null) return false;
    cell.forcedWithheld = true;
    return true;
  }

  /** Withholds the response count (cell 0) of a municipality below k, whatever its perturbed value. */
  withholdTotal(): void {
    if (this.cells.length) {
      this.cells[0].forcedWithheld = true;
      this.totalBelowK = true;
    }
  }

  private totalBelowK = false;
  /** The total of a municipality below k is withheld because it is below k, as a reader assumes. */
  private isTotalBelowK(index: number): boolean {
    return index === 0 && this.totalBelowK;
  }

  /** The lines a cell takes part in, as member or total. */
  linesThrough(index: number): TableLine[] {
    return this.lines.filter((l) => l.total === index || l.members.includes(index));
  }

  /** The auditor's view: every cell with its true and published value, and every identity. */
  auditTables(): { cells: { key: string; trueValue: number; published: number | null; hidden?: boolean }[]; lines: TableLine[] } {
    return {
      cells: this.cells.map((cell, i) => {
        const published = this.published(i);
        // Hidden: never shown, so a reader knows only that it is >= 0 (not "below k"). So is a
        // cell withheld on the auditor's word: it may well be k or more.
        return (cell.hidden || cell.forcedWithheld) && published === null && !this.isTotalBelowK(i)
          ? { key: cell.key, trueValue: cell.trueValue, published, hidden: true }
          : { key: cell.key, trueValue: cell.trueValue, published };
      }),
      lines: this.lines.map((l) => ({ members: [...l.members], total: l.total })),
    };
  }

  indexOf(key: string): number | undefined {
    return this.byKey.get(key);
  }
}
