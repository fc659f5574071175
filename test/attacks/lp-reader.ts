import loadHighs from 'highs';
import type { PublishedCell, PublishedItem, PublishedMunicipality } from './published';

/**
 * The attacker's linear-programming reader (its own model, separate from the platform's auditor):
 * per published item, every identity a reader sees in the document (an item's counts add up to
 * answered, answered + skipped to the responses, groups add up to the overall figures, a group's
 * answered plus its unpublished skipped to the group's size, the breakdown question's own counts
 * are the group sizes), every published number known to within `noise`, every withheld one below
 * k (so at most k - 1 + noise), and a required question's skipped known to be 0. For each withheld
 * cell it solves for the smallest and largest value (HiGHS, from CPLEX LP text, one model per item).
 *
 * Reported: cells pinned to one value ("exact") and cells whose whole range is inside 1..k-1.
 * Items are read one at a time (they are tied together only through the group sizes, which each
 * item's model takes with their published bounds).
 */
export interface LpFinding {
  cell: string;
  min: number;
  max: number;
}
export interface LpReading {
  withheld: number;
  exact: LpFinding[];
  insideSmall: LpFinding[];
  solves: number;
}
export interface LpReaderOptions {
  k: number;
  /** The published noise bound (documented by the platform); 0 for exact counts. */
  noise: number;
  /** Items a definition makes everyone answer: their skipped is 0. */
  requiredItems?: string[];
}

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let runtime: Promise<Highs> | null = null;

class ItemModel {
  readonly lower: number[] = [];
  readonly upper: number[] = [];
  readonly ids = new Map<string, number>();
  readonly rows: string[] = [];
  readonly withheld: number[] = [];

  constructor(private readonly options: LpReaderOptions) {}

  private add(id: string, lower: number, upper: number): number {
    const existing = this.ids.get(id);
    if (existing !== undefined) return existing;
    this.ids.set(id, this.lower.length);
    this.lower.push(lower);
    this.upper.push(upper);
    return this.lower.length - 1;
  }
  cell(id: string, cell: PublishedCell, target = true): number {
    const { k, noise } = this.options;
    const known = this.ids.has(id);
    const x = cell.suppressed ? this.add(id, 0, k - 1 + noise) : this.add(id, Math.max(0, cell.count! - noise), cell.count! + noise);
    if (cell.suppressed && target && !known) this.withheld.push(x);
    return x;
  }
  hidden(id: string): number {
    return this.add(id, 0, Infinity);
  }
  zero(id: string): number {
    return this.add(id, 0, 0);
  }
  known(id: string, value: number): number {
    return this.add(id, Math.max(0, value - this.options.noise), value + this.options.noise);
  }
  sum(members: number[], total: number): void {
    this.rows.push(`${members.map((m) => `x${m}`).join(' + ')} - x${total} = 0`);
  }
  atMost(part: number, whole: number): void {
    this.rows.push(`x${part} - x${whole} <= 0`);
  }
  text(sense: 'Minimize' | 'Maximize', target: number): string {
    const bounds = this.lower.map((lo, i) => (this.upper[i] === Infinity ? ` x${i} >= ${lo}` : ` ${lo} <= x${i} <= ${this.upper[i]}`));
    return `${sense}\n obj: x${target}\nSubject To\n${this.rows.map((r, i) => ` r${i}: ${r}`).join('\n')}\nBounds\n${bounds.join('\n')}\nEnd\n`;
  }
}

function modelOf(m: PublishedMunicipality, item: PublishedItem, options: LpReaderOptions): ItemModel {
  const model = new ItemModel(options);
  const byItem = new Map(m.items.map((i) => [i.item, i]));
  const required = options.requiredItems?.includes(item.item) ?? false;
  const responses = model.known('responses', m.responses!);
  const answered = model.cell('answered', item.answered);
  const skipped = required ? model.zero('skipped') : model.cell('skipped', item.skipped);
  model.sum([answered, skipped], responses);
  const counts = item.counts.map((c) => model.cell(`v=${c.value}`, c.count));
  if (item.kind === 'choice') model.sum(counts, answered);
  if (item.kind === 'multiple') counts.forEach((c) => model.atMost(c, answered));
  for (const breakdown of item.breakdowns) {
    const source = byItem.get(breakdown.breakdown);
    const groups = breakdown.groups.map((group) => {
      const g = `${breakdown.breakdown}=${group.value}`;
      const a = model.cell(`${g}/answered`, group.answered);
      const s = required ? model.zero(`${g}/skipped`) : model.hidden(`${g}/skipped`);
      const cs = group.counts.map((c) => model.cell(`${g}/v=${c.value}`, c.count));
      if (item.kind === 'choice') model.sum(cs, a);
      if (item.kind === 'multiple') cs.forEach((c) => model.atMost(c, a));
      // The group's size is the breakdown question's own count (its skipped for "not stated").
      const sizeCell = source && (group.value === null ? source.skipped : source.counts.find((c) => c.value === group.value)?.count);
      const size = sizeCell ? model.cell(`size:${g}`, sizeCell, false) : model.hidden(`size:${g}`);
      model.sum([a, s], size);
      return { a, s, cs, size };
    });
    counts.forEach((c, v) => model.sum(groups.map((g) => g.cs[v]), c));
    model.sum(groups.map((g) => g.a), answered);
    model.sum(groups.map((g) => g.s), skipped);
    model.sum(groups.map((g) => g.size), responses);
  }
  return model;
}

export async function lpRead(m: PublishedMunicipality, options: LpReaderOptions): Promise<LpReading> {
  const highs = await (runtime ??= loadHighs());
  const reading: LpReading = { withheld: 0, exact: [], insideSmall: [], solves: 0 };
  if (m.belowThreshold || m.responses === null) return reading;
  for (const item of m.items) {
    const model = modelOf(m, item, options);
    reading.withheld += model.withheld.length;
    if (model.withheld.length === 0) continue;
    const names = [...model.ids.keys()];
    // One HiGHS model per item, read from the LP text once; each bound changes one objective
    // coefficient (minimise x, then minimise -x) and re-solves from the last basis.
    const lp = highs.createModel({ format: 'lp', data: model.text('Minimize', model.withheld[0]) });
    try {
      lp.options.set({ output_flag: false, presolve: 'off', simplex_strategy: 4 });
      lp.changeColCost(model.withheld[0], 0);
      const column = (x: number) => lp.getColByName(`x${x}`);
      for (const target of model.withheld) {
        const ends = ([1, -1] as const).map((sign) => {
          lp.changeColCost(column(target), sign);
          lp.run();
          reading.solves++;
          const status = lp.getModelStatus();
          if (status !== highs.constants.modelStatus.optimal) throw new Error(`attacker LP: status ${status} for ${item.item}/${names[target]}`);
          const objective = sign * lp.getObjectiveValue();
          lp.changeColCost(column(target), 0);
          return objective;
        });
        const min = Math.max(0, Math.ceil(ends[0] - 1e-6));
        const max = Math.floor(ends[1] + 1e-6);
        const finding = { cell: `${item.item}/${names[target]}`, min, max };
        if (min === max) reading.exact.push(finding);
        else if (min >= 1 && max <= options.k - 1) reading.insideSmall.push(finding);
      }
    } finally {
      lp.dispose();
    }
  }
  return reading;
}
