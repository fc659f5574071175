import { useState, type FormEvent } from 'react';
import { useErrorText } from '../components/ErrorBox';
import { ApiError } from '../components/request';
import { useTitle } from '../components/useTitle';
import { Link } from '../router';
import { passwordApi } from './passwordApi';
import { newPasswordProblem, PasswordFields } from './PasswordFields';
import { useWorkspaceI18n } from './i18n';

/** `/password-reset#<token>`: the e-mailed link. The token stays in the fragment, which browsers never send. */
export default function ResetPasswordPage({ hash }: { hash: string }) {
  const { p } = useWorkspaceI18n();
  useTitle(p.resetTitle);
  const errorText = useErrorText();
  const token = hash.replace(/^#/, '');
  const [value, setValue] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = newPasswordProblem(p, value, repeat);
    setProblem(found);
    if (found) return;
    setBusy(true);
    try {
      await passwordApi.reset(token, value);
      setDone(true);
    } catch (caught) {
      setProblem((caught instanceof ApiError && p.passwordErrors[caught.code]) || errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1 className="page-title">{p.resetTitle}</h1>
      {!token ? (
        <p className="notice notice--error">{p.resetBadLink}</p>
      ) : done ? (
        <p className="notice notice--success" role="status" data-testid="reset-done">
          {p.resetDone} <Link to="/staff">{p.signIn}</Link>
        </p>
      ) : (
        <form className="form" onSubmit={submit} noValidate data-testid="reset-password">
          <PasswordFields value={value} repeat={repeat} onChange={setValue} onRepeat={setRepeat} error={problem} />
          <button type="submit" className="button" disabled={busy}>
            {p.save}
          </button>
        </form>
      )}
    </>
  );
}
