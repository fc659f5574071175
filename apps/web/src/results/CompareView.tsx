import { BarChart, SINGLE_COLOR } from './BarChart';
import { CrossTable } from './CrossTable';
import {
  cellText,
  choiceLabel,
  formatPercent,
  municipalityLabel,
  orderedCounts,
  percentOf,
  resultFor,
} from './format';
import { useResultsI18n } from './i18n';
import { Heading, statsRows, type Level } from './parts';
import type { Cell, ItemDescription, MunicipalityResults } from './types';

interface Props {
  item: ItemDescription;
  municipalities: MunicipalityResults[];
  k: number;
  level: Level;
  caption: string;
}

const ZERO: Cell = { count: 0, suppressed: false };

/** One item across every municipality: a chart per answer, one bar per municipality. */
export function CompareView({ item, municipalities, k, level, caption }: Props) {
  const { lang, r } = useResultsI18n();
  const results = municipalities.map((m) => ({ m, result: m.belowThreshold ? undefined : resultFor(m, item.item) }));
  const rows = orderedCounts(
    item,
    results.flatMap(({ result }) => result?.counts ?? []).filter((c, i, all) => all.findIndex((o) => o.value === c.value) === i),
  );
  const hasChoices = item.kind !== 'numeric' && rows.length > 0;
  const hasStats = results.some(({ result }) => result?.stats);
  const names = municipalities.map((m) => municipalityLabel(m, lang));

  /** Why a municipality has no bar: too few responses overall, or too few answers to this item. */
  const missing = (m: MunicipalityResults, answered: Cell | undefined): string | null => {
    if (m.belowThreshold) return r.tooFewResponses;
    if (!answered) return '—';
    if (answered.suppressed) return r.answeredWithheldShort;
    return null;
  };

  return (
    <div className="compare">
      <p className="item-results__note">{r.compareIntro}</p>
      {hasChoices &&
        rows.map((row) => {
          const values = results.map(({ result }) => {
            if (!result) return null;
            const count = result.counts.find((c) => c.value === row.value)?.count ?? ZERO;
            return percentOf(count, result.answered);
          });
          return (
            <section key={row.value} className="compare__choice">
              <Heading level={level} className="compare__choice-title">
                {choiceLabel(item, row.value, lang, r)}
              </Heading>
              <BarChart
                labels={names}
                series={[
                  {
                    name: choiceLabel(item, row.value, lang, r),
                    color: SINGLE_COLOR,
                    values,
                    valueTexts: values.map((v) => (v === null ? null : formatPercent(v, lang))),
                    notes: results.map(({ m, result }) => {
                      const reason = missing(m, result?.answered);
                      if (reason) return reason;
                      return result?.counts.find((c) => c.value === row.value)?.count.suppressed ? r.fewerThan(k) : null;
                    }),
                  },
                ]}
              />
            </section>
          );
        })}
      {hasChoices && (
        <CrossTable
          item={item}
          values={rows}
          rowHeader={r.municipality}
          caption={caption}
          k={k}
          rows={results.map(({ m, result }, i) => ({
            key: m.code,
            label: names[i],
            data: result ? { answered: result.answered, counts: result.counts } : { instead: missing(m, undefined) },
          }))}
        />
      )}
      {hasStats && (
        <section>
          <Heading level={level} className="compare__choice-title">
            {r.mean} / {r.median}
          </Heading>
          <div className="table-scroll">
            <table className="table">
              <caption className="sr-only">{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{r.municipality}</th>
                  <th scope="col" className="num">
                    {r.answered}
                  </th>
                  <th scope="col" className="num">
                    {r.mean}
                  </th>
                  <th scope="col" className="num">
                    {r.median}
                  </th>
                  <th scope="col" className="num">
                    {r.quartiles}
                  </th>
                </tr>
              </thead>
              <tbody>
                {results.map(({ m, result }, i) => (
                  <tr key={m.code}>
                    <th scope="row">{names[i]}</th>
                    <td className="num">{result ? cellText(result.answered, k, lang, r) : missing(m, undefined)}</td>
                    {result?.stats ? (
                      statsRows(result.stats, lang, r).map((s) => (
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
        </section>
      )}
    </div>
  );
}
