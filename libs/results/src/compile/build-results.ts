import { suppressCells, type DisclosureCell, type Line } from '../disclosure/suppression';
import type { ResultPlan } from '../definition/result-items';
import type { BreakdownResult, Cell, ChoiceCount, ItemDescription, ItemResult, Stats } from '../results-document';
import type { CubeRow, GroupSizeRow, NumericStatsRow } from './aggregate-queries';
import { round, statsOfCounts } from './quantiles';

export interface CompileInput {
  plan: ResultPlan;
  k: number;
  cube: CubeRow[];
  groupSizes: GroupSizeRow[];
  numeric: NumericStatsRow[];
}

export interface CompiledResults {
  responses: number;
  belowThreshold: boolean;
  items: ItemResult[];
}

/** The cube's marker for "answered" rows of checkbox questions. */
const ANSWERED = null;

/**
 * Turns the aggregates of one municipality into published tables. Every number that is published,
 * and every number a reader could work out (e.g. "answered but did not choose X"), becomes a cell;
 * every sum that ties them together becomes a line; one suppression pass then covers them all, so
 * a count withheld in one table is protected in every table that shares it.
 */
export function buildResults(input: CompileInput): CompiledResults {
  const { plan, k } = input;
  const responses = input.groupSizes.reduce((sum, row) => sum + row.n, 0);
  // Fewer than k responses: no table at all, whatever it would contain.
  if (responses < k) return { responses, belowThreshold: true, items: [] };

  const counts = new CubeIndex(input.cube, plan.breakdowns.length);
  const problem = new Problem();
  const total = problem.cell(responses, { fixed: true });
  const overall = new Map<string, ItemCells>();
  for (const item of plan.items) {
    overall.set(item.item, itemCells(problem, item, counts.overall(item.item), total, input.numeric, plan.alwaysAnswered.has(item.item)));
  }

  const grouped = new Map<string, GroupCells[][]>();
  plan.breakdowns.forEach((breakdown, b) => {
    const source = overall.get(breakdown.name)!;
    // A group's size is published as the breakdown question's own count (not stated: its skipped).
    const groups = [...breakdown.groups.map((g) => ({ value: g.value, size: source.counts.get(g.value)! })), { value: null, size: source.skipped }];
    for (const item of plan.items) {
      if (item.question === breakdown.name) continue;
      const cells = groups.map(({ value, size }) =>
        groupCells(problem, item, value, size, counts.group(item.item, b, value), {
          numericRow: input.numeric.find((r) => r.item === item.item && r.breakdown === b && r.group === value),
          alwaysAnswered: plan.alwaysAnswered.has(item.item),
          k,
        }),
      );
      linkGroupsToTotals(problem, overall.get(item.item)!, cells);
      grouped.set(item.item, [...(grouped.get(item.item) ?? []), cells]);
    }
  });

  const withheld = suppressCells(problem.cells, problem.lines, k);
  const cell = (index: number): Cell =>
    withheld[index] ? { count: null, suppressed: true } : { count: problem.cells[index].value, suppressed: false };
  const publish = (item: ItemDescription, cells: ItemCells | GroupCells): { answered: Cell; counts: ChoiceCount[]; stats: Stats | null } => ({
    answered: cell(cells.answered),
    counts: item.choices.map((choice) => ({ value: choice.value, count: cell(cells.counts.get(choice.value)!) })),
    stats: publishableStats(plan, item, cells, problem.cells, withheld, k),
  });

  const items = plan.items.map((item): ItemResult => {
    const own = overall.get(item.item)!;
    const breakdowns: BreakdownResult[] = plan.breakdowns
      .filter((breakdown) => breakdown.name !== item.question)
      .map((breakdown, i) => ({
        breakdown: breakdown.name,
        groups: grouped.get(item.item)![i].map((group) => ({ value: group.value, ...publish(item, group) })),
      }));
    return { item: item.item, question: item.question, row: item.row, kind: item.kind, ...publish(item, own), skipped: cell(own.skipped), breakdowns };
  });
  return { responses, belowThreshold: false, items };
}

class Problem {
  readonly cells: DisclosureCell[] = [];
  readonly lines: Line[] = [];
  cell(value: number, flags: Omit<DisclosureCell, 'value'> = {}): number {
    this.cells.push({ value, ...flags });
    return this.cells.length - 1;
  }
  line(members: number[], total: number): void {
    this.lines.push({ members, total });
  }
  value(index: number): number {
    return this.cells[index].value;
  }
}

interface ItemCells {
  answered: number;
  skipped: number;
  counts: Map<string, number>;
  /** Checkbox only: respondents who answered but did not choose the value (never published). */
  notChosen: Map<string, number>;
  /** Numeric only: the SQL-computed stats. */
  numeric?: NumericStatsRow;
}

interface GroupCells extends ItemCells {
  value: string | null;
}

function itemCells(
  problem: Problem,
  item: ItemDescription,
  seen: Map<string | null, number>,
  total: number,
  numeric: NumericStatsRow[],
  alwaysAnswered: boolean,
): ItemCells {
  const numericRow = numeric.find((row) => row.item === item.item && row.breakdown === null);
  const cells = choiceCells(problem, item, seen, item.kind === 'numeric' ? numericRow?.n ?? 0 : undefined, {});
  const skipped = problem.cell(problem.value(total) - problem.value(cells.answered), { fixed: alwaysAnswered });
  problem.line([cells.answered, skipped], total);
  return { ...cells, skipped, numeric: numericRow };
}

function groupCells(
  problem: Problem,
  item: ItemDescription,
  value: string | null,
  size: number,
  seen: Map<string | null, number>,
  { numericRow, alwaysAnswered, k }: { numericRow: NumericStatsRow | undefined; alwaysAnswered: boolean; k: number },
): GroupCells {
  const groupSize = problem.value(size);
  // Everything about a group smaller than k is protected, zeros included: "none of the 3 chose X" is a disclosure.
  const flags = groupSize > 0 && groupSize < k ? { sensitive: true } : {};
  const cells = choiceCells(problem, item, seen, item.kind === 'numeric' ? numericRow?.n ?? 0 : undefined, flags);
  // Those in the group who skipped the item: not published, but the group size minus answered
  // gives it; for a question everyone must answer a reader knows it is 0.
  const skipped = problem.cell(groupSize - problem.value(cells.answered), { hidden: true, ...flags, fixed: alwaysAnswered });
  problem.line([cells.answered, skipped], size);
  return { ...cells, value, skipped, numeric: numericRow };
}

/** Counts per choice and how many answered, with the lines that tie them together. */
function choiceCells(
  problem: Problem,
  item: ItemDescription,
  seen: Map<string | null, number>,
  numericAnswered: number | undefined,
  flags: Omit<DisclosureCell, 'value'>,
): Pick<ItemCells, 'answered' | 'counts' | 'notChosen'> {
  const counts = new Map(item.choices.map((choice) => [choice.value, problem.cell(seen.get(choice.value) ?? 0, flags)]));
  const notChosen = new Map<string, number>();
  const sumOfCounts = [...counts.values()].reduce((sum, index) => sum + problem.value(index), 0);
  const answeredValue = item.kind === 'numeric' ? numericAnswered! : item.kind === 'multiple' ? seen.get(ANSWERED) ?? 0 : sumOfCounts;
  const answered = problem.cell(answeredValue, flags);
  if (item.kind === 'choice') problem.line([...counts.values()], answered);
  if (item.kind === 'multiple') {
    for (const [value, index] of counts) {
      const hidden = problem.cell(answeredValue - problem.value(index), { hidden: true, ...flags });
      notChosen.set(value, hidden);
      problem.line([index, hidden], answered);
    }
  }
  return { answered, counts, notChosen };
}

/** The groups of one breakdown add up to the item's overall figures, line by line. */
function linkGroupsToTotals(problem: Problem, overall: ItemCells, groups: GroupCells[]): void {
  for (const [value, index] of overall.counts) problem.line(groups.map((g) => g.counts.get(value)!), index);
  for (const [value, index] of overall.notChosen) problem.line(groups.map((g) => g.notChosen.get(value)!), index);
  problem.line(groups.map((g) => g.answered), overall.answered);
  problem.line(groups.map((g) => g.skipped), overall.skipped);
}

/**
 * Mean and quartiles only for groups of at least k whose figures are all published: with a
 * published mean and n, a withheld count of a rating could be solved for.
 */
function publishableStats(
  plan: ResultPlan,
  item: ItemDescription,
  cells: ItemCells,
  all: DisclosureCell[],
  withheld: boolean[],
  k: number,
): Stats | null {
  if (withheld[cells.answered] || all[cells.answered].value < k) return null;
  if (item.kind === 'numeric') {
    const row = cells.numeric;
    return row ? { mean: round(row.mean), q1: round(row.q1), median: round(row.median), q3: round(row.q3) } : null;
  }
  if (!plan.ratedItems.has(item.item)) return null;
  const indices = [...cells.counts.values()];
  if (indices.some((index) => withheld[index])) return null;
  return statsOfCounts([...cells.counts].map(([value, index]) => ({ value: Number(value), n: all[index].value })));
}

/** Sums of the cube: overall per item, and per (item, breakdown, group). */
class CubeIndex {
  private readonly totals = new Map<string, Map<string | null, number>>();
  private readonly byGroup = new Map<string, Map<string | null, number>>();

  constructor(cube: CubeRow[], breakdowns: number) {
    for (const row of cube) {
      add(this.totals, row.item, row.value, row.n);
      for (let b = 0; b < breakdowns; b++) add(this.byGroup, groupKey(row.item, b, row.groups[b]), row.value, row.n);
    }
  }

  overall(item: string): Map<string | null, number> {
    return this.totals.get(item) ?? new Map();
  }

  group(item: string, breakdown: number, group: string | null): Map<string | null, number> {
    return this.byGroup.get(groupKey(item, breakdown, group)) ?? new Map();
  }
}

const groupKey = (item: string, breakdown: number, group: string | null) => JSON.stringify([item, breakdown, group]);

function add(index: Map<string, Map<string | null, number>>, key: string, value: string | null, n: number): void {
  const counts = index.get(key) ?? new Map<string | null, number>();
  counts.set(value, (counts.get(value) ?? 0) + n);
  index.set(key, counts);
}
