import { useState } from 'react';
import { ErrorBox } from '../../components/ErrorBox';
import { formatMoment } from '../../components/i18n';
import { formatNumber, formatPercent, municipalityLabel } from '../format';
import { useResultsI18n } from '../i18n';
import type { CompilationView } from '../types';
import { staffApi } from '../../workspace/api';
import { isActive, type Compilations } from './useCompilations';

interface Props {
  surveyId: string;
  version: number;
  compilations: Compilations;
}

/** One survey version's compilations, a row per municipality, with "compile now" for all or one. */
export function CompilationsTable({ surveyId, version, compilations }: Props) {
  const { lang, r } = useResultsI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [requested, setRequested] = useState(false);
  const rows = (compilations.items ?? [])
    .filter((c) => c.version === version)
    .sort((a, b) => municipalityLabel(a.municipality, lang).localeCompare(municipalityLabel(b.municipality, lang), lang));

  const compile = async (which: string, municipalityCodes?: string[]) => {
    setBusy(which);
    setError(null);
    setRequested(false);
    try {
      const answer = await staffApi.compile(surveyId, { version, ...(municipalityCodes ? { municipalityCodes } : {}) });
      compilations.merge(answer.items);
      setRequested(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <div className="actions actions--row">
        <button type="button" className="button" disabled={busy !== null} onClick={() => compile('all')} data-testid="compile-all">
          {rows.length > 1 ? r.compileAll : r.compileNow}
        </button>
        <p className="actions__status" role="status" aria-live="polite">
          {requested && `${r.compileRequested} `}
          {compilations.polling && r.polling}
        </p>
      </div>
      {error !== null && <ErrorBox error={error} />}
      <div className="table-scroll">
        <table className="table table--stack compilations" data-testid="compilations">
          <caption className="sr-only">{r.compilationsTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{r.colMunicipality}</th>
              <th scope="col">{r.colStatus}</th>
              <th scope="col" className="num">
                {r.colResponses}
              </th>
              <th scope="col">{r.colCompiledAt}</th>
              <th scope="col">
                <span className="sr-only">{r.colActions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <CompilationRow
                key={c.municipality.code}
                compilation={c}
                busy={busy !== null}
                onCompile={() => compile(c.municipality.code, [c.municipality.code])}
              />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function CompilationRow({ compilation: c, busy, onCompile }: { compilation: CompilationView; busy: boolean; onCompile: () => void }) {
  const { lang, r } = useResultsI18n();
  const name = municipalityLabel(c.municipality, lang);
  const showProgress = c.status === 'queued' || c.status === 'running';
  const progress = Math.max(0, Math.min(100, Math.round(c.progress)));
  const showError = c.lastError && (c.status === 'failed' || c.status === 'retrying');
  return (
    <tr data-testid={`compilation-${c.municipality.code}`} className={isActive(c) ? 'is-active' : undefined}>
      <th scope="row" data-label={r.colMunicipality}>
        {name}
      </th>
      <td data-label={r.colStatus}>
        <span className={`status status--${c.status}`}>{r.status[c.status] ?? c.status}</span>
        {(c.attempt > 1 || (c.attempt > 0 && (c.status === 'failed' || c.status === 'retrying'))) && (
          <span className="status__extra">{r.attempt(c.attempt)}</span>
        )}
        {showProgress && (
          <span className="progress">
            <progress max={100} value={progress} aria-label={r.progressLabel(name)} />
            <span className="progress__text">{formatPercent(progress, lang)}</span>
          </span>
        )}
        {c.pending && <span className="status__extra">{r.pending}</span>}
        {showError && (
          <span className="status__error">
            {r.errorReason}: {c.lastError}
          </span>
        )}
      </td>
      <td className="num" data-label={r.colResponses}>
        {c.responses === null ? '—' : formatNumber(c.responses, lang)}
      </td>
      <td data-label={r.colCompiledAt}>{c.compiledAt ? formatMoment(c.compiledAt, lang) : '—'}</td>
      <td className="compilations__action">
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={busy}
          aria-label={r.compileOneLabel(name)}
          onClick={onCompile}
        >
          {r.compileOne}
        </button>
      </td>
    </tr>
  );
}
