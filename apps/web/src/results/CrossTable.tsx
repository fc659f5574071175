import type { ReactNode } from 'react';
import { cellText, choiceLabel, formatNumber, formatPercent, percentOf } from './format';
import { useResultsI18n } from './i18n';
import { DataTable } from './parts';
import type { Cell, ChoiceCount, ItemDescription } from './types';

export interface CrossTableRow {
  key: string;
  label: ReactNode;
  /** The row's counts, or what to show across the row instead (e.g. "too few responses"). */
  data: { answered: Cell; counts: ChoiceCount[] } | { instead: ReactNode };
}

const ZERO: Cell = { count: 0, suppressed: false };

/**
 * Rows (breakdown groups, or municipalities) by the item's answers: n answered, then each answer
 * as "percent (count)", withheld counts as "fewer than k" (never 0). The table behind each chart.
 */
export function CrossTable(props: {
  item: ItemDescription;
  values: { value: string }[];
  rows: CrossTableRow[];
  rowHeader: string;
  caption: string;
  k: number;
}) {
  const { item, values, rows, rowHeader, caption, k } = props;
  const { lang, r } = useResultsI18n();
  return (
    <DataTable>
      <table className="table">
        <caption className="sr-only">{r.tableCaption(caption)}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            <th scope="col" className="num">
              {r.answered}
            </th>
            {values.map((column) => (
              <th key={column.value} scope="col" className="num">
                {choiceLabel(item, column.value, lang, r)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, label, data }) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              {'instead' in data ? (
                <td colSpan={values.length + 1}>{data.instead}</td>
              ) : (
                <>
                  <td className="num">{cellText(data.answered, k, lang, r)}</td>
                  {values.map((column) => {
                    const count = data.counts.find((c) => c.value === column.value)?.count ?? ZERO;
                    const pct = percentOf(count, data.answered);
                    return (
                      <td key={column.value} className="num">
                        {count.suppressed
                          ? r.fewerThan(k)
                          : pct === null
                            ? formatNumber(count.count, lang)
                            : `${formatPercent(pct, lang)} (${formatNumber(count.count, lang)})`}
                      </td>
                    );
                  })}
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </DataTable>
  );
}
