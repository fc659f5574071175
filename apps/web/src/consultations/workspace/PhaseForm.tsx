import { useEffect, useId, useState, type FormEvent } from 'react';
import { ErrorBox } from '../../components/ErrorBox';
import type { Phase } from '../api';
import { useMeetingsI18n } from '../i18n';
import { consultationsApi, type StaffConsultation } from './api';
import { useStaffMeetingsI18n } from './i18n';

const SETTABLE: Exclude<Phase, 'reported'>[] = ['announced', 'open', 'held'];

/** Moves a consultation between announced, open (sign-up) and held; "reported" comes only with the report. */
export function PhaseForm({ consultation, onChange }: { consultation: StaffConsultation; onChange: (c: StaffConsultation) => void }) {
  const { s } = useStaffMeetingsI18n();
  const { m } = useMeetingsI18n();
  const [phase, setPhase] = useState<Phase>(consultation.phase);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const id = useId();

  // Publishing the report elsewhere on the page moves the phase too.
  useEffect(() => setPhase(consultation.phase), [consultation.phase]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (phase === 'reported' || phase === consultation.phase) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      onChange(await consultationsApi.setPhase(consultation.id, phase));
      setSaved(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={submit} data-testid="phase-form">
      <div className="field">
        <label htmlFor={id} className="field__label">
          {s.phaseTitle}
        </label>
        <p className="field__hint" id={`${id}-hint`}>
          {consultation.report ? s.phaseWithdrawsReport : s.phaseReportedHint}
        </p>
        <select
          id={id}
          className="field__input"
          value={phase}
          aria-describedby={`${id}-hint`}
          onChange={(event) => {
            setPhase(event.target.value as Phase);
            setSaved(false);
          }}
          data-testid="phase-select"
        >
          {SETTABLE.map((p) => (
            <option key={p} value={p}>
              {m.phases[p]}
            </option>
          ))}
          {consultation.phase === 'reported' && (
            <option value="reported" disabled>
              {m.phases.reported}
            </option>
          )}
        </select>
      </div>
      <div className="actions actions--row actions--tight">
        <button type="submit" className="button" disabled={busy || phase === consultation.phase} data-testid="phase-save">
          {s.savePhase}
        </button>
        <p className="actions__status" role="status">
          {saved && s.phaseSaved}
        </p>
      </div>
      {error !== null && <ErrorBox error={error} />}
    </form>
  );
}
