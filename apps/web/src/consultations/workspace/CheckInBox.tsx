import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { serverFieldErrors } from '../../components/fieldErrors';
import { ErrorBox } from '../../components/ErrorBox';
import { TextField } from '../../components/TextField';
import { formatMoment } from '../../components/i18n';
import { consultationsApi, type CheckInResult } from './api';
import { useStaffMeetingsI18n } from './i18n';

const normalise = (typed: string) => typed.replace(/[\s-]/g, '').toUpperCase();

/**
 * Marks a person as arrived by their check-in code, typed here or carried in from a scanned QR
 * code (`initialCode`, checked in once on load). Checking in twice is harmless and says so.
 */
export function CheckInBox({ meetingId, initialCode, onCheckedIn }: { meetingId: string; initialCode?: string | null; onCheckedIn: () => void }) {
  const { lang, s } = useStaffMeetingsI18n();
  const [code, setCode] = useState(initialCode ? normalise(initialCode) : '');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CheckInResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tooShort, setTooShort] = useState(false);
  const started = useRef(false);
  const id = useId();

  const checkIn = async (typed: string) => {
    const value = normalise(typed);
    setResult(null);
    setError(null);
    setTooShort(value.length < 6);
    if (value.length < 6) return;
    setBusy(true);
    try {
      setResult(await consultationsApi.checkIn(meetingId, value));
      setCode('');
      onCheckedIn();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
      document.getElementById(id)?.focus();
    }
  };

  // The scanned code is checked in once, also when React runs effects twice in development.
  useEffect(() => {
    if (!initialCode || started.current) return;
    started.current = true;
    void checkIn(initialCode);
    // Only on arrival: later codes are typed.
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void checkIn(code);
  };

  const fieldError = tooShort ? s.codeTooShort : serverFieldErrors(error, (c) => s.codeErrors[c]).code;
  const name = result?.name || s.someone;

  return (
    <form className="form checkin-box" onSubmit={submit} noValidate data-testid="checkin-form">
      <p className="field__hint">{s.checkInHint}</p>
      <TextField
        id={id}
        label={s.codeLabel}
        value={code}
        onChange={setCode}
        error={fieldError}
        autoCapitalize="characters"
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        maxLength={12}
        testId="checkin-code-input"
      />
      <button type="submit" className="button" disabled={busy} data-testid="checkin-submit">
        {busy ? s.checkingIn : s.checkIn}
      </button>
      <div role="status" aria-live="polite">
        {result && (
          <p className="notice notice--success checkin-result" data-testid="checkin-result">
            {result.alreadyCheckedIn ? s.alreadyCheckedIn(name, formatMoment(result.attendedAt, lang)) : s.checkedIn(name)}
          </p>
        )}
      </div>
      {error !== null && !fieldError && <ErrorBox error={error} />}
    </form>
  );
}
