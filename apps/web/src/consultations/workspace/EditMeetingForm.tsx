import { useId, useState, type FormEvent } from 'react';
import { TextField } from '../../components/TextField';
import { consultationsApi, type MeetingChanges, type StaffMeeting } from './api';
import { FormProblems } from './FormProblems';
import { useStaffMeetingsI18n } from './i18n';
import { useStaffForm } from './useStaffForm';
import { isoToVilnius, vilniusToIso } from './vilniusTime';

const FIELDS = ['startsAt', 'endsAt', 'signupDeadline', 'place', 'capacity'];

/**
 * Time, place, capacity and deadline of a meeting (times in Vilnius time). Only what changed is
 * sent; the server tells everyone signed up about a new time or place and moves people up from
 * the waitlist when places are added.
 */
type Editable = Pick<StaffMeeting, 'id' | 'startsAt' | 'endsAt' | 'signupDeadline' | 'place' | 'capacity'>;

export function EditMeetingForm({ meeting, onSaved }: { meeting: Editable; onSaved: () => void }) {
  const { s } = useStaffMeetingsI18n();
  const initial = {
    startsAt: isoToVilnius(meeting.startsAt),
    endsAt: isoToVilnius(meeting.endsAt),
    signupDeadline: isoToVilnius(meeting.signupDeadline),
    place: meeting.place ?? '',
    capacity: String(meeting.capacity),
  };
  const form = useStaffForm(initial);
  const base = useId();
  const [done, setDone] = useState<string | null>(null);
  const { values } = form;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const changes: MeetingChanges = {};
    const problems: Record<string, string | undefined> = {};
    for (const field of ['startsAt', 'endsAt', 'signupDeadline'] as const) {
      if (values[field] === initial[field]) continue;
      const iso = vilniusToIso(values[field]);
      if (iso) changes[field] = iso;
      else problems[field] = s.required;
    }
    if (values.place !== initial.place && meeting.place !== null) changes.place = values.place.trim() || null;
    if (values.capacity !== initial.capacity) {
      const capacity = Number(values.capacity);
      if (Number.isInteger(capacity) && capacity > 0) changes.capacity = capacity;
      else problems.capacity = s.required;
    }
    if (!Object.keys(changes).length && !Object.values(problems).some(Boolean)) {
      setDone(s.noChanges);
      return;
    }
    await form.submit(problems, async () => {
      const result = await consultationsApi.updateMeeting(meeting.id, changes);
      setDone(s.meetingSaved(result.notified, result.promoted));
      onSaved();
    });
  };

  return (
    <form ref={form.ref} className="form form--wide" onSubmit={submit} noValidate data-testid="edit-meeting">
      <p className="field__hint">{s.editMeetingHint}</p>
      <FormProblems error={form.error} errors={form.errors} fields={FIELDS} />
      <div className="form__row">
        <TextField id={`${base}startsAt`} type="datetime-local" label={s.startsAt} testId="edit-starts-at" {...form.bind('startsAt')} />
        <TextField id={`${base}endsAt`} type="datetime-local" label={s.endsAt} testId="edit-ends-at" {...form.bind('endsAt')} />
      </div>
      <div className="form__row">
        <TextField id={`${base}signupDeadline`} type="datetime-local" label={s.signupDeadline} {...form.bind('signupDeadline')} />
        <TextField id={`${base}capacity`} type="number" min={1} label={s.capacity} testId="edit-capacity" {...form.bind('capacity')} />
      </div>
      {meeting.place !== null && <TextField id={`${base}place`} label={s.place} maxLength={300} {...form.bind('place')} />}
      <button type="submit" className="button" disabled={form.busy} data-testid="save-meeting">
        {s.saveChanges}
      </button>
      {done && (
        <p className="notice notice--success" role="status" data-testid="meeting-saved">
          {done}
        </p>
      )}
    </form>
  );
}
