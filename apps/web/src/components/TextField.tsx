import type { InputHTMLAttributes, ReactNode } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'> & {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string;
  /** A textarea with this many rows instead of an input. */
  rows?: number;
  /** data-testid of the input; its error gets `<testId>-error`. */
  testId?: string;
};

/** A labelled input (or textarea) with its hint and its error, wired for screen readers. */
export function TextField({ id, label, value, onChange, hint, error, rows, testId, ...rest }: Props) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    className: rows ? 'field__input field__input--area' : 'field__input',
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    'data-testid': testId,
  };
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {rows ? (
        <textarea {...common} rows={rows} value={value} lang={rest.lang} required={rest.required} maxLength={rest.maxLength} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...rest} {...common} value={value} onChange={(event) => onChange(event.target.value)} />
      )}
      <FieldError id={id} error={error} testId={testId} />
    </div>
  );
}

export function FieldError({ id, error, testId }: { id: string; error?: string; testId?: string }) {
  if (!error) return null;
  return (
    <p className="field__error" id={`${id}-error`} data-testid={testId ? `${testId}-error` : undefined}>
      {error}
    </p>
  );
}
