import type { AuditInput, AuditTables } from './audit-types';

/**
 * The reader's knowledge as one linear system, cut into independent pieces.
 *
 * Every cell of the release and of each earlier release is one variable (its true value). Bounds:
 * a published value p gives max(0, p - D) <= x <= p + D; a withheld one 0 <= x <= k - 1 + D (its
 * perturbed value was below k); a hidden one only x >= 0. Rows: each line (members - total = 0),
 * and, per key, each release's cell minus the previous release's cell >= 0 (later releases hold
 * the same people and more).
 *
 * Variables linked by no row cannot tell anything about each other, so the system splits into
 * connected components, and only components holding a withheld cell of the release need solving.
 */
export interface AuditComponent {
  /** Global variable ids in this component, in column order. */
  variables: number[];
  /** Column bounds, in column order. */
  lower: number[];
  upper: number[];
  /** Rows as sparse (column, coefficient) lists with their bounds. */
  rows: { columns: number[]; values: number[]; lower: number; upper: number }[];
  /** Withheld cells of the release in this component: [column, index into release.cells]. */
  targets: { column: number; cell: number }[];
}

export function buildAuditComponents(input: AuditInput): AuditComponent[] {
  const releases: AuditTables[] = [...input.earlier, input.release];
  const offsets: number[] = [];
  let count = 0;
  for (const tables of releases) {
    offsets.push(count);
    count += tables.cells.length;
  }
  const current = releases.length - 1;
  const lower = new Array<number>(count);
  const upper = new Array<number>(count);
  releases.forEach((tables, r) =>
    tables.cells.forEach((cell, i) => {
      const [lo, hi] = bounds(cell.published, cell.hidden === true, input.k, input.noiseBound);
      lower[offsets[r] + i] = lo;
      upper[offsets[r] + i] = hi;
    }),
  );

  type Row = { vars: number[]; values: number[]; lower: number; upper: number };
  const rows: Row[] = [];
  releases.forEach((tables, r) => {
    for (const line of tables.lines) {
      const coefficients = new Map<number, number>();
      for (const member of line.members) coefficients.set(offsets[r] + member, (coefficients.get(offsets[r] + member) ?? 0) + 1);
      const total = offsets[r] + line.total;
      coefficients.set(total, (coefficients.get(total) ?? 0) - 1);
      const entries = [...coefficients].filter(([, c]) => c !== 0);
      if (entries.length === 0) continue;
      rows.push({ vars: entries.map(([v]) => v), values: entries.map(([, c]) => c), lower: 0, upper: 0 });
    }
  });
  // Monotone in time, per key: link each occurrence to the next one.
  const lastSeen = new Map<string, number>();
  releases.forEach((tables, r) =>
    tables.cells.forEach((cell, i) => {
      const variable = offsets[r] + i;
      const previous = lastSeen.get(cell.key);
      if (previous !== undefined) rows.push({ vars: [variable, previous], values: [1, -1], lower: 0, upper: Infinity });
      lastSeen.set(cell.key, variable);
    }),
  );

  const parent = Array.from({ length: count }, (_, i) => i);
  const find = (v: number): number => {
    while (parent[v] !== v) {
      parent[v] = parent[parent[v]];
      v = parent[v];
    }
    return v;
  };
  for (const row of rows) for (const v of row.vars.slice(1)) parent[find(v)] = find(row.vars[0]);

  const withheldRoots = new Set<number>();
  input.release.cells.forEach((cell, i) => {
    if (cell.published === null && !cell.hidden) withheldRoots.add(find(offsets[current] + i));
  });
  const components = new Map<number, AuditComponent>();
  const columnOf = new Int32Array(count).fill(-1);
  for (let v = 0; v < count; v++) {
    const root = find(v);
    if (!withheldRoots.has(root)) continue;
    let component = components.get(root);
    if (!component) components.set(root, (component = { variables: [], lower: [], upper: [], rows: [], targets: [] }));
    columnOf[v] = component.variables.length;
    component.variables.push(v);
    component.lower.push(lower[v]);
    component.upper.push(upper[v]);
  }
  for (const row of rows) {
    const component = components.get(find(row.vars[0]));
    if (!component) continue;
    component.rows.push({ columns: row.vars.map((v) => columnOf[v]), values: row.values, lower: row.lower, upper: row.upper });
  }
  input.release.cells.forEach((cell, i) => {
    if (cell.published !== null || cell.hidden) return;
    const v = offsets[current] + i;
    components.get(find(v))!.targets.push({ column: columnOf[v], cell: i });
  });
  return [...components.values()];
}

function bounds(published: number | null, hidden: boolean, k: number, noise: number): [number, number] {
  if (hidden) return [0, Infinity];
  if (published === null) return [0, k - 1 + noise];
  return [Math.max(0, published - noise), published + noise];
}
