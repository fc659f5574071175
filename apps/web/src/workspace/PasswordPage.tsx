import { useId, useState, type FormEvent } from 'react';
import { useErrorText } from '../components/ErrorBox';
import { ApiError } from '../components/request';
import { useTitle } from '../components/useTitle';
import { passwordApi } from './passwordApi';
import { newPasswordProblem, PasswordFields } from './PasswordFields';
import { StaffFrame } from './StaffFrame';
import { TokensPanel } from './TokensPanel';
import { useWorkspaceI18n } from './i18n';

/** `/staff/password`: anyone signed in changes their password (the current one is needed). */
export default function PasswordPage() {
  const { p } = useWorkspaceI18n();
  useTitle(p.changePassword);
  return <StaffFrame>{() => <ChangePassword />}</StaffFrame>;
}

function ChangePassword() {
  const { p } = useWorkspaceI18n();
  const errorText = useErrorText();
  const id = useId();
  const [current, setCurrent] = useState('');
  const [value, setValue] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const found = newPasswordProblem(p, value, repeat);
    setProblem(found);
    if (found) return;
    setBusy(true);
    try {
      await passwordApi.change(current, value);
      setDone(true);
      setCurrent('');
      setValue('');
      setRepeat('');
    } catch (caught) {
      setProblem((caught instanceof ApiError && p.passwordErrors[caught.code]) || errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1 className="page-title">{p.changePassword}</h1>
      <form className="form" onSubmit={submit} noValidate data-testid="change-password">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-current`}>
            {p.currentPassword}
          </label>
          <input id={`${id}-current`} className="field__input" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} data-testid="current-password" />
        </div>
        <PasswordFields value={value} repeat={repeat} onChange={setValue} onRepeat={setRepeat} error={problem} />
        <button type="submit" className="button" disabled={busy} data-testid="save-password">
          {p.save}
        </button>
        {done && (
          <p className="notice notice--success" role="status" data-testid="password-changed">
            {p.passwordChanged}
          </p>
        )}
      </form>
      <TokensPanel />
    </>
  );
}
