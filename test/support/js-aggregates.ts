import type { ResultPlan } from '../../libs/results/src/definition/result-items';

/**
 * The compile's aggregates (cube, group sizes, numeric stats), counted in plain JS from raw answers,
 * as the SQL in libs/results/src/compile/aggregate-queries.ts documents them, with the sum of the
 * record keys of each count (cell-key perturbation). Lets property tests run the pure build step
 * on thousands of generated municipalities without a database; a smaller number of cases goes
 * through the real SQL path (test/e2e/results-properties.e2e-spec.ts).
 */
export interface JsCubeRow {
  item: string;
  value: string | null;
  groups: (string | null)[];
  n: number;
  keys: number;
}
export interface JsGroupSizeRow {
  groups: (string | null)[];
  n: number;
  keys: number;
}
export interface JsNumericStatsRow {
  item: string;
  breakdown: number | null;
  group: string | null;
  n: number;
  keys: number;
  mean: number;
  q1: number;
  median: number;
  q3: number;
}

export function jsAggregates(plan: ResultPlan, answers: Record<string, unknown>[], keys: number[]) {
  // A breakdown answer that is not one of the question's choices counts as not stated.
  const groupsOf = (a: Record<string, unknown>) =>
    plan.breakdowns.map((b) => {
      const v = a[b.name];
      const text = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;
      return text !== null && b.groups.some((g) => g.value === text) ? text : null;
    });
  const cube = new Map<string, JsCubeRow>();
  const add = (item: string, value: string | null, groups: (string | null)[], key: number) => {
    const id = JSON.stringify([item, value, groups]);
    const row = cube.get(id) ?? { item, value, groups, n: 0, keys: 0 };
    row.n++;
    row.keys += key;
    cube.set(id, row);
  };
  const sizes = new Map<string, JsGroupSizeRow>();
  answers.forEach((a, i) => {
    const groups = groupsOf(a);
    const key = keys[i];
    const id = JSON.stringify(groups);
    const size = sizes.get(id) ?? { groups, n: 0, keys: 0 };
    size.n++;
    size.keys += key;
    sizes.set(id, size);
    for (const q of plan.choiceQuestions) if (q in a) add(q, a[q] === null ? null : typeof a[q] === 'string' ? (a[q]) : JSON.stringify(a[q]), groups, key);
    for (const q of plan.multipleQuestions) {
      if (!(q in a)) continue;
      if (Array.isArray(a[q])) for (const chosen of a[q] as unknown[]) add(q, typeof chosen === 'string' ? chosen : JSON.stringify(chosen), groups, key);
      add(q, null, groups, key);
    }
    for (const q of plan.matrixQuestions) {
      const rows = a[q];
      if (rows && typeof rows === 'object' && !Array.isArray(rows)) {
        for (const [row, v] of Object.entries(rows)) add(`${q}.${row}`, typeof v === 'string' ? v : JSON.stringify(v), groups, key);
      }
    }
  });
  const numeric: JsNumericStatsRow[] = [];
  for (const q of plan.numericQuestions) {
    const rows = answers.map((a, i) => ({ x: a[q], key: keys[i], groups: groupsOf(a) })).filter((r): r is { x: number; key: number; groups: (string | null)[] } => typeof r.x === 'number');
    const stat = (breakdown: number | null, group: string | null, of: typeof rows) => {
      if (!of.length) return;
      const sorted = of.map((r) => r.x).sort((a, b) => a - b);
      const at = (p: number) => {
        const pos = p * (sorted.length - 1);
        const lo = Math.floor(pos);
        return sorted[lo] + (pos - lo) * (sorted[Math.ceil(pos)] - sorted[lo]);
      };
      numeric.push({
        item: q, breakdown, group, n: of.length, keys: of.reduce((s, r) => s + r.key, 0),
        mean: sorted.reduce((s, x) => s + x, 0) / sorted.length, q1: at(0.25), median: at(0.5), q3: at(0.75),
      });
    };
    stat(null, null, rows);
    plan.breakdowns.forEach((_, b) => {
      const values = [...new Set(rows.map((r) => r.groups[b]))];
      for (const g of values) stat(b, g, rows.filter((r) => r.groups[b] === g));
    });
  }
  return { cube: [...cube.values()], groupSizes: [...sizes.values()], numeric };
}
