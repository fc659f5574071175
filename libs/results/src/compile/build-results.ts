import { CellTable, type Condition } from '../disclosure/cell-table';
import type { ResultPlan } from '../definition/result-items';
import { roundStat, statsThreshold } from '../perturbation/ptable';
import type { BreakdownResult, Cell, ChoiceCount, ItemDescription, ItemResult, Stats } from '../results-document';
import type { CubeRow, GroupSizeRow, NumericStatsRow } from './aggregate-queries';
import { statsOfCounts } from './quantiles';

export interface CompileInput {
  plan: ResultPlan;
  k: number;
  cube: CubeRow[];
  groupSizes: GroupSizeRow[];
  numeric: NumericStatsRow[];
}

export interface CompiledResults {
  /** True number of completed responses: for the release rule only, never published. */
  responses: number;
  /** Perturbed number of responses; null when fewer than k. */
  publishedResponses: number | null;
  belowThreshold: boolean;
  /** The auditor could not make the tables safe: none are published (never happens in the tests' data). */
  tablesWithheld: boolean;
  items: ItemResult[];
}

/** The cube's marker for "answered" rows of checkbox questions. */
const ANSWERED = null;

const value = (item: string, v: string): Condition => ({ is: 'value', item, value: v });
const answered = (item: string): Condition => ({ is: 'answered', item });
const skipped = (item: string): Condition => ({ is: 'skipped', item });
const notChosen = (item: string, v: string): Condition => ({ is: 'notChosen', item, value: v });

interface Count {
  n: number;
  keys: number;
}
const ZERO: Count = { n: 0, keys: 0 };

interface ItemCells {
  answered: number;
  skipped: number;
  counts: Map<string, number>;
  notChosen: Map<string, number>;
  /** Ratings: the true counts per value, for stats. Numeric: the SQL row. */
  numeric?: NumericStatsRow;
}

/**
 * Turns the aggregates of one municipality into cells and the identities between them (the
 * tabulation), then renders the published tables from the cells' perturbed values. Between the
 * two, the auditor may withhold more cells (ReleaseAuditor); rendering never fails.
 */
export class Tabulation {
  readonly table: CellTable;
  readonly responses: Count;
  private readonly overall = new Map<string, ItemCells>();
  /** Per item, per breakdown (in plan order, the item's own question left out), per group. */
  private readonly grouped = new Map<string, { value: string | null; cells: ItemCells }[][]>();
  private readonly total: number;

  constructor(private readonly input: CompileInput) {
    const { plan, k } = input;
    this.table = new CellTable(k);
    this.responses = input.groupSizes.reduce((sum, row) => ({ n: sum.n + row.n, keys: sum.keys + row.keys }), ZERO);
    this.total = this.table.cell([], this.responses.n, this.responses.keys);
    const counts = new CubeIndex(input.cube, plan.breakdowns.length);

    for (const item of plan.items) {
      this.overall.set(item.item, this.itemCells(item, [], counts.overall(item.item), this.total, this.numericRow(item.item, null, null)));
    }
    plan.breakdowns.forEach((breakdown, b) => {
      const groups = [...breakdown.groups.map((g) => g.value as string | null), null];
      for (const item of plan.items) {
        if (item.question === breakdown.name) continue;
        const cells = groups.map((g) => {
          const condition = g === null ? skipped(breakdown.name) : value(breakdown.name, g);
          const size = this.overallCellOf(breakdown.name, g);
          return { value: g, cells: this.itemCells(item, [condition], counts.group(item.item, b, g), size, this.numericRow(item.item, b, g)) };
        });
        this.linkGroupsToTotals(this.overall.get(item.item)!, cells.map((c) => c.cells));
        this.grouped.set(item.item, [...(this.grouped.get(item.item) ?? []), cells]);
      }
    });
  }

  /** The published tables, from the cells' current decisions. */
  render(): CompiledResults {
    const { plan, k } = this.input;
    const publishedResponses = this.belowThreshold ? null : this.table.published(this.total);
    const base = { responses: this.responses.n, publishedResponses };
    // Fewer than k: no table at all, and no exact count either.
    if (publishedResponses === null) return { ...base, publishedResponses: null, belowThreshold: true, tablesWithheld: false, items: [] };

    const cell = (index: number): Cell => {
      const count = this.table.published(index);
      return count === null ? { count: null, suppressed: true } : { count, suppressed: false };
    };
    const publish = (item: ItemDescription, cells: ItemCells): { answered: Cell; counts: ChoiceCount[]; stats: Stats | null } => ({
      answered: cell(cells.answered),
      counts: item.choices.map((choice) => ({ value: choice.value, count: cell(cells.counts.get(choice.value)!) })),
      stats: this.stats(item, cells, k),
    });
    const items = plan.items.map((item): ItemResult => {
      const own = this.overall.get(item.item)!;
      const breakdowns: BreakdownResult[] = plan.breakdowns
        .filter((breakdown) => breakdown.name !== item.question)
        .map((breakdown, i) => ({
          breakdown: breakdown.name,
          groups: this.grouped.get(item.item)![i].map((group) => ({ value: group.value, ...publish(item, group.cells) })),
        }));
      return { item: item.item, question: item.question, row: item.row, kind: item.kind, ...publish(item, own), skipped: cell(own.skipped), breakdowns };
    });
    return { ...base, belowThreshold: false, tablesWithheld: false, items };
  }

  /**
   * Fewer than k responses, truly or after perturbation: nothing but "fewer than k". (The true
   * count decides too: noise may lift 3 responses to 5, and a municipality's tables need k people.)
   */
  get belowThreshold(): boolean {
    return this.responses.n < this.input.k || this.table.published(this.total) === null;
  }

  /** Withholds every cell but the response count (which the k rule decides on its own). */
  withholdTables(): void {
    this.table.cells.forEach((_, i) => i !== this.total && this.table.withhold(i));
  }

  /** The municipality's tables are all withheld (the auditor could not converge); the response count stays. */
  renderWithheld(): CompiledResults {
    this.withholdTables();
    const publishedResponses = this.belowThreshold ? null : this.table.published(this.total);
    return { responses: this.responses.n, publishedResponses, belowThreshold: publishedResponses === null, tablesWithheld: true, items: [] };
  }

  private numericRow(item: string, breakdown: number | null, group: string | null): NumericStatsRow | undefined {
    return this.input.numeric.find((r) => r.item === item && r.breakdown === breakdown && (breakdown === null || r.group === group));
  }

  /** The cell holding those who gave the breakdown answer g (null: did not state it). */
  private overallCellOf(breakdownItem: string, g: string | null): number {
    const cells = this.overall.get(breakdownItem)!;
    return g === null ? cells.skipped : cells.counts.get(g)!;
  }

  private itemCells(item: ItemDescription, within: Condition[], seen: Map<string | null, Count>, size: number, numeric: NumericStatsRow | undefined): ItemCells {
    const t = this.table;
    const alwaysAnswered = this.input.plan.alwaysAnswered.has(item.item);
    const counts = new Map(
      item.choices.map((choice) => {
        const c = seen.get(choice.value) ?? ZERO;
        return [choice.value, t.cell([...within, value(item.item, choice.value)], c.n, c.keys)] as const;
      }),
    );
    const sum = (indices: number[]): Count =>
      indices.reduce((s, i) => ({ n: s.n + t.value(i), keys: s.keys + t.keys(i) }), ZERO);
    const answeredCount: Count =
      item.kind === 'numeric'
        ? { n: numeric?.n ?? 0, keys: numeric?.keys ?? 0 }
        : item.kind === 'multiple'
          ? seen.get(ANSWERED) ?? ZERO
          : sum([...counts.values()]);
    const answeredCell = t.cell([...within, answered(item.item)], answeredCount.n, answeredCount.keys);
    if (item.kind === 'choice') t.line([...counts.values()], answeredCell);
    const notChosenCells = new Map<string, number>();
    if (item.kind === 'multiple') {
      for (const [v, index] of counts) {
        const hidden = t.cell([...within, notChosen(item.item, v)], answeredCount.n - t.value(index), answeredCount.keys - t.keys(index), { hidden: true });
        notChosenCells.set(v, hidden);
        t.line([index, hidden], answeredCell);
      }
    }
    // Skipped: the group's people minus those who answered. Published overall, hidden per group
    // (a reader gets it as group size minus answered anyway); a known zero for required questions.
    const skippedCell = t.cell(
      [...within, skipped(item.item)],
      t.value(size) - answeredCount.n,
      t.keys(size) - answeredCount.keys,
      { hidden: within.length > 0, structural: alwaysAnswered },
    );
    t.line([answeredCell, skippedCell], size);
    return { answered: answeredCell, skipped: skippedCell, counts, notChosen: notChosenCells, numeric };
  }

  /** The groups of one breakdown add up to the item's overall figures, line by line. */
  private linkGroupsToTotals(overall: ItemCells, groups: ItemCells[]): void {
    const t = this.table;
    for (const [v, index] of overall.counts) t.line(groups.map((g) => g.counts.get(v)!), index);
    for (const [v, index] of overall.notChosen) t.line(groups.map((g) => g.notChosen.get(v)!), index);
    t.line(groups.map((g) => g.answered), overall.answered);
    t.line(groups.map((g) => g.skipped), overall.skipped);
  }

  /**
   * Mean and quartiles only when the (published) number who answered is at least
   * statsThreshold(k), rounded to 2 significant figures: with a handful of answers a quartile is
   * one resident's answer.
   */
  private stats(item: ItemDescription, cells: ItemCells, k: number): Stats | null {
    const shown = this.table.published(cells.answered);
    if (shown === null || shown < statsThreshold(k)) return null;
    let raw: Stats | null = null;
    if (item.kind === 'numeric') {
      const row = cells.numeric;
      raw = row ? { mean: row.mean, q1: row.q1, median: row.median, q3: row.q3 } : null;
    } else if (this.input.plan.ratedItems.has(item.item)) {
      raw = statsOfCounts([...cells.counts].map(([v, index]) => ({ value: Number(v), n: this.table.value(index) })));
    }
    return raw && { mean: roundStat(raw.mean), q1: roundStat(raw.q1), median: roundStat(raw.median), q3: roundStat(raw.q3) };
  }
}

/** Sums of the cube: overall per item, and per (item, breakdown, group). */
class CubeIndex {
  private readonly totals = new Map<string, Map<string | null, Count>>();
  private readonly byGroup = new Map<string, Map<string | null, Count>>();

  constructor(cube: CubeRow[], breakdowns: number) {
    for (const row of cube) {
      add(this.totals, row.item, row.value, row);
      for (let b = 0; b < breakdowns; b++) add(this.byGroup, groupKey(row.item, b, row.groups[b]), row.value, row);
    }
  }

  overall(item: string): Map<string | null, Count> {
    return this.totals.get(item) ?? new Map();
  }

  group(item: string, breakdown: number, group: string | null): Map<string | null, Count> {
    return this.byGroup.get(groupKey(item, breakdown, group)) ?? new Map();
  }
}

const groupKey = (item: string, breakdown: number, group: string | null) => JSON.stringify([item, breakdown, group]);

function add(index: Map<string, Map<string | null, Count>>, key: string, v: string | null, row: Count): void {
  const counts = index.get(key) ?? new Map<string | null, Count>();
  const before = counts.get(v) ?? ZERO;
  counts.set(v, { n: before.n + row.n, keys: before.keys + row.keys });
  index.set(key, counts);
}
