import { useState } from 'react';
import { ApiError } from '../../components/request';
import { ErrorBox } from '../../components/ErrorBox';
import { formatDay } from '../../components/i18n';
import { formatPercent, municipalityLabel } from '../format';
import { useResultsI18n } from '../i18n';
import type { CompilationView } from '../types';
import { staffApi } from '../../workspace/api';
import { isActive, type Compilations } from './useCompilations';

interface Props {
  surveyId: string;
  version: number;
  compilations: Compilations;
  /** Researchers and admins may release; staff may only compile (prepare). */
  canRelease: boolean;
}

/** A municipality could show new figures at a release now. */
export const releasable = (c: CompilationView) => c.newResponses >= c.releaseNeeds && c.newResponses > 0;

/**
 * One survey version's compilations, a row per municipality: the latest release, new responses and
 * what a release needs, the auditor's figures, failures and burst days; "release" (researchers) and
 * "compile" (prepare the next release) for all or one.
 */
export function CompilationsTable({ surveyId, version, compilations, canRelease }: Props) {
  const { lang, r } = useResultsI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const rows = (compilations.items ?? [])
    .filter((c) => c.version === version)
    .sort((a, b) => municipalityLabel(a.municipality, lang).localeCompare(municipalityLabel(b.municipality, lang), lang));
  const anyReleasable = rows.some(releasable);
  const needs = rows.find((c) => c.lastRelease)?.releaseNeeds ?? rows[0]?.releaseNeeds ?? 0;

  const run = async (which: string, action: 'compile' | 'release', municipalityCodes?: string[]) => {
    setBusy(which);
    setError(null);
    setMessage(null);
    try {
      const body = { version, ...(municipalityCodes ? { municipalityCodes } : {}) };
      const answer = action === 'release' ? await staffApi.release(surveyId, body) : await staffApi.compile(surveyId, body);
      compilations.merge(answer.items);
      setMessage(action === 'release' ? r.releaseRequested : r.compileRequested);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'RELEASE_NOT_POSSIBLE') setMessage(r.releaseNotPossible);
      else setError(caught);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <p className="field__hint">{r.releaseHint(needs)}</p>
      <div className="actions actions--row">
        {canRelease ? (
          <button
            type="button"
            className="button"
            disabled={busy !== null || !anyReleasable}
            onClick={() => run('release', 'release')}
            data-testid="release"
            aria-describedby="release-why"
          >
            {r.release}
          </button>
        ) : (
          <p className="results-note">{r.releaseOnlyResearchers}</p>
        )}
        <button
          type="button"
          className="button button--secondary"
          disabled={busy !== null}
          onClick={() => run('all', 'compile')}
          data-testid="compile-all"
        >
          {rows.length > 1 ? r.compileAll : r.compileNow}
        </button>
        <p className="actions__status" role="status" aria-live="polite" id="release-why">
          {canRelease && !anyReleasable && `${r.releaseNotPossible} `}
          {message && `${message} `}
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
              <th scope="col">{r.colCompiledAt}</th>
              <th scope="col">{r.colAudit}</th>
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
                onCompile={() => run(c.municipality.code, 'compile', [c.municipality.code])}
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
  const missing = c.releaseNeeds - c.newResponses;
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
        {c.releaseWanted && <span className="status__extra">{r.releaseWanted}</span>}
        {showError && (
          <span className="status__error" data-testid={`error-${c.municipality.code}`}>
            {r.errorReason}: {r.errorCodes[c.lastError!] ?? c.lastError}
          </span>
        )}
        {c.burstDays.length > 0 && (
          <span className="status__error" data-testid={`burst-${c.municipality.code}`}>
            {r.burstDays(c.burstDays.map((day) => formatDay(day, lang)).join(', '))}
          </span>
        )}
      </td>
      <td data-label={r.colCompiledAt}>
        {c.lastRelease ? r.lastRelease(c.lastRelease.number, formatDay(c.lastRelease.releasedOn, lang)) : r.noRelease}
        <span className="status__extra">{r.newResponses(c.newResponses, c.releaseNeeds)}</span>
        <span className="status__extra">{missing > 0 ? r.releaseTooFew(missing) : r.releaseReady}</span>
        {c.releaseOutcome && <span className="status__extra">{r.releaseOutcome[c.releaseOutcome]}</span>}
      </td>
      <td data-label={r.colAudit}>
        {c.audit ? (
          <>
            {r.audit(c.audit.cellsChecked, c.audit.solves, c.audit.millis)}
            {c.audit.withheldMore > 0 && <span className="status__extra">{r.auditExposed(c.audit.withheldMore)}</span>}
            {c.audit.tablesWithheld && <span className="status__error">{r.auditTablesWithheld}</span>}
          </>
        ) : (
          '—'
        )}
      </td>
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
