import { lpRead, type LpReaderOptions } from './lp-reader';
import type { PublishedCell, PublishedMunicipality } from './published';

/** Every published count of a document, with a path for messages. */
export function publishedCells(m: PublishedMunicipality): { id: string; cell: PublishedCell }[] {
  const cells: { id: string; cell: PublishedCell }[] = [];
  for (const item of m.items) {
    cells.push({ id: `${item.item}/answered`, cell: item.answered }, { id: `${item.item}/skipped`, cell: item.skipped });
    item.counts.forEach((c) => cells.push({ id: `${item.item}/${c.value}`, cell: c.count }));
    for (const b of item.breakdowns) {
      for (const g of b.groups) {
        cells.push({ id: `${item.item}/${b.breakdown}=${g.value}/answered`, cell: g.answered });
        g.counts.forEach((c) => cells.push({ id: `${item.item}/${b.breakdown}=${g.value}/${c.value}`, cell: c.count }));
      }
    }
  }
  return cells;
}

/**
 * What the property requires of a published municipality: no count in 1..k-1 printed, a null
 * count wherever a cell is withheld, and nothing the LP reader can pin (one value, or a range
 * inside 1..k-1). Returns the violations (empty = protected).
 */
export async function disclosureViolations(m: PublishedMunicipality, options: LpReaderOptions): Promise<string[]> {
  const violations: string[] = [];
  if (m.belowThreshold) {
    if (m.items.length) violations.push('below threshold but tables published');
    if (m.responses !== null && m.responses > 0 && m.responses < options.k) violations.push(`responses ${m.responses} published below k`);
    return violations;
  }
  for (const { id, cell } of publishedCells(m)) {
    if (cell.suppressed && cell.count !== null) violations.push(`${id}: withheld but carries ${cell.count}`);
    if (!cell.suppressed && cell.count !== null && cell.count > 0 && cell.count < options.k) violations.push(`${id}: ${cell.count} published`);
  }
  const reading = await lpRead(m, options);
  for (const f of reading.exact) violations.push(`${cellId(f.cell)}: pinned to ${f.min}`);
  for (const f of reading.insideSmall) violations.push(`${cellId(f.cell)}: inside ${f.min}..${f.max}`);
  return violations;
}

/** The LP reader names a count `item/v=value`; `publishedCells` names it `item/value`. */
const cellId = (lpCell: string) => lpCell.replace(/\/v=/g, '/');

/** The id a violation is about (the part before the colon). */
export const violationCell = (violation: string) => violation.slice(0, violation.indexOf(':'));
