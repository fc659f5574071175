import { useEffect, useState, type ReactNode } from 'react';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { useResultsI18n } from '../results/i18n';
import { Link, navigate, useLocation } from '../router';
import { staffApi, type Account } from './api';
import { useStaffMeetingsI18n } from '../consultations/workspace/i18n';
import { useWorkspaceI18n } from './i18n';
import { useStudiesI18n } from '../studies/i18n';
import { retryAccount, setAccount, useAccount } from './session';

/** Only a path inside the staff area may be a target after sign-in (no open redirect); null: none given. */
export function safeNext(next: string | null): string | null {
  return next && /^\/staff\/[^/\\]/.test(next) ? next : null;
}

/** Where each role starts after signing in: admins their accounts, staff their consultations, researchers their surveys. */
export function homeFor(role: Account['role']): string {
  return role === 'admin' ? '/staff/admin/accounts' : role === 'staff' ? '/staff/consultations' : '/staff/surveys';
}

/** The signed-in part of the staff area: sends visitors to sign in, shows who is signed in. */
export function StaffFrame({ children }: { children: (account: Account) => ReactNode }) {
  const { r } = useResultsI18n();
  const { s } = useStaffMeetingsI18n();
  const { p } = useWorkspaceI18n();
  const { st } = useStudiesI18n();
  const { account, error } = useAccount();
  const { pathname, search } = useLocation();
  const [signingOut, setSigningOut] = useState(false);

  useEffect(() => {
    if (account === null) {
      const here = `${pathname}${search.size ? `?${search}` : ''}`;
      navigate(`/staff?next=${encodeURIComponent(here)}`, { replace: true });
    }
  }, [account, pathname, search]);

  if (error) return <ErrorBox error={error} onRetry={retryAccount} />;
  if (!account) return <Loading />;

  const signOut = async () => {
    setSigningOut(true);
    try {
      await staffApi.signOut();
    } catch {
      // Signed out on the server or not, this browser forgets the session.
    }
    setAccount(null);
    navigate('/staff', { replace: true });
  };

  return (
    <>
      <div className="staff-bar">
        <p className="staff-bar__who" data-testid="signed-in-as">
          {r.signedInAs(account.displayName || account.email, r.roles[account.role] ?? account.role)}
        </p>
        <nav className="staff-bar__nav" aria-label={r.staffArea}>
          <Link to="/staff/surveys">{r.surveysTitle}</Link>
          {/* Researchers run their studies; admins see all; staff read the running ones of their municipalities. */}
          <Link to="/staff/studies" data-testid="nav-studies">
            {st.studiesTitle}
          </Link>
          {/* Consultations are run by municipal staff and admins; researchers see participation only. */}
          {account.role !== 'researcher' && (
            <Link to="/staff/consultations" data-testid="nav-consultations">
              {s.consultationsTitle}
            </Link>
          )}
          <Link to="/staff/participation" data-testid="nav-participation">
            {s.participationTitle}
          </Link>
          {account.role === 'admin' && (
            <Link to="/staff/admin/accounts" data-testid="nav-admin">
              {p.admin}
            </Link>
          )}
          <Link to="/staff/password" data-testid="nav-password">
            {p.changePassword}
          </Link>
          <button type="button" className="button-link" onClick={signOut} disabled={signingOut} data-testid="sign-out">
            {r.signOut}
          </button>
        </nav>
      </div>
      {children(account)}
    </>
  );
}
