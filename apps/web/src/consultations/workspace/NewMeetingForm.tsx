import { useId, useState, type FormEvent } from 'react';
import { TextField } from '../../components/TextField';
import { MEETING_KINDS } from '../kinds';
import type { MeetingKind } from '../api';
import { useMeetingsI18n } from '../i18n';
import { consultationsApi, type StaffMeeting } from './api';
import { FormProblems } from './FormProblems';
import { useStaffMeetingsI18n } from './i18n';
import { QuotaFields } from './QuotaFields';
import { lengthProblem, useStaffForm } from './useStaffForm';
import { vilniusToIso } from './vilniusTime';
import { StudyChoice } from '../../studies/workspace/StudyChoice';

const FIELDS = ['kind', 'titleLt', 'titleEn', 'startsAt', 'endsAt', 'signupDeadline', 'place', 'onlineUrl', 'capacity', 'retentionDays', 'quotas', 'studyId'];

const wholeNumber = (value: string, min: number, max: number) => /^\d+$/.test(value.trim()) && +value >= min && +value <= max;

/** Adds a meeting: kind, titles, Lithuanian-time start and end, place or link, places, retention, optional quotas. */
export function NewMeetingForm({ consultationId, municipalityCode, onAdded }: { consultationId: string; municipalityCode: string; onAdded: (meeting: StaffMeeting) => void }) {
  const { s } = useStaffMeetingsI18n();
  const { m } = useMeetingsI18n();
  const form = useStaffForm({
    kind: 'discussion',
    titleLt: '',
    titleEn: '',
    startsAt: '',
    endsAt: '',
    signupDeadline: '',
    place: '',
    onlineUrl: '',
    capacity: '30',
    retentionDays: '180',
  });
  const [quotas, setQuotas] = useState<Record<string, string>>({});
  const [studyId, setStudyId] = useState('');
  const base = useId();
  const id = (field: string) => `${base}${field}`;
  const { values } = form;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const startsAt = vilniusToIso(values.startsAt);
    const endsAt = vilniusToIso(values.endsAt);
    const signupDeadline = values.signupDeadline ? vilniusToIso(values.signupDeadline) : undefined;
    const chosen = Object.entries(quotas).filter(([, seats]) => seats.trim() !== '');
    const problems = {
      titleLt: lengthProblem(s, values.titleLt, 3),
      titleEn: lengthProblem(s, values.titleEn, 3),
      startsAt: startsAt ? undefined : s.required,
      endsAt: !endsAt ? s.required : startsAt && endsAt <= startsAt ? s.endsBeforeStart : undefined,
      signupDeadline: signupDeadline === null ? s.required : undefined,
      place: values.place.trim() || values.onlineUrl.trim() ? undefined : s.placeOrUrl,
      capacity: wholeNumber(values.capacity, 1, 10000) ? undefined : s.wholeNumber,
      retentionDays: wholeNumber(values.retentionDays, 1, 3650) ? undefined : s.wholeNumber,
      quotas: chosen.every(([, seats]) => wholeNumber(seats, 1, 10000)) ? undefined : s.wholeNumber,
    };
    const ok = await form.submit(problems, async () => {
      onAdded(
        await consultationsApi.addMeeting(consultationId, {
          kind: values.kind as MeetingKind,
          titleLt: values.titleLt.trim(),
          titleEn: values.titleEn.trim(),
          startsAt: startsAt!,
          endsAt: endsAt!,
          ...(signupDeadline ? { signupDeadline } : {}),
          ...(values.place.trim() ? { place: values.place.trim() } : {}),
          ...(values.onlineUrl.trim() ? { onlineUrl: values.onlineUrl.trim() } : {}),
          capacity: Number(values.capacity),
          retentionDays: Number(values.retentionDays),
          quotas: chosen.map(([partnerOrganisationId, seats]) => ({ partnerOrganisationId, seats: Number(seats) })),
          ...(studyId ? { studyId } : {}),
        }),
      );
    });
    if (ok) setQuotas({});
  };

  return (
    <form ref={form.ref} className="form form--wide" onSubmit={submit} noValidate data-testid="new-meeting">
      <FormProblems error={form.error} errors={form.errors} fields={FIELDS} />
      <div className="field">
        <label htmlFor={id('kind')} className="field__label">
          {s.kind}
        </label>
        <select id={id('kind')} className="field__input" value={values.kind} onChange={(event) => form.set('kind')(event.target.value)}>
          {MEETING_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {m.kinds[kind]}
            </option>
          ))}
        </select>
      </div>
      <div className="form__row">
        <TextField id={id('titleLt')} label={s.meetingTitleLt} lang="lt" maxLength={300} {...form.bind('titleLt')} testId="meeting-title-lt" />
        <TextField id={id('titleEn')} label={s.meetingTitleEn} lang="en" maxLength={300} {...form.bind('titleEn')} testId="meeting-title-en" />
      </div>
      <div className="form__row">
        <TextField id={id('startsAt')} type="datetime-local" label={s.startsAt} hint={s.timeHint} {...form.bind('startsAt')} testId="meeting-starts" />
        <TextField id={id('endsAt')} type="datetime-local" label={s.endsAt} hint={s.timeHint} {...form.bind('endsAt')} testId="meeting-ends" />
      </div>
      <TextField id={id('signupDeadline')} type="datetime-local" label={s.signupDeadline} hint={s.signupDeadlineHint} {...form.bind('signupDeadline')} />
      <div className="form__row">
        <TextField id={id('place')} label={s.place} hint={s.placeHint} maxLength={500} {...form.bind('place')} testId="meeting-place" />
        <TextField id={id('onlineUrl')} type="url" label={s.onlineUrl} inputMode="url" maxLength={1000} {...form.bind('onlineUrl')} />
      </div>
      <div className="form__row">
        <TextField id={id('capacity')} type="number" inputMode="numeric" min={1} max={10000} label={s.capacity} {...form.bind('capacity')} testId="meeting-capacity" />
        <TextField id={id('retentionDays')} type="number" inputMode="numeric" min={1} max={3650} label={s.retentionDays} {...form.bind('retentionDays')} />
      </div>
      <QuotaFields seats={quotas} onChange={setQuotas} error={form.errors.quotas} />
      <StudyChoice id={id('studyId')} municipalityCode={municipalityCode} value={studyId} onChange={setStudyId} />
      <button type="submit" className="button" disabled={form.busy} data-testid="meeting-add">
        {form.busy ? s.adding : s.add}
      </button>
    </form>
  );
}
