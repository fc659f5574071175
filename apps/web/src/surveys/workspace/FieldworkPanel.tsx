import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip } from 'chart.js';
import { useQuery } from '@tanstack/react-query';
import { Bar } from 'react-chartjs-2';
import { ErrorBox } from '../../components/ErrorBox';
import { formatDay, municipalityName } from '../../components/i18n';
import { Loading } from '../../components/Loading';
import type { Municipality } from '../api';
import { surveysApi, type FieldworkRow } from './api';
import { useSurveysWorkspaceI18n } from './i18n';

ChartJS.register(CategoryScale, LinearScale, BarElement, Tooltip, Legend);

/** How often the page asks again: fieldwork moves while the researcher watches. */
export const FIELDWORK_REFRESH_MS = 5000;

/** Per day over all municipalities, for the chart: complete and partial stacked. */
function perDay(rows: FieldworkRow[]): { day: string; complete: number; partial: number }[] {
  const days = new Map<string, { complete: number; partial: number }>();
  for (const row of rows) {
    const day = days.get(row.day) ?? { complete: 0, partial: 0 };
    day.complete += row.complete;
    day.partial += row.partial;
    days.set(row.day, day);
  }
  return [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, counts]) => ({ day, ...counts }));
}

/** Complete and partial responses per municipality and day, as a chart and a table, live. */
export function FieldworkPanel({ surveyId, municipalities }: { surveyId: string; municipalities: Municipality[] }) {
  const { lang, w } = useSurveysWorkspaceI18n();
  const query = useQuery({
    queryKey: ['fieldwork', surveyId],
    queryFn: () => surveysApi.fieldwork(surveyId),
    refetchInterval: FIELDWORK_REFRESH_MS,
  });

  let body;
  if (query.isPending) body = <Loading />;
  else if (query.isError && !query.data) body = <ErrorBox error={query.error} onRetry={() => void query.refetch()} />;
  else {
    const rows = query.data ?? [];
    const days = perDay(rows);
    const totals = rows.reduce((sum, row) => ({ complete: sum.complete + row.complete, partial: sum.partial + row.partial }), { complete: 0, partial: 0 });
    body =
      rows.length === 0 ? (
        <p className="notice" data-testid="fieldwork-empty">
          {w.noResponses}
        </p>
      ) : (
        <>
          <div className="chart chart--fieldwork">
            <Bar
              aria-label={w.fieldworkTitle}
              data={{
                labels: days.map((d) => formatDay(d.day, lang)),
                datasets: [
                  { label: w.colComplete, data: days.map((d) => d.complete), backgroundColor: '#0072B2', stack: 'responses' },
                  { label: w.colPartial, data: days.map((d) => d.partial), backgroundColor: '#E69F00', stack: 'responses' },
                ],
              }}
              options={{
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
              }}
            />
          </div>
          <table className="table" data-testid="fieldwork-table">
            <thead>
              <tr>
                <th scope="col">{w.colDay}</th>
                <th scope="col">{w.colMunicipality}</th>
                <th scope="col" className="num">
                  {w.colComplete}
                </th>
                <th scope="col" className="num">
                  {w.colPartial}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.day}:${row.municipalityCode}`}>
                  <td>{formatDay(row.day, lang)}</td>
                  <td>{municipalityName(municipalities, row.municipalityCode, lang)}</td>
                  <td className="num">{row.complete}</td>
                  <td className="num">{row.partial}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  {w.total}
                </th>
                <td className="num" data-testid="fieldwork-complete">
                  {totals.complete}
                </td>
                <td className="num" data-testid="fieldwork-partial">
                  {totals.partial}
                </td>
              </tr>
            </tfoot>
          </table>
        </>
      );
  }

  return (
    <section className="panel" aria-labelledby="fieldwork-title" data-testid="fieldwork">
      <h2 id="fieldwork-title" className="section-title">
        {w.fieldworkTitle}
      </h2>
      <p className="muted">{w.fieldworkIntro}</p>
      {body}
      {query.dataUpdatedAt > 0 && (
        <p className="muted small">{w.updatedAt(new Date(query.dataUpdatedAt).toLocaleTimeString(lang === 'lt' ? 'lt-LT' : 'en-GB'))}</p>
      )}
    </section>
  );
}
