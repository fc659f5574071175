import { useState, type ReactNode } from 'react';
import { ErrorBox } from '../../components/ErrorBox';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../components/i18n';
import { meetingsApi, type Signup } from '../api';
import { CalendarButton } from '../CalendarButton';
import { CancelSignup } from '../CancelSignup';
import { ManageLink } from '../ManageLink';
import { useMeetingsI18n } from '../i18n';
import { SignupSummary } from '../SignupSummary';
import { Link } from '../../router';
import { useLoad } from '../../components/useLoad';
import { useTitle } from '../../components/useTitle';
import { fragmentToken } from '../../surveys/pages/InvitationPage';

/**
 * `/signup#<manageToken>`: a resident's own sign-up, from the link in their email. Opening the link
 * of a pending sign-up is what confirms it (it proves the address is theirs): the place is taken now.
 */
export default function ManageSignupPage({ hash }: { hash: string }) {
  const { m } = useMeetingsI18n();
  const token = fragmentToken(hash);
  const loaded = useLoad(`signup:${token}`, async () => {
    if (!token) return null;
    const signup = await meetingsApi.signup(token);
    return signup.status === 'pending' ? meetingsApi.confirm(token) : signup;
  });
  const [changed, setChanged] = useState<{ token: string; signup: Signup } | null>(null);
  useTitle(m.manageTitle);

  if (!token) {
    return (
      <Problem>
        <p className="notice notice--error" role="alert" data-testid="error">
          {m.manageBadLink}
        </p>
      </Problem>
    );
  }
  if (loaded.state === 'loading') return <Loading text={m.confirming} />;
  if (loaded.state === 'error') {
    return (
      <Problem>
        <ErrorBox error={loaded.error} onRetry={loaded.retry} />
      </Problem>
    );
  }
  const signup = changed?.token === token ? changed.signup : loaded.data;
  if (!signup) return null;
  const live = signup.status !== 'cancelled' && !signup.meeting.cancelled && new Date(signup.meeting.startsAt).getTime() > Date.now();

  return (
    <div data-testid="manage-signup">
      <p className="overline">{m.manageTitle}</p>
      <SignupSummary signup={signup} />
      <dl className="facts">
        <Row label={m.nameLabel} value={signup.name} />
        <Row label={m.contactLabel} value={signup.contact} />
        <Row label={m.organisationLabel} value={signup.organisation} />
        <Row label={m.partnerLabel} value={signup.partnerOrganisation} />
      </dl>
      {live && (
        <div className="stack">
          <ManageLink token={token} />
          <CalendarButton token={token} />
          <CancelSignup token={token} onCancelled={(next) => setChanged({ token, signup: next })} />
        </div>
      )}
      <p className="actions">
        <Link to={`/meetings/${encodeURIComponent(signup.meeting.id)}`}>{m.meetingPage}</Link>
      </p>
    </div>
  );
}

function Problem({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      {children}
      <p>
        <Link to="/" className="button button--secondary">
          {t.backHome}
        </Link>
      </p>
    </>
  );
}

function Row({ label, value }: { label: string; value: string | null }) {
  if (!value) return null;
  return (
    <div className="facts__row">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
