import { createElement, useId, useState, type ReactNode } from 'react';
import type { Lang } from '../components/i18n';
import { formatNumber } from './format';
import { useResultsI18n, type ResultsDict } from './i18n';
import type { Stats } from './types';

export type Level = 2 | 3 | 4 | 5 | 6;

/** Results are shown on their own page (items are h3) and inside the staff page (one level lower). */
export function Heading({ level, className, id, children }: { level: Level; className?: string; id?: string; children: ReactNode }) {
  return createElement(`h${level}`, { className, id }, children);
}

export const deeper = (level: Level): Level => Math.min(level + 1, 6) as Level;

/**
 * The numbers behind a chart. Always in the page for screen readers; shown on screen when asked for,
 * so a phone is not filled with both.
 */
export function DataTable({ children }: { children: ReactNode }) {
  const { r } = useResultsI18n();
  const [shown, setShown] = useState(false);
  const id = useId();
  return (
    <div className="data-table">
      <button type="button" className="button-link data-table__toggle" aria-expanded={shown} aria-controls={id} onClick={() => setShown(!shown)}>
        {shown ? r.hideTable : r.showTable}
      </button>
      <div id={id} className={shown ? 'table-scroll' : 'sr-only'}>
        {children}
      </div>
    </div>
  );
}

export function statsRows(stats: Stats, lang: Lang, r: ResultsDict): { label: string; value: string }[] {
  return [
    { label: r.mean, value: formatNumber(stats.mean, lang) },
    { label: r.median, value: formatNumber(stats.median, lang) },
    { label: r.quartiles, value: `${formatNumber(stats.q1, lang)} – ${formatNumber(stats.q3, lang)}` },
  ];
}

export function StatsList({ stats }: { stats: Stats }) {
  const { lang, r } = useResultsI18n();
  return (
    <dl className="stats">
      {statsRows(stats, lang, r).map((row) => (
        <div key={row.label} className="stats__item">
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The visible form of a suppressed number. */
export function Withheld({ k }: { k: number }) {
  const { r } = useResultsI18n();
  return <span className="withheld">{r.fewerThan(k)}</span>;
}
