import { useEffect, useState } from 'react';
import { api } from '../api';
import { ErrorBox } from '../../components/ErrorBox';
import { Loading } from '../../components/Loading';
import { setLanguage, useI18n } from '../../components/i18n';
import { Link, navigate } from '../../router';
import { loadLanguage, saveProgress } from '../../components/storage';
import { useTitle } from '../../components/useTitle';
import { fragmentToken } from './InvitationPage';

type State = { kind: 'loading' } | { kind: 'error'; error: unknown } | { kind: 'submitted' };

/**
 * `/resume#<resumeToken>`: continue a response started elsewhere. The answers and the exact
 * version are fetched, stored as this device's progress, and the normal survey page takes over.
 */
export default function ResumePage({ hash }: { hash: string }) {
  const { t } = useI18n();
  const token = fragmentToken(hash);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useTitle(t.resumeTitle);

  useEffect(() => {
    if (!token) return;
    let live = true;
    setState({ kind: 'loading' });
    (async () => {
      const response = await api.resume(token);
      if (response.status === 'complete' || !response.answers) return 'submitted' as const;
      // Fetched here so a version that no longer exists fails on this page, not mid-survey.
      await api.surveyVersion(response.surveyVersionId);
      saveProgress(response.surveyId, response.municipalityCode, {
        responseId: response.id,
        versionId: response.surveyVersionId,
        resumeToken: token,
        pageNo: null,
        answers: response.answers,
        // Agreed to on another device: still good while it is the study's current version (the survey page checks).
        ...(response.consentVersionId ? { consentVersionId: response.consentVersionId } : {}),
      });
      // A resident who never chose a language here gets the one they were answering in.
      if (!loadLanguage() && (response.language === 'lt' || response.language === 'en')) setLanguage(response.language);
      return `/s/${encodeURIComponent(response.surveyId)}?m=${encodeURIComponent(response.municipalityCode)}`;
    })().then(
      (next) => {
        if (!live) return;
        if (next === 'submitted') setState({ kind: 'submitted' });
        else navigate(next, { replace: true });
      },
      (error: unknown) => live && setState({ kind: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [token, attempt]);

  if (!token) return <p className="notice notice--error" role="alert" data-testid="error">{t.resumeBadLink}</p>;
  if (state.kind === 'loading') return <Loading text={t.resumeLoading} />;
  return (
    <>
      {state.kind === 'submitted' ? (
        <div className="notice notice--success" data-testid="already-submitted">
          <p className="notice__text">{t.resumeAlreadySubmitted}</p>
        </div>
      ) : (
        <ErrorBox error={state.error} onRetry={() => setAttempt((n) => n + 1)} />
      )}
      <p>
        <Link to="/" className="button button--secondary">
          {t.backHome}
        </Link>
      </p>
    </>
  );
}
