import { readableReason } from '../components/fieldErrors';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../components/request';
import { useErrorText } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { useResultsI18n } from '../results/i18n';
import { navigate, useLocation } from '../router';
import { staffApi } from './api';
import { setAccount, useAccount } from './session';
import { homeFor, safeNext } from './StaffFrame';
import type { Account } from './api';
import { useWorkspaceI18n } from './i18n';
import { Link } from '../router';
import { useTitle } from '../components/useTitle';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export default function StaffSignInPage() {
  const { lang, r } = useResultsI18n();
  const { p } = useWorkspaceI18n();
  const errorText = useErrorText();
  const { search } = useLocation();
  const next = safeNext(search.get('next'));
  const target = (role: Account['role']) => next ?? homeFor(role);
  const { account, error: accountError } = useAccount();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { email: useId(), password: useId(), error: useId() };
  const errorRef = useRef<HTMLDivElement>(null);
  useTitle(r.signInTitle);

  // Already signed in (a reload, or the back button): straight on.
  useEffect(() => {
    if (account) navigate(target(account.role), { replace: true });
  }, [account, next]);

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  // Whether a session exists is not known yet; if asking failed, the form is still the way in.
  if (account === undefined && !accountError) return <Loading />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: typeof fieldErrors = {};
    if (!EMAIL.test(email.trim())) problems.email = r.emailInvalid;
    if (!password) problems.password = r.passwordRequired;
    setFieldErrors(problems);
    setError(null);
    if (problems.email || problems.password) {
      document.getElementById(problems.email ? ids.email : ids.password)?.focus();
      return;
    }
    setBusy(true);
    try {
      const result = await staffApi.signIn(email.trim(), password);
      setAccount(result.account);
      navigate(target(result.account.role), { replace: true });
    } catch (caught) {
      setBusy(false);
      setPassword('');
      if (caught instanceof ApiError && caught.status === 401) setError(r.wrongCredentials);
      else if (caught instanceof ApiError && caught.status === 429) setError(lang === 'lt' ? r.signInLocked : caught.message || r.signInLocked);
      else if (caught instanceof ApiError && caught.status === 400 && caught.details.length > 0)
        setError(caught.details.map((d) => (d.field === 'email' ? r.emailInvalid : `${d.field}: ${readableReason(d.reason)}`)).join(' '));
      else setError(errorText(caught));
    }
  };

  return (
    <>
      <h1 className="page-title">{r.signInTitle}</h1>
      <p className="lead">{r.signInIntro}</p>
      {error && (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={errorRef} id={ids.error} data-testid="sign-in-error">
          <p className="notice__title">{r.signInFailed}</p>
          <p className="notice__text">{error}</p>
        </div>
      )}
      <form className="form" onSubmit={submit} noValidate aria-describedby={error ? ids.error : undefined}>
        <div className="field">
          <label htmlFor={ids.email} className="field__label">
            {r.email}
          </label>
          <input
            id={ids.email}
            className="field__input"
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={email}
            aria-invalid={fieldErrors.email ? true : undefined}
            aria-describedby={fieldErrors.email ? `${ids.email}-error` : undefined}
            onChange={(event) => setEmail(event.target.value)}
          />
          {fieldErrors.email && (
            <p className="field__error" id={`${ids.email}-error`}>
              {fieldErrors.email}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={ids.password} className="field__label">
            {r.password}
          </label>
          <input
            id={ids.password}
            className="field__input"
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            aria-invalid={fieldErrors.password ? true : undefined}
            aria-describedby={fieldErrors.password ? `${ids.password}-error` : undefined}
            onChange={(event) => setPassword(event.target.value)}
          />
          {fieldErrors.password && (
            <p className="field__error" id={`${ids.password}-error`}>
              {fieldErrors.password}
            </p>
          )}
        </div>
        <button type="submit" className="button" disabled={busy} data-testid="sign-in">
          {busy ? r.signingIn : r.signIn}
        </button>
      </form>
      <p>
        <Link to="/staff/forgot-password" data-testid="forgot-password-link">
          {p.forgot}
        </Link>
      </p>
    </>
  );
}
