import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { stringify } from 'csv-stringify/sync';
import { CsvDownload, vilniusDate, type CsvLanguage } from '@app/http';
import { ResultsQueryDto } from './dto/results.dto';
import type { Cell, ResultsDocument, Stats } from './results-document';

/** English headers stay the machine-friendly names scripts use; Lithuanian ones are for people opening Excel. */
const TEXT = {
  en: {
    header: ['municipality', 'item', 'question', 'row', 'breakdown', 'group', 'measure', 'value', 'count', 'suppressed'],
    yes: 'yes',
    no: 'no',
    notStated: '(not stated)',
  },
  lt: {
    header: ['Savivaldybė', 'Klausimo kodas', 'Klausimas', 'Eilutė', 'Pjūvis', 'Grupė', 'Rodiklis', 'Reikšmė', 'Skaičius', 'Nuslėpta'],
    yes: 'taip',
    no: 'ne',
    notStated: '(nenurodyta)',
  },
} as const;

/** The results query plus the CSV's language. */
export class ResultsCsvQueryDto extends ResultsQueryDto {
  @ApiPropertyOptional({ enum: ['lt', 'en'], description: 'Headers in this language (default: Accept-Language, else English)' })
  @IsOptional()
  @IsIn(['lt', 'en'], { message: 'lang must be lt or en' })
  lang?: CsvLanguage;
}

/** results-<survey>[-<municipality>]-<Vilnius date>.csv, sent with a byte-order mark for Excel. */
export function resultsCsvDownload(document: ResultsDocument, language: CsvLanguage, municipality?: string): CsvDownload {
  const name = ['results', document.survey.slug, municipality, vilniusDate(new Date())].filter(Boolean).join('-');
  return new CsvDownload(`${name}.csv`, resultsToCsv(document, language));
}

/**
 * The anonymised tables as one long CSV, one figure per line: easy to filter and pivot. A
 * suppressed cell has an empty count and `suppressed` = yes, never 0. Stats rows carry the figure
 * in `count` (mean, median, q1, q3).
 */
export function resultsToCsv(document: ResultsDocument, language: CsvLanguage = 'en'): string {
  const t = TEXT[language];
  const lines: unknown[][] = [[...t.header]];
  for (const m of document.municipalities) {
    // "Fewer than k" responses: no count at all. Tables withheld by the auditor: the count only.
    if (m.belowThreshold || m.tablesWithheld) {
      lines.push([m.code, '', '', '', '', '', 'responses', '', m.responses ?? '', m.responses === null ? t.yes : t.no]);
      continue;
    }
    for (const item of m.items) {
      const base = [m.code, item.item, item.question, item.row ?? ''];
      const emit = (breakdown: string, group: string, measure: string, value: string, cell: Cell) =>
        lines.push([...base, breakdown, group, measure, value, cell.suppressed ? '' : cell.count, cell.suppressed ? t.yes : t.no]);
      const emitStats = (breakdown: string, group: string, stats: Stats | null) => {
        if (!stats) return;
        for (const measure of ['mean', 'median', 'q1', 'q3'] as const) lines.push([...base, breakdown, group, measure, '', stats[measure], t.no]);
      };
      emit('', '', 'answered', '', item.answered);
      emit('', '', 'skipped', '', item.skipped);
      item.counts.forEach((c) => emit('', '', 'count', c.value, c.count));
      emitStats('', '', item.stats);
      for (const breakdown of item.breakdowns) {
        for (const group of breakdown.groups) {
          const name = group.value ?? t.notStated;
          emit(breakdown.breakdown, name, 'answered', '', group.answered);
          group.counts.forEach((c) => emit(breakdown.breakdown, name, 'count', c.value, c.count));
          emitStats(breakdown.breakdown, name, group.stats);
        }
      }
    }
  }
  return stringify(lines);
}
