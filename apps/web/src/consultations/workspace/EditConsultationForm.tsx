import { useId, useState, type FormEvent } from 'react';
import { TextField } from '../../components/TextField';
import { consultationsApi, type StaffConsultation } from './api';
import { FormProblems } from './FormProblems';
import { useStaffMeetingsI18n } from './i18n';
import { lengthProblem, useStaffForm } from './useStaffForm';

const FIELDS = ['titleLt', 'titleEn', 'descriptionLt', 'descriptionEn', 'institution', 'institutionEn'];

/** The consultation's texts in LT and EN, the deciding institution in both languages. */
export function EditConsultationForm({ consultation, onChange }: { consultation: StaffConsultation; onChange: (c: StaffConsultation) => void }) {
  const { s } = useStaffMeetingsI18n();
  const initial = {
    titleLt: consultation.titleLt,
    titleEn: consultation.titleEn,
    descriptionLt: consultation.descriptionLt,
    descriptionEn: consultation.descriptionEn,
    institution: consultation.institution,
    institutionEn: consultation.institutionEn ?? '',
  };
  const form = useStaffForm(initial);
  const base = useId();
  const [saved, setSaved] = useState(false);
  const { values } = form;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const changed = Object.fromEntries(
      Object.entries(values)
        .map(([field, value]) => [field, value.trim()] as const)
        .filter(([field, value]) => value !== initial[field as keyof typeof initial]),
    );
    const ok = await form.submit(
      {
        titleLt: lengthProblem(s, values.titleLt, 3),
        titleEn: lengthProblem(s, values.titleEn, 3),
        institution: lengthProblem(s, values.institution, 2),
        institutionEn: values.institutionEn.trim() ? lengthProblem(s, values.institutionEn, 2) : undefined,
      },
      async () => {
        if (Object.keys(changed).length) onChange(await consultationsApi.updateConsultation(consultation.id, changed));
      },
    );
    setSaved(ok);
  };

  return (
    <form ref={form.ref} className="form form--wide" onSubmit={submit} noValidate data-testid="edit-consultation">
      <FormProblems error={form.error} errors={form.errors} fields={FIELDS} />
      <div className="form__row">
        <TextField id={`${base}titleLt`} label={s.titleLt} lang="lt" maxLength={300} {...form.bind('titleLt')} />
        <TextField id={`${base}titleEn`} label={s.titleEn} lang="en" maxLength={300} {...form.bind('titleEn')} />
      </div>
      <div className="form__row">
        <TextField id={`${base}descriptionLt`} label={s.descriptionLt} lang="lt" rows={5} maxLength={20000} {...form.bind('descriptionLt')} />
        <TextField id={`${base}descriptionEn`} label={s.descriptionEn} lang="en" rows={5} maxLength={20000} {...form.bind('descriptionEn')} />
      </div>
      <div className="form__row">
        <TextField id={`${base}institution`} label={s.institutionLt} lang="lt" maxLength={300} {...form.bind('institution')} />
        <TextField id={`${base}institutionEn`} label={s.institutionEn} lang="en" maxLength={300} testId="institution-en" {...form.bind('institutionEn')} />
      </div>
      <button type="submit" className="button" disabled={form.busy} data-testid="save-consultation">
        {s.saveChanges}
      </button>
      {saved && (
        <p className="notice notice--success" role="status">
          {s.consultationSaved}
        </p>
      )}
    </form>
  );
}
