import { stringify } from 'csv-stringify/sync';
import type { Cell, ResultsDocument, Stats } from './results-document';

const HEADER = ['municipality', 'item', 'question', 'row', 'breakdown', 'group', 'measure', 'value', 'count', 'suppressed'];

/**
 * The anonymised tables as one long CSV, one figure per line: easy to filter and pivot. A
 * suppressed cell has an empty count and `suppressed` = yes, never 0. Stats rows carry the figure
 * in `count` (mean, median, q1, q3).
 */
export function resultsToCsv(document: ResultsDocument): string {
  const lines: unknown[][] = [HEADER];
  for (const m of document.municipalities) {
    // "Fewer than k" responses: no count at all. Tables withheld by the auditor: the count only.
    if (m.belowThreshold || m.tablesWithheld) {
      lines.push([m.code, '', '', '', '', '', 'responses', '', m.responses ?? '', m.responses === null ? 'yes' : 'no']);
      continue;
    }
    for (const item of m.items) {
      const base = [m.code, item.item, item.question, item.row ?? ''];
      const emit = (breakdown: string, group: string, measure: string, value: string, cell: Cell) =>
        lines.push([...base, breakdown, group, measure, value, cell.suppressed ? '' : cell.count, cell.suppressed ? 'yes' : 'no']);
      const emitStats = (breakdown: string, group: string, stats: Stats | null) => {
        if (!stats) return;
        for (const measure of ['mean', 'median', 'q1', 'q3'] as const) lines.push([...base, breakdown, group, measure, '', stats[measure], 'no']);
      };
      emit('', '', 'answered', '', item.answered);
      emit('', '', 'skipped', '', item.skipped);
      item.counts.forEach((c) => emit('', '', 'count', c.value, c.count));
      emitStats('', '', item.stats);
      for (const breakdown of item.breakdowns) {
        for (const group of breakdown.groups) {
          const name = group.value ?? '(not stated)';
          emit(breakdown.breakdown, name, 'answered', '', group.answered);
          group.counts.forEach((c) => emit(breakdown.breakdown, name, 'count', c.value, c.count));
          emitStats(breakdown.breakdown, name, group.stats);
        }
      }
    }
  }
  return stringify(lines);
}
