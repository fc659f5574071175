import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorBox } from '../../components/ErrorBox';
import { formatMoment, localized } from '../../components/i18n';
import { Loading } from '../../components/Loading';
import { useLoad } from '../../components/useLoad';
import { useTitle } from '../../components/useTitle';
import { Link } from '../../router';
import { StaffFrame } from '../../workspace/StaffFrame';
import type { Account } from '../../workspace/api';
import { api } from '../api';
import { surveysApi, type WorkspaceSurvey } from './api';
import { DefinitionInput, type ParsedDefinition } from './DefinitionInput';
import { FieldworkPanel } from './FieldworkPanel';
import { InvitationsPanel } from './InvitationsPanel';
import { ProblemDetails } from './ProblemDetails';
import { SettingsPanel } from './SettingsPanel';
import { useSurveysWorkspaceI18n } from './i18n';

export type SurveyStatus = 'draft' | 'notYet' | 'open' | 'closed';

export function surveyStatus(survey: WorkspaceSurvey, now = Date.now()): SurveyStatus {
  if (survey.closesAt && Date.parse(survey.closesAt) <= now) return 'closed';
  if (!survey.currentVersion) return 'draft';
  if (survey.opensAt && Date.parse(survey.opensAt) > now) return 'notYet';
  return 'open';
}

/** One survey in the workspace: versions (preview, publish, new draft), settings, invitations, fieldwork. */
export default function SurveyWorkspacePage({ surveyId }: { surveyId: string }) {
  const { w } = useSurveysWorkspaceI18n();
  useTitle(w.surveysTitle);
  return <StaffFrame>{(account) => <SurveyWorkspace surveyId={surveyId} account={account} />}</StaffFrame>;
}

function SurveyWorkspace({ surveyId, account }: { surveyId: string; account: Account }) {
  const { lang, w } = useSurveysWorkspaceI18n();
  const survey = useQuery({ queryKey: ['survey', surveyId], queryFn: () => surveysApi.get(surveyId) });
  const municipalities = useLoad('municipalities', () => api.municipalities());
  const current = survey.data?.currentVersion ?? survey.data?.versions.at(-1)?.version;
  const title = useQuery({
    queryKey: ['survey-version', surveyId, current],
    queryFn: () => surveysApi.version(surveyId, current!),
    enabled: current !== undefined,
  });

  if (survey.isPending) return <Loading />;
  // A survey of another municipality (or none) is "not found" at once: no half-drawn controls.
  if (survey.isError) return <ErrorBox error={survey.error} onRetry={() => void survey.refetch()} />;
  const data = survey.data;
  const list = municipalities.state === 'ready' ? municipalities.data : [];
  const status = surveyStatus(data);
  const statusText = { draft: w.statusDraft, notYet: w.statusNotYet, open: w.statusOpen, closed: w.statusClosed }[status];
  const name = localized(title.data?.definition.title, lang) || data.slug;
  const myCodes = account.role === 'staff' ? data.municipalityCodes.filter((c) => account.municipalityCodes.includes(c)) : data.municipalityCodes;

  return (
    <>
      <p className="breadcrumb">
        <Link to="/staff/surveys">{w.backToSurveys}</Link>
      </p>
      <h1 className="page-title" data-testid="survey-title">
        {name}
      </h1>
      <p className="card__meta">
        <span data-testid="survey-status">{statusText}</span>
        <span>{data.slug}</span>
        <span>{data.currentVersion ? w.currentVersion(data.currentVersion) : w.draftOnly}</span>
        <Link to={`/staff/surveys/${encodeURIComponent(data.id)}/results`}>{w.openResults}</Link>
      </p>
      <VersionsPanel survey={data} />
      <SettingsPanel survey={data} municipalities={list} account={account} />
      <InvitationsPanel survey={data} municipalities={list} codes={myCodes} />
      <FieldworkPanel surveyId={data.id} municipalities={list} />
    </>
  );
}

function VersionsPanel({ survey }: { survey: WorkspaceSurvey }) {
  const { lang, w } = useSurveysWorkspaceI18n();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [draft, setDraft] = useState<ParsedDefinition | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['survey', survey.id] });

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      setMessage(await action());
      await refresh();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
      setConfirming(null);
    }
  };

  const publish = (version: number) =>
    run(async () => {
      await surveysApi.publish(survey.id, version);
      return w.publishedOk;
    });
  const saveDraft = () =>
    run(async () => {
      const saved = await surveysApi.saveDraft(survey.id, draft!.definition);
      await client.invalidateQueries({ queryKey: ['survey-version', survey.id, saved.version] });
      return w.draftSaved(saved.version);
    });

  return (
    <section className="panel" data-testid="versions">
      <h2 className="section-title">{w.versionsTitle}</h2>
      <ul className="plain-list">
        {survey.versions.map((version) => (
          <li key={version.id} className="version-row" data-testid={`version-${version.version}`}>
            <strong>{w.version(version.version)}</strong>{' '}
            <span className="muted">{version.publishedAt ? w.published(formatMoment(version.publishedAt, lang)) : w.draft}</span>{' '}
            <Link to={`/staff/surveys/${encodeURIComponent(survey.id)}/versions/${version.version}/preview`} data-testid={`preview-${version.version}`}>
              {w.preview}
            </Link>{' '}
            {!version.publishedAt &&
              (confirming === version.version ? (
                <span role="group">
                  {w.confirmPublish}{' '}
                  <button type="button" className="button" disabled={busy} onClick={() => publish(version.version)} data-testid="confirm-publish">
                    {w.yes}
                  </button>{' '}
                  <button type="button" className="button button--secondary" onClick={() => setConfirming(null)}>
                    {w.no}
                  </button>
                </span>
              ) : (
                <button type="button" className="button button--secondary" onClick={() => setConfirming(version.version)} data-testid={`publish-${version.version}`}>
                  {w.publish}
                </button>
              ))}
          </li>
        ))}
      </ul>
      <details className="disclosure">
        <summary>{w.newVersion}</summary>
        <DefinitionInput onChange={setDraft} />
        <button type="button" className="button" disabled={busy || !draft} onClick={saveDraft} data-testid="save-draft">
          {w.save}
        </button>
      </details>
      {message && (
        <p className="notice notice--success" role="status" data-testid="versions-message">
          {message}
        </p>
      )}
      {error !== null && (
        <>
          <ErrorBox error={error} />
          <ProblemDetails error={error} />
        </>
      )}
    </section>
  );
}
