import { BarChart, SERIES_COLORS, SINGLE_COLOR, type BarSeries } from './BarChart';
import { CrossTable } from './CrossTable';
import {
  cellText,
  choiceLabel,
  formatNumber,
  formatPercent,
  groupLabel,
  orderedCounts,
  orderGroups,
  percentOf,
} from './format';
import { useResultsI18n } from './i18n';
import { DataTable, statsRows, StatsList, Withheld } from './parts';
import type { BreakdownDescription, Cell, GroupResult, ItemDescription, ItemResult } from './types';

interface Props {
  item: ItemDescription;
  result: ItemResult;
  k: number;
  /** The breakdown chosen on the page, or null for everyone together. */
  breakdown: BreakdownDescription | null;
  caption: string;
}

/** One item in one municipality: n answered / skipped, its chart (or cross-tab), stats, and the table. */
export function ItemResults({ item, result, k, breakdown, caption }: Props) {
  const { r } = useResultsI18n();
  return (
    <div className="item-results">
      <p className="item-results__n">
        <span>
          {r.answered}: <CellValue cell={result.answered} k={k} />
        </span>
        <span>
          {r.skipped}: <CellValue cell={result.skipped} k={k} />
        </span>
      </p>
      {breakdown ? (
        <BreakdownResults item={item} result={result} k={k} breakdown={breakdown} caption={caption} />
      ) : (
        <OverallResults item={item} result={result} k={k} caption={caption} />
      )}
      {item.kind === 'multiple' && <p className="item-results__note">{r.multipleNote}</p>}
    </div>
  );
}

export function CellValue({ cell, k }: { cell: Cell; k: number }) {
  const { lang } = useResultsI18n();
  return cell.suppressed ? <Withheld k={k} /> : <strong>{formatNumber(cell.count, lang)}</strong>;
}

/** The chart series of one group's (or everyone's) counts over the item's choices. */
function seriesOf(
  rows: { value: string }[],
  counts: GroupResult['counts'],
  answered: Cell,
  name: string,
  color: string,
  k: number,
  fewerThan: (k: number) => string,
  lang: 'lt' | 'en',
): BarSeries {
  const byValue = new Map(counts.map((c) => [c.value, c.count]));
  const values = rows.map((row) => {
    const count = byValue.get(row.value) ?? { count: 0, suppressed: false as const };
    return percentOf(count, answered);
  });
  return {
    name,
    color,
    values,
    valueTexts: values.map((v) => (v === null ? null : formatPercent(v, lang))),
    notes: rows.map((row) => (byValue.get(row.value)?.suppressed ? fewerThan(k) : null)),
  };
}

function OverallResults({ item, result, k, caption }: Omit<Props, 'breakdown'>) {
  const { lang, r } = useResultsI18n();
  const rows = orderedCounts(item, result.counts);
  const hasChoices = item.kind !== 'numeric' && rows.length > 0;
  return (
    <>
      {hasChoices && !result.answered.suppressed && (
        <BarChart
          labels={rows.map((row) => choiceLabel(item, row.value, lang, r))}
          series={[seriesOf(rows, result.counts, result.answered, r.answered, SINGLE_COLOR, k, r.fewerThan, lang)]}
        />
      )}
      {hasChoices && result.answered.suppressed && <p className="item-results__note">{r.answeredWithheld}</p>}
      {item.kind === 'numeric' && !result.stats && <p className="item-results__note">{r.numericOnly}</p>}
      {result.stats && <StatsList stats={result.stats} />}
      {hasChoices && (
        <DataTable>
          <table className="table">
            <caption className="sr-only">{r.tableCaption(caption)}</caption>
            <thead>
              <tr>
                <th scope="col">{r.tableAnswer}</th>
                <th scope="col" className="num">
                  {r.tableCount}
                </th>
                <th scope="col" className="num">
                  {r.tablePercent}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const count = row.count ?? { count: 0, suppressed: false as const };
                const pct = percentOf(count, result.answered);
                return (
                  <tr key={row.value}>
                    <th scope="row">{choiceLabel(item, row.value, lang, r)}</th>
                    <td className="num">{cellText(count, k, lang, r)}</td>
                    <td className="num">{pct === null ? '—' : formatPercent(pct, lang)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </DataTable>
      )}
    </>
  );
}

function BreakdownResults({ item, result, k, breakdown, caption }: Props & { breakdown: BreakdownDescription }) {
  const { lang, r } = useResultsI18n();
  const found = result.breakdowns.find((b) => b.breakdown === breakdown.name);
  if (!found || found.groups.length === 0) return <p className="item-results__note">{r.noBreakdown}</p>;

  const groups = orderGroups(breakdown, found.groups);
  const rows = orderedCounts(
    item,
    groups.flatMap((g) => g.counts).filter((c, i, all) => all.findIndex((o) => o.value === c.value) === i),
  );
  const hasChoices = item.kind !== 'numeric' && rows.length > 0;
  // A group whose number of answers is withheld gets no percentages, so no bars either; nor does a
  // group whose every count is withheld (a row of "fewer than k" markers says nothing a line can't).
  // Groups in which nobody answered have nothing to draw; the table still lists them with 0.
  const charted = groups.filter(
    (g) => !g.answered.suppressed && g.answered.count > 0 && g.counts.some((c) => !c.count.suppressed),
  );
  const withheld = groups.filter((g) => g.answered.suppressed);
  const allWithheld = groups.filter((g) => !g.answered.suppressed && g.answered.count > 0 && !charted.includes(g));
  const label = (g: GroupResult) => groupLabel(breakdown, g.value, lang, r);
  const hasStats = groups.some((g) => g.stats);

  return (
    <>
      {hasChoices && charted.length > 0 && (
        <BarChart
          legend
          labels={rows.map((row) => choiceLabel(item, row.value, lang, r))}
          series={charted.map((g, i) =>
            seriesOf(rows, g.counts, g.answered, label(g), SERIES_COLORS[i % SERIES_COLORS.length], k, r.fewerThan, lang),
          )}
        />
      )}
      {withheld.length > 0 && <p className="item-results__note">{r.groupsNotCharted(withheld.map(label).join(', '))}</p>}
      {hasChoices && allWithheld.length > 0 && (
        <p className="item-results__note">{r.groupsAllWithheld(k, allWithheld.map(label).join(', '))}</p>
      )}
      {hasStats && (
        <div className="table-scroll">
          <table className="table">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{r.tableGroup}</th>
                <th scope="col" className="num">
                  {r.answered}
                </th>
                {['mean', 'median', 'quartiles'].map((key) => (
                  <th key={key} scope="col" className="num">
                    {r[key as 'mean' | 'median' | 'quartiles']}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.value ?? '∅'}>
                  <th scope="row">{label(g)}</th>
                  <td className="num">{cellText(g.answered, k, lang, r)}</td>
                  {g.stats ? (
                    statsRows(g.stats, lang, r).map((s) => (
                      <td key={s.label} className="num">
                        {s.value}
                      </td>
                    ))
                  ) : (
                    <td colSpan={3} className="num">
                      —
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {hasChoices && (
        <CrossTable
          item={item}
          values={rows}
          rowHeader={r.tableGroup}
          caption={caption}
          k={k}
          rows={groups.map((g) => ({ key: g.value ?? '∅', label: label(g), data: { answered: g.answered, counts: g.counts } }))}
        />
      )}
    </>
  );
}
