import { useId } from 'react';
import { useWorkspaceI18n } from './i18n';

/** New password twice, with the length rule said up front; the server checks the rest. */
export function PasswordFields({ value, repeat, onChange, onRepeat, error }: { value: string; repeat: string; onChange: (v: string) => void; onRepeat: (v: string) => void; error?: string }) {
  const { p } = useWorkspaceI18n();
  const id = useId();
  return (
    <>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-new`}>
          {p.newPassword}
        </label>
        <input id={`${id}-new`} className="field__input" type="password" autoComplete="new-password" value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={`${id}-hint`} data-testid="new-password" />
        <p className="field__hint" id={`${id}-hint`}>
          {p.newPasswordHint}
        </p>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-repeat`}>
          {p.repeatPassword}
        </label>
        <input id={`${id}-repeat`} className="field__input" type="password" autoComplete="new-password" value={repeat} onChange={(e) => onRepeat(e.target.value)} data-testid="repeat-password" />
        {error && (
          <p className="field__error" role="alert" data-testid="password-error">
            {error}
          </p>
        )}
      </div>
    </>
  );
}

/** A problem the page can say before asking the server, or undefined. */
export function newPasswordProblem(p: ReturnType<typeof useWorkspaceI18n>['p'], value: string, repeat: string): string | undefined {
  if (value.length < 12) return p.tooShort;
  if (value !== repeat) return p.mismatch;
  return undefined;
}
