import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Municipality, type OpenSurvey, type SavedResponse } from '../api';
import { ErrorBox } from '../../components/ErrorBox';
import { Loading } from '../../components/Loading';
import { formatDay, formatMoment, localized, municipalityName, useI18n } from '../../components/i18n';
import { Link } from '../../router';
import { loadInvitation, loadProgress, saveInvitation, saveProgress, type Progress } from '../../components/storage';
import { useLoad } from '../../components/useLoad';
import { useTitle } from '../../components/useTitle';
import { newResponseId } from '../runner/ResponseSaver';
import { SurveyRunner } from '../runner/SurveyRunner';
import { publicStudiesApi } from '../../studies/api';
import { ConsentStep } from '../../studies/consent/ConsentStep';

/**
 * The progress this device has for the survey in this municipality, or a new one. A response
 * stays on the version it was started on: the server will not move it to a newer one.
 */
function startingProgress(survey: OpenSurvey, municipalityCode: string): Progress {
  const stored = loadProgress(survey.id, municipalityCode);
  if (stored && (stored.submitted || stored.resumeToken || stored.versionId === survey.versionId)) return stored;
  return freshProgress(survey, municipalityCode);
}

function freshProgress(survey: OpenSurvey, municipalityCode: string): Progress {
  const progress: Progress = { responseId: newResponseId(), versionId: survey.versionId, pageNo: 0, answers: {} };
  // Stored before the first answer, so a reload keeps the same id.
  saveProgress(survey.id, municipalityCode, progress);
  return progress;
}

export default function SurveyPage({ surveyId, municipalityCode }: { surveyId: string; municipalityCode: string | null }) {
  const survey = useLoad(`survey:${surveyId}`, () => api.survey(surveyId));
  const municipalities = useLoad('municipalities', () => api.municipalities().catch(() => []));
  const names = municipalities.state === 'ready' ? municipalities.data : undefined;

  if (survey.state === 'loading') return <Loading />;
  if (survey.state === 'error') {
    return (
      <>
        <ErrorBox error={survey.error} onRetry={survey.retry} />
        <BackLinks municipalityCode={municipalityCode} names={names} />
      </>
    );
  }
  const codes = survey.data.municipalityCodes;
  if (!municipalityCode || (codes && !codes.includes(municipalityCode))) {
    return <ChooseMunicipality survey={survey.data} names={names} />;
  }
  return <SurveySession key={`${surveyId}:${municipalityCode}`} survey={survey.data} municipalityCode={municipalityCode} names={names} />;
}

type View = { kind: 'answering'; progress: Progress } | { kind: 'thanks'; submittedOn: string | null } | { kind: 'submitted-before'; progress: Progress };

function SurveySession({
  survey,
  municipalityCode,
  names,
}: {
  survey: OpenSurvey;
  municipalityCode: string;
  names: Municipality[] | undefined;
}) {
  const { lang, t } = useI18n();
  const client = useQueryClient();
  const invitationToken = loadInvitation(survey.id);
  // A study instrument asks for consent to the study's current text before any answer is sent.
  const consentKey = `survey-consent:${survey.id}`;
  const consent = useLoad(consentKey, () => publicStudiesApi.surveyConsent(survey.id));
  const [consentChanged, setConsentChanged] = useState(false);
  const [view, setView] = useState<View>(() => {
    const progress = startingProgress(survey, municipalityCode);
    return progress.submitted ? { kind: 'submitted-before', progress } : { kind: 'answering', progress };
  });
  const progress = view.kind === 'answering' ? view.progress : null;
  const versionId = progress?.versionId ?? survey.versionId;
  // Usually the current version; an older one only when continuing a response started on it.
  const version = useLoad(`version:${versionId}`, () =>
    versionId === survey.versionId
      ? Promise.resolve({ versionId, languages: survey.languages, definition: survey.definition })
      : api.surveyVersion(versionId),
  );
  const title = localized(version.state === 'ready' ? version.data.definition.title : survey.definition.title, lang) || survey.slug;
  useTitle(title);

  const onSubmitted = (saved: SavedResponse) => {
    const done: Progress = {
      responseId: saved.id,
      versionId: saved.surveyVersionId,
      pageNo: null,
      answers: {},
      submitted: { on: saved.submittedOn },
    };
    saveProgress(survey.id, municipalityCode, done);
    // A used invitation cannot be used again: forget it.
    saveInvitation(survey.id, null);
    setView({ kind: 'thanks', submittedOn: saved.submittedOn });
    window.scrollTo(0, 0);
  };

  const startAgain = () => setView({ kind: 'answering', progress: freshProgress(survey, municipalityCode) });

  const agree = (consentVersionId: string) => {
    const current = loadProgress(survey.id, municipalityCode) ?? startingProgress(survey, municipalityCode);
    const agreed = { ...current, consentVersionId };
    saveProgress(survey.id, municipalityCode, agreed);
    setConsentChanged(false);
    setView({ kind: 'answering', progress: agreed });
  };

  /** The text changed while answering: forget the old agreement, keep the answers, show the new text. */
  const consentRefused = () => {
    const current = loadProgress(survey.id, municipalityCode);
    if (current) {
      const { consentVersionId: _old, ...rest } = current;
      saveProgress(survey.id, municipalityCode, rest);
      setView({ kind: 'answering', progress: rest });
    }
    setConsentChanged(true);
    void client.invalidateQueries({ queryKey: [consentKey] });
  };

  const header = (
    <div className="survey-meta">
      <BackLinks municipalityCode={municipalityCode} names={names} />
      <p className="survey-meta__line">
        {survey.anonymous ? t.anonymousNote : t.notAnonymousNote}
        {survey.closesAt && (
          <>
            {' '}
            {t.openUntil(formatMoment(survey.closesAt, lang))}.
          </>
        )}
      </p>
    </div>
  );

  if (view.kind === 'thanks') {
    return (
      <>
        <section className="thanks" data-testid="thank-you" aria-live="polite">
          <div className="thanks__icon" aria-hidden="true">✓</div>
          <h1 className="thanks__title">{t.thankYouTitle}</h1>
          <p className="thanks__survey">{title}</p>
          <p>{t.thankYouText}</p>
          {view.submittedOn && <p className="thanks__date">{t.submittedOn(formatDay(view.submittedOn, lang))}</p>}
        </section>
        <p className="actions">
          <Link to={`/m/${encodeURIComponent(municipalityCode)}`} className="button">
            {t.moreSurveys}
          </Link>
        </p>
      </>
    );
  }

  if (view.kind === 'submitted-before') {
    return (
      <>
        {header}
        <h1 className="page-title">{title}</h1>
        <div className="notice notice--success" data-testid="already-submitted">
          <h2 className="notice__title">{t.alreadySubmittedTitle}</h2>
          <p className="notice__text">{t.alreadySubmitted}</p>
          {view.progress.submitted?.on && <p className="notice__text">{t.submittedOn(formatDay(view.progress.submitted.on, lang))}</p>}
        </div>
        {survey.accessMode === 'public' && (
          <p className="actions">
            <button type="button" className="button button--secondary" onClick={startAgain}>
              {t.startNew}
            </button>
          </p>
        )}
      </>
    );
  }

  // An invitation starts a response; once started (a resume token is held), the token continues it.
  if (survey.accessMode === 'invitation' && !invitationToken && !view.progress.resumeToken) {
    return (
      <>
        {header}
        <h1 className="page-title">{title}</h1>
        <div className="notice notice--warning" data-testid="invitation-required" role="alert">
          <h2 className="notice__title">{t.invitationRequiredTitle}</h2>
          <p className="notice__text">{t.invitationRequired}</p>
        </div>
      </>
    );
  }

  if (version.state === 'loading' || consent.state === 'loading') return <Loading />;
  if (consent.state === 'error') {
    return (
      <>
        {header}
        <h1 className="page-title">{title}</h1>
        <ErrorBox error={consent.error} onRetry={consent.retry} />
      </>
    );
  }
  if (consent.data.required && view.progress.consentVersionId !== consent.data.consent.versionId) {
    return (
      <>
        {header}
        <h1 className="page-title">{title}</h1>
        <ConsentStep consent={consent.data} changed={consentChanged} onAgree={agree} />
      </>
    );
  }
  if (version.state === 'error') {
    return (
      <>
        {header}
        <ErrorBox error={version.error} onRetry={version.retry} />
        <p className="actions">
          <button type="button" className="button button--secondary" onClick={startAgain}>
            {t.startNew}
          </button>
        </p>
      </>
    );
  }

  return (
    <>
      {header}
      <SurveyRunner
        key={view.progress.responseId}
        surveyId={survey.id}
        municipalityCode={municipalityCode}
        versionId={version.data.versionId}
        definition={version.data.definition}
        languages={version.data.languages}
        invitationToken={invitationToken}
        consentVersionId={consent.data.required ? consent.data.consent.versionId : null}
        progress={view.progress}
        onSubmitted={onSubmitted}
        onConsentRefused={consentRefused}
      />
    </>
  );
}

function BackLinks({
  municipalityCode,
  names,
}: {
  municipalityCode: string | null;
  names: Municipality[] | undefined;
}) {
  const { lang, t } = useI18n();
  return (
    <nav className="crumbs" aria-label="breadcrumb">
      {municipalityCode ? (
        <Link to={`/m/${encodeURIComponent(municipalityCode)}`}>‹ {municipalityName(names, municipalityCode, lang)}</Link>
      ) : (
        <Link to="/">‹ {t.backHome}</Link>
      )}
    </nav>
  );
}

/** Reached without `?m=` (or a wrong one): the municipality decides whose results these are. */
function ChooseMunicipality({
  survey,
  names,
}: {
  survey: OpenSurvey;
  names: Municipality[] | undefined;
}) {
  const { lang, t } = useI18n();
  const title = localized(survey.definition.title, lang) || survey.slug;
  useTitle(title);
  const codes = survey.municipalityCodes ?? [];
  return (
    <>
      <BackLinks municipalityCode={null} names={names} />
      <h1 className="page-title">{title}</h1>
      <h2 className="section-title">{t.chooseMunicipality}</h2>
      {codes.length === 0 ? (
        <p>
          <Link to="/" className="button">
            {t.homeTitle}
          </Link>
        </p>
      ) : (
        <ul className="card-list">
          {codes.map((code) => (
            <li key={code}>
              <Link
                to={`/s/${encodeURIComponent(survey.id)}?m=${encodeURIComponent(code)}`}
                className="card card--link"
                data-testid={`municipality-${code}`}
              >
                <span className="card__title">{municipalityName(names, code, lang)}</span>
                <span className="card__chevron" aria-hidden="true">›</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
