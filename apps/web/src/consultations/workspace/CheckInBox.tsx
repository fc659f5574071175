import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { serverFieldErrors } from '../../components/fieldErrors';
import { ErrorBox } from '../../components/ErrorBox';
import { TextField } from '../../components/TextField';
import { formatMoment } from '../../components/i18n';
import { ApiError } from '../../components/request';
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
  // Check-in is for the meeting day; on another day staff may go ahead, giving a reason.
  const [otherDayCode, setOtherDayCode] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  // Once given, the reason holds for the next people checked in on this page (the same door, the same day).
  const [givenReason, setGivenReason] = useState<string | null>(null);
  const started = useRef(false);
  const id = useId();

  const checkIn = async (typed: string, overrideReason?: string) => {
    const value = normalise(typed);
    setResult(null);
    setError(null);
    setTooShort(value.length < 6);
    if (value.length < 6) return;
    setBusy(true);
    try {
      const why = overrideReason ?? givenReason ?? undefined;
      setResult(await consultationsApi.checkIn(meetingId, value, why));
      setCode('');
      setOtherDayCode(null);
      if (why) setGivenReason(why);
      onCheckedIn();
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'CHECKIN_NOT_MEETING_DAY') setOtherDayCode(value);
      else setError(caught);
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
      {otherDayCode && (
        <div className="notice notice--warning" role="group" data-testid="checkin-other-day">
          <p className="notice__text">{s.checkInOtherDay}</p>
          <TextField id={`${id}-reason`} label={s.overrideReason} value={reason} onChange={setReason} maxLength={500} testId="checkin-reason" />
          <button
            type="button"
            className="button button--secondary"
            disabled={busy || reason.trim().length < 3}
            onClick={() => void checkIn(otherDayCode, reason.trim())}
            data-testid="checkin-anyway"
          >
            {s.checkInAnyway}
          </button>
        </div>
      )}
      {error !== null && !fieldError && <ErrorBox error={error} />}
    </form>
  );
}
