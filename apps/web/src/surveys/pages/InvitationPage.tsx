import { useEffect, useState } from 'react';
import { api } from '../api';
import { ErrorBox } from '../../components/ErrorBox';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../components/i18n';
import { Link, navigate } from '../../router';
import { saveInvitation } from '../../components/storage';
import { useTitle } from '../../components/useTitle';

/** Reads a secret from the URL fragment: fragments never reach the server or its logs. */
export function fragmentToken(hash: string): string {
  try {
    return decodeURIComponent(hash.replace(/^#/, '')).trim();
  } catch {
    return '';
  }
}

/** `/i#<token>`: an invitation link. Remembers the token for this tab and opens the survey. */
export default function InvitationPage({ hash }: { hash: string }) {
  const { t } = useI18n();
  const token = fragmentToken(hash);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  useTitle(t.invitationChecking);

  useEffect(() => {
    if (!token) return;
    let live = true;
    setError(null);
    api.lookupInvitation(token).then(
      ({ surveyId, municipalityCode }) => {
        if (!live) return;
        saveInvitation(surveyId, token);
        // Replace, so the token leaves the address bar and Back does not spend it again.
        navigate(`/s/${encodeURIComponent(surveyId)}?m=${encodeURIComponent(municipalityCode)}`, { replace: true });
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [token, attempt]);

  if (!token) return <p className="notice notice--error" role="alert" data-testid="error">{t.invitationBadLink}</p>;
  if (!error) return <Loading text={t.invitationChecking} />;
  return (
    <>
      <ErrorBox error={error} onRetry={() => setAttempt((n) => n + 1)} />
      <p>
        <Link to="/" className="button button--secondary">
          {t.backHome}
        </Link>
      </p>
    </>
  );
}
