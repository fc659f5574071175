import { useId, useState, type FormEvent } from 'react';
import { ErrorBox } from '../../components/ErrorBox';
import { focusFirst, mergeErrors, serverFieldErrors } from '../../components/fieldErrors';
import { municipalityName } from '../../components/i18n';
import { TextField } from '../../components/TextField';
import type { Municipality } from '../../surveys/api';
import type { Researcher, Study, StudyBody } from '../api';
import { useStudiesI18n } from '../i18n';

type Field =
  | 'titleLt'
  | 'titleEn'
  | 'purposeLt'
  | 'purposeEn'
  | 'municipalityCodes'
  | 'researcherIds'
  | 'ethicsCommittee'
  | 'ethicsReference'
  | 'ethicsApprovedOn';

/** Titles and purpose in LT and EN, municipalities, responsible researchers, ethics reference: to create a study or change one. */
export function StudyForm({
  study,
  municipalities,
  researchers,
  submitLabel,
  onSubmit,
}: {
  study?: Study;
  municipalities: Municipality[];
  researchers: Researcher[];
  submitLabel: string;
  onSubmit: (body: StudyBody) => Promise<void>;
}) {
  const { lang, st } = useStudiesI18n();
  const base = useId();
  const [values, setValues] = useState({
    titleLt: study?.titleLt ?? '',
    titleEn: study?.titleEn ?? '',
    purposeLt: study?.purposeLt ?? '',
    purposeEn: study?.purposeEn ?? '',
    ethicsCommittee: study?.ethics.committee ?? '',
    ethicsReference: study?.ethics.reference ?? '',
    ethicsApprovedOn: study?.ethics.approvedOn ?? '',
  });
  const [codes, setCodes] = useState<string[]>(study?.municipalityCodes ?? []);
  const [researcherIds, setResearcherIds] = useState<string[]>(study?.researchers.map((r) => r.accountId) ?? []);
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const ids = Object.fromEntries(
    (
      [
        'titleLt',
        'titleEn',
        'purposeLt',
        'purposeEn',
        'municipalityCodes',
        'researcherIds',
        'ethicsCommittee',
        'ethicsReference',
        'ethicsApprovedOn',
      ] as Field[]
    ).map((field) => [field, `${base}${field}`]),
  ) as Record<Field, string>;
  const order = (Object.keys(ids) as Field[]).map((field) => ({ field, id: ids[field] }));
  const errors = mergeErrors(clientErrors, serverFieldErrors(serverError));
  const set = (field: keyof typeof values) => (value: string) => setValues({ ...values, [field]: value });
  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const short = (value: string) => (value.trim().length < 3 ? st.required : undefined);
    const problems: Partial<Record<Field, string>> = {
      titleLt: short(values.titleLt),
      titleEn: short(values.titleEn),
      purposeLt: short(values.purposeLt),
      purposeEn: short(values.purposeEn),
      municipalityCodes: codes.length ? undefined : st.chooseOne,
    };
    setClientErrors(problems);
    setServerError(null);
    if (Object.values(problems).some(Boolean)) return focusFirst(order, problems);
    setBusy(true);
    try {
      const optional = (value: string) => (value.trim() ? value.trim() : undefined);
      await onSubmit({
        titleLt: values.titleLt.trim(),
        titleEn: values.titleEn.trim(),
        purposeLt: values.purposeLt.trim(),
        purposeEn: values.purposeEn.trim(),
        municipalityCodes: codes,
        ...(researcherIds.length ? { researcherIds } : {}),
        ethicsCommittee: optional(values.ethicsCommittee),
        ethicsReference: optional(values.ethicsReference),
        ethicsApprovedOn: optional(values.ethicsApprovedOn),
      });
    } catch (caught) {
      setServerError(caught);
      focusFirst(order, serverFieldErrors(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form form--wide" onSubmit={(event) => void submit(event)} noValidate data-testid="study-form">
      <div className="form__row">
        <TextField
          id={ids.titleLt}
          label={st.titleLt}
          value={values.titleLt}
          onChange={set('titleLt')}
          error={errors.titleLt}
          lang="lt"
          maxLength={300}
          testId="study-title-lt"
        />
        <TextField
          id={ids.titleEn}
          label={st.titleEn}
          value={values.titleEn}
          onChange={set('titleEn')}
          error={errors.titleEn}
          lang="en"
          maxLength={300}
          testId="study-title-en"
        />
      </div>
      <TextField
        id={ids.purposeLt}
        label={st.purposeLt}
        hint={st.purposeHint}
        rows={3}
        value={values.purposeLt}
        onChange={set('purposeLt')}
        error={errors.purposeLt}
        lang="lt"
        maxLength={5000}
        testId="study-purpose-lt"
      />
      <TextField
        id={ids.purposeEn}
        label={st.purposeEn}
        rows={3}
        value={values.purposeEn}
        onChange={set('purposeEn')}
        error={errors.purposeEn}
        lang="en"
        maxLength={5000}
        testId="study-purpose-en"
      />
      <fieldset className="field" id={ids.municipalityCodes} tabIndex={-1}>
        <legend className="field__label">{st.municipalities}</legend>
        {municipalities.map((m) => (
          <label key={m.code} className="choice">
            <input
              type="checkbox"
              checked={codes.includes(m.code)}
              onChange={() => setCodes(toggle(codes, m.code))}
              data-testid={`study-municipality-${m.code}`}
            />{' '}
            {municipalityName(municipalities, m.code, lang)}
          </label>
        ))}
        {errors.municipalityCodes && <p className="field__error">{errors.municipalityCodes}</p>}
      </fieldset>
      <fieldset className="field" id={ids.researcherIds} tabIndex={-1}>
        <legend className="field__label">{st.researchers}</legend>
        <p className="field__hint">{st.researchersHint}</p>
        {researchers.map((r) => (
          <label key={r.accountId} className="choice">
            <input
              type="checkbox"
              checked={researcherIds.includes(r.accountId)}
              onChange={() => setResearcherIds(toggle(researcherIds, r.accountId))}
            />{' '}
            {r.displayName} ({r.email})
          </label>
        ))}
        {errors.researcherIds && <p className="field__error">{errors.researcherIds}</p>}
      </fieldset>
      <p className="field__hint">{st.ethicsHint}</p>
      <div className="form__row">
        <TextField
          id={ids.ethicsCommittee}
          label={st.ethicsCommittee}
          value={values.ethicsCommittee}
          onChange={set('ethicsCommittee')}
          error={errors.ethicsCommittee}
          maxLength={300}
          testId="study-ethics-committee"
        />
        <TextField
          id={ids.ethicsReference}
          label={st.ethicsReference}
          value={values.ethicsReference}
          onChange={set('ethicsReference')}
          error={errors.ethicsReference}
          maxLength={100}
          testId="study-ethics-reference"
        />
        <TextField
          id={ids.ethicsApprovedOn}
          label={st.ethicsApprovedOn}
          type="date"
          value={values.ethicsApprovedOn}
          onChange={set('ethicsApprovedOn')}
          error={errors.ethicsApprovedOn}
          testId="study-ethics-date"
        />
      </div>
      {serverError !== null && <ErrorBox error={serverError} />}
      <button type="submit" className="button" disabled={busy} data-testid="study-submit">
        {busy ? st.saving : submitLabel}
      </button>
    </form>
  );
}
