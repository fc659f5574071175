import { useEffect, useId, useState } from 'react';
import { ApiError } from '../../components/request';
import { ErrorBox } from '../../components/ErrorBox';
import { Loading } from '../../components/Loading';
import { surveyTitle } from '../format';
import { useResultsI18n } from '../i18n';
import { PreliminaryBanner } from '../PreliminaryBanner';
import { ResultsView } from '../ResultsView';
import type { PublicationView, ResultsDocument } from '../types';
import { Link, navigate, useLocation } from '../../router';
import { staffApi, type Account } from '../../workspace/api';
import { CompilationsTable } from './CompilationsTable';
import { PublicationPanel } from './PublicationPanel';
import { StaffFrame } from '../../workspace/StaffFrame';
import { useCompilations } from './useCompilations';
import { useLoad } from '../../components/useLoad';
import { useTitle } from '../../components/useTitle';

export default function StaffResultsPage({ surveyId }: { surveyId: string }) {
  return <StaffFrame>{(account) => <StaffResults surveyId={surveyId} account={account} />}</StaffFrame>;
}


function StaffResults({ surveyId, account }: { surveyId: string; account: Account }) {
  const { lang, r } = useResultsI18n();
  const { pathname, search } = useLocation();
  const survey = useLoad(`staff-survey:${surveyId}`, () => staffApi.survey(surveyId));
  const compilations = useCompilations(surveyId);
  const ids = { version: useId() };

  const versions = [...new Set((compilations.items ?? []).map((c) => c.version))].sort((a, b) => b - a);
  const asked = Number(search.get('version'));
  const version = versions.includes(asked) ? asked : versions[0] ?? null;

  // Results are re-read when a release of this version is made (its number moves on).
  const compiledKey = (compilations.items ?? [])
    .filter((c) => c.version === version)
    .map((c) => `${c.municipality.code}@${c.lastRelease?.number ?? ''}`)
    .sort()
    .join(',');
  const [publication, setPublication] = useState<{ value: PublicationView | null } | null>(null);
  // ...and when the publication changes, which moves the document's status.
  const publishedKey = publication?.value
    ? `${publication.value.version}@${publication.value.publishedOn}@${publication.value.questions.join()}@${publication.value.municipalityCodes?.join() ?? '*'}`
    : '-';
  const doc = useKeptLoad(version === null ? null : `${surveyId}:${version}:${compiledKey}:${publishedKey}`, () =>
    staffApi.results(surveyId, version),
  );

  const [publicationError, setPublicationError] = useState<unknown>(null);
  const [publicationTry, setPublicationTry] = useState(0);
  useEffect(() => {
    let live = true;
    setPublicationError(null);
    staffApi.publication(surveyId).then(
      (value) => live && setPublication({ value }),
      (error: unknown) => live && setPublicationError(error),
    );
    return () => {
      live = false;
    };
  }, [surveyId, publicationTry]);

  const title =
    (doc.data && surveyTitle(doc.data.survey, lang)) || (survey.state === 'ready' ? survey.data.slug : null);
  useTitle(title);

  if (survey.state === 'loading') return <Loading />;
  if (survey.state === 'error') return <ErrorBox error={survey.error} onRetry={survey.retry} />;
  const canPublish = account.role === 'researcher' || account.role === 'admin';

  const chooseVersion = (value: string) => {
    const next = new URLSearchParams(search);
    next.set('version', value);
    navigate(`${pathname}?${next}`, { replace: true });
  };

  return (
    <>
      <nav className="crumbs" aria-label="breadcrumb">
        <Link to="/staff/surveys">‹ {r.backToSurveys}</Link>
      </nav>
      <h1 className="page-title">{title}</h1>

      <section aria-labelledby="compilations-title" className="staff-section">
        <h2 id="compilations-title" className="staff-section__title">
          {r.compilationsTitle}
        </h2>
        {compilations.items === null && compilations.error === null && <Loading />}
        {compilations.error !== null && <ErrorBox error={compilations.error} onRetry={compilations.retry} />}
        {compilations.items !== null && versions.length === 0 && <p className="notice">{r.noCompilations}</p>}
        {version !== null && (
          <>
            {versions.length > 1 ? (
              <div className="field field--inline">
                <label htmlFor={ids.version} className="field__label">
                  {r.versionLabel}
                </label>
                <select id={ids.version} className="field__input" value={version} onChange={(event) => chooseVersion(event.target.value)}>
                  {versions.map((v) => (
                    <option key={v} value={v}>
                      {r.versionN(v)}
                    </option>
                  ))}
                </select>
              </div>
            ) : (
              <p className="results__meta">{r.versionN(version)}</p>
            )}
            <CompilationsTable surveyId={surveyId} version={version} compilations={compilations} canRelease={canPublish} />
          </>
        )}
      </section>

      {version !== null && (
        <section aria-labelledby="publication-title" className="staff-section">
          <h2 id="publication-title" className="staff-section__title">
            {r.publicationTitle}
          </h2>
          {publicationError !== null ? (
            <ErrorBox error={publicationError} onRetry={() => setPublicationTry((n) => n + 1)} />
          ) : publication === null ? (
            <Loading />
          ) : (
            <PublicationPanel
              surveyId={surveyId}
              slug={survey.data.slug}
              version={version}
              items={doc.data?.items ?? null}
              publication={publication.value}
              compilations={(compilations.items ?? []).filter((c) => c.version === version)}
              onChange={(value) => setPublication({ value })}
              canPublish={canPublish}
            />
          )}
        </section>
      )}

      {version !== null && (
        <section aria-labelledby="results-title" className="staff-section">
          <h2 id="results-title" className="staff-section__title">
            {r.resultsTitleStaff}
          </h2>
          {doc.data?.status === 'published' ? (
            <p className="notice notice--success">{r.publishedStaffNote}</p>
          ) : (
            <PreliminaryBanner />
          )}
          {doc.error !== null && isNotCompiled(doc.error) && <p className="notice">{r.noResultsYet}</p>}
          {doc.error !== null && !isNotCompiled(doc.error) && <ErrorBox error={doc.error} onRetry={doc.retry} />}
          {doc.data === null && doc.error === null && <Loading />}
          {doc.data && (
            <ResultsView
              doc={doc.data}
              csvUrl={staffApi.csvUrl(surveyId, version)}
              level={3}
              publicQuestions={
                publication?.value && publication.value.version === version ? new Set(publication.value.questions) : null
              }
            />
          )}
        </section>
      )}
    </>
  );
}

/** A version with nothing released yet: a 404 with this code (or a document without municipalities). */
function isNotCompiled(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'RESULTS_NOT_RELEASED' || error.code === 'RESULTS_NOT_COMPILED');
}

/**
 * Like useLoad, but keeps showing the last document while a newer one loads: polling must not make
 * the results below flash away every time a municipality finishes compiling.
 */
function useKeptLoad(key: string | null, load: () => Promise<ResultsDocument>) {
  const [state, setState] = useState<{ data: ResultsDocument | null; error: unknown; dataKey: string | null }>({
    data: null,
    error: null,
    dataKey: null,
  });
  const [attempt, setAttempt] = useState(0);
  const versionPart = key?.split(':').slice(0, 2).join(':') ?? null;

  useEffect(() => {
    if (key === null) return;
    let live = true;
    load().then(
      (data) => live && setState({ data, error: null, dataKey: key }),
      (error: unknown) => live && setState((s) => ({ ...s, error, dataKey: key })),
    );
    return () => {
      live = false;
    };
    // `load` is a fresh closure each render; `key` says when it really changed.
  }, [key, attempt]);

  // A document of another version is never shown for this one.
  const sameVersion = state.dataKey !== null && state.dataKey.split(':').slice(0, 2).join(':') === versionPart;
  return {
    data: sameVersion ? state.data : null,
    error: sameVersion ? state.error : null,
    retry: () => setAttempt((n) => n + 1),
  };
}
