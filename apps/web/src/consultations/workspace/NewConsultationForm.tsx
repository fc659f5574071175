import { useId, type FormEvent } from 'react';
import { api } from '../../surveys/api';
import { FieldError, TextField } from '../../components/TextField';
import { municipalityName } from '../../components/i18n';
import { navigate } from '../../router';
import { useLoad } from '../../components/useLoad';
import type { Account } from '../../workspace/api';
import { consultationsApi } from './api';
import { FormProblems } from './FormProblems';
import { useStaffMeetingsI18n } from './i18n';
import { lengthProblem, useStaffForm } from './useStaffForm';

const FIELDS = ['municipalityCode', 'titleLt', 'titleEn', 'descriptionLt', 'descriptionEn', 'institution', 'institutionEn'];

/** Creates a consultation in one of the municipalities the account works for (any, for admins). */
export function NewConsultationForm({ account }: { account: Account }) {
  const { lang, s } = useStaffMeetingsI18n();
  const list = useLoad('municipalities', () => api.municipalities().catch(() => []));
  const all = list.state === 'ready' ? list.data : [];
  const codes = account.role === 'admin' ? all.map((m) => m.code) : account.municipalityCodes;
  const form = useStaffForm({
    municipalityCode: codes.length === 1 ? codes[0] : '',
    titleLt: '',
    titleEn: '',
    descriptionLt: '',
    descriptionEn: '',
    institution: '',
    institutionEn: '',
  });
  const base = useId();
  const id = (field: string) => `${base}${field}`;
  const { values } = form;
  const municipality = values.municipalityCode || (codes.length === 1 ? codes[0] : '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let createdId = '';
    const ok = await form.submit(
      {
        municipalityCode: municipality ? undefined : s.required,
        titleLt: lengthProblem(s, values.titleLt, 3),
        titleEn: lengthProblem(s, values.titleEn, 3),
        institution: lengthProblem(s, values.institution, 2),
      },
      async () => {
        const created = await consultationsApi.create({
          municipalityCode: municipality,
          titleLt: values.titleLt.trim(),
          titleEn: values.titleEn.trim(),
          descriptionLt: values.descriptionLt.trim(),
          descriptionEn: values.descriptionEn.trim(),
          institution: values.institution.trim(),
          ...(values.institutionEn.trim() ? { institutionEn: values.institutionEn.trim() } : {}),
        });
        createdId = created.id;
      },
    );
    if (ok) navigate(`/staff/consultations/${encodeURIComponent(createdId)}`);
  };

  return (
    <form ref={form.ref} className="form form--wide" onSubmit={submit} noValidate data-testid="new-consultation">
      <FormProblems error={form.error} errors={form.errors} fields={FIELDS} />
      <div className="field">
        <label htmlFor={id('municipalityCode')} className="field__label">
          {s.municipality}
        </label>
        <select
          id={id('municipalityCode')}
          className="field__input"
          value={municipality}
          aria-invalid={form.errors.municipalityCode ? true : undefined}
          aria-describedby={form.errors.municipalityCode ? `${id('municipalityCode')}-error` : undefined}
          onChange={(event) => form.set('municipalityCode')(event.target.value)}
          data-testid="consultation-municipality"
        >
          {codes.length !== 1 && <option value="">{s.chooseMunicipality}</option>}
          {codes.map((code) => (
            <option key={code} value={code}>
              {municipalityName(all, code, lang)}
            </option>
          ))}
        </select>
        <FieldError id={id('municipalityCode')} error={form.errors.municipalityCode} />
      </div>
      <div className="form__row">
        <TextField id={id('titleLt')} label={s.titleLt} lang="lt" maxLength={300} {...form.bind('titleLt')} testId="consultation-title-lt" />
        <TextField id={id('titleEn')} label={s.titleEn} lang="en" maxLength={300} {...form.bind('titleEn')} testId="consultation-title-en" />
      </div>
      <TextField id={id('institution')} label={s.institution} maxLength={300} {...form.bind('institution')} testId="consultation-institution" />
      <TextField id={id('institutionEn')} label={s.institutionEn} lang="en" maxLength={300} {...form.bind('institutionEn')} testId="consultation-institution-en" />
      <div className="form__row">
        <TextField id={id('descriptionLt')} label={s.descriptionLt} rows={5} maxLength={20000} {...form.bind('descriptionLt')} />
        <TextField id={id('descriptionEn')} label={s.descriptionEn} rows={5} maxLength={20000} {...form.bind('descriptionEn')} />
      </div>
      <button type="submit" className="button" disabled={form.busy} data-testid="consultation-create">
        {form.busy ? s.creating : s.create}
      </button>
    </form>
  );
}
