import { useId, useState, type FormEvent } from 'react';
import { ErrorBox } from '../components/ErrorBox';
import { useTitle } from '../components/useTitle';
import { Link } from '../router';
import { passwordApi } from './passwordApi';
import { useWorkspaceI18n } from './i18n';

/** `/staff/forgot-password`: asks for a reset link by e-mail. The answer is the same for every address. */
export default function ForgotPasswordPage() {
  const { p } = useWorkspaceI18n();
  useTitle(p.forgotTitle);
  const id = useId();
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await passwordApi.requestReset(email.trim());
      setSent(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1 className="page-title">{p.forgotTitle}</h1>
      <p className="lead">{p.forgotIntro}</p>
      {sent ? (
        <p className="notice notice--success" role="status" data-testid="reset-sent">
          {p.sent}
        </p>
      ) : (
        <form className="form" onSubmit={submit} noValidate data-testid="forgot-password">
          <div className="field">
            <label className="field__label" htmlFor={`${id}-email`}>
              {p.email}
            </label>
            <input id={`${id}-email`} className="field__input" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          </div>
          <button type="submit" className="button" disabled={busy || !email.includes('@')}>
            {p.send}
          </button>
          {error !== null && <ErrorBox error={error} />}
        </form>
      )}
      <p>
        <Link to="/staff">{p.signIn}</Link>
      </p>
    </>
  );
}
