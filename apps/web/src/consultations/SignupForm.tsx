import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../components/request';
import { ErrorBox } from '../components/ErrorBox';
import { focusFirst, mergeErrors, serverFieldErrors } from '../components/fieldErrors';
import { FieldError, TextField } from '../components/TextField';
import { meetingsApi, type MeetingDetails, type SignupRequested } from './api';
import { useMeetingsI18n } from './i18n';
import { ConsentText } from '../studies/consent/ConsentText';
import { useStudiesI18n } from '../studies/i18n';

type Field = 'name' | 'contact' | 'organisation' | 'partnerOrganisationId' | 'consent' | 'studyConsent';

/** Name, email (the link to confirm goes there), optional organisation, the partner (when places are shared out) and consent. */
export function SignupForm({ meeting, onSignedUp }: { meeting: MeetingDetails; onSignedUp: (requested: SignupRequested) => void }) {
  const { lang, m } = useMeetingsI18n();
  const { st } = useStudiesI18n();
  const [studyConsent, setStudyConsent] = useState(false);
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [partner, setPartner] = useState('');
  const [consent, setConsent] = useState(false);
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLParagraphElement>(null);
  const base = useId();
  const ids: Record<Field, string> = {
    name: `${base}name`,
    contact: `${base}contact`,
    organisation: `${base}organisation`,
    partnerOrganisationId: `${base}partner`,
    consent: `${base}consent`,
    studyConsent: `${base}study-consent`,
  };
  const order = (Object.keys(ids) as Field[]).map((field) => ({ field, id: ids[field] }));

  const serverFields = serverFieldErrors(serverError, (code) => m.fieldCodes[code]);
  const errors = mergeErrors(clientErrors, serverFields);
  const shownOnFields = order.some(({ field }) => errors[field]);
  const quotas = meeting.quotas;
  const chosen = quotas.find((q) => q.partnerOrganisationId === partner);
  const full = meeting.seatsLeft <= 0 || (chosen !== undefined && chosen.seatsLeft <= 0);

  const edit = (field: Field, set: () => void) => {
    set();
    if (clientErrors[field]) setClientErrors({ ...clientErrors, [field]: undefined });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Partial<Record<Field, string>> = {
      name: name.trim().length < 2 ? m.nameRequired : undefined,
      contact: contact.trim().length < 3 ? m.contactRequired : undefined,
      partnerOrganisationId: quotas.length > 0 && !chosen ? m.partnerRequired : undefined,
      consent: consent ? undefined : m.consentRequired,
      studyConsent: meeting.study && !studyConsent ? st.studyConsentRequired : undefined,
    };
    setClientErrors(problems);
    setServerError(null);
    if (Object.values(problems).some(Boolean)) {
      focusFirst(order, problems);
      return;
    }
    setBusy(true);
    try {
      const signup = await meetingsApi.signUp(meeting.id, {
        name: name.trim(),
        contact: contact.trim(),
        ...(organisation.trim() ? { organisation: organisation.trim() } : {}),
        ...(chosen ? { partnerOrganisationId: chosen.partnerOrganisationId } : {}),
        consent: true,
        language: lang,
        ...(meeting.study ? { studyConsent: { versionId: meeting.study.consent.versionId, agreed: true as const } } : {}),
      });
      onSignedUp(signup);
    } catch (caught) {
      setBusy(false);
      setServerError(caught);
      const fields = serverFieldErrors(caught);
      if (order.some(({ field }) => fields[field])) focusFirst(order, fields);
      else summary.current?.focus();
    }
  };

  return (
    <form className="form signup-form" onSubmit={submit} noValidate data-testid="signup-form">
      {shownOnFields && (
        <p className="notice notice--error" role="alert" tabIndex={-1} data-testid="form-errors">
          {m.formHasErrors}
        </p>
      )}
      {serverError !== null && !(serverError instanceof ApiError && shownOnFields) && (
        <div tabIndex={-1} ref={summary}>
          <ErrorBox error={serverError} />
        </div>
      )}
      <TextField
        id={ids.name}
        label={m.name}
        value={name}
        onChange={(value) => edit('name', () => setName(value))}
        error={errors.name}
        autoComplete="name"
        required
        maxLength={200}
        testId="signup-name"
      />
      <TextField
        id={ids.contact}
        label={m.contact}
        hint={m.contactHint}
        value={contact}
        onChange={(value) => edit('contact', () => setContact(value))}
        error={errors.contact}
        type="email"
        inputMode="email"
        autoComplete="email"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        required
        maxLength={320}
        testId="signup-contact"
      />
      <TextField
        id={ids.organisation}
        label={m.organisation}
        value={organisation}
        onChange={(value) => edit('organisation', () => setOrganisation(value))}
        error={errors.organisation}
        autoComplete="organization"
        maxLength={300}
        testId="signup-organisation"
      />
      {quotas.length > 0 && (
        <div className="field">
          <label htmlFor={ids.partnerOrganisationId} className="field__label">
            {m.partner}
          </label>
          <p className="field__hint" id={`${ids.partnerOrganisationId}-hint`}>
            {m.partnerHint}
          </p>
          <select
            id={ids.partnerOrganisationId}
            className="field__input"
            value={partner}
            required
            aria-invalid={errors.partnerOrganisationId ? true : undefined}
            aria-describedby={`${ids.partnerOrganisationId}-hint${errors.partnerOrganisationId ? ` ${ids.partnerOrganisationId}-error` : ''}`}
            onChange={(event) => edit('partnerOrganisationId', () => setPartner(event.target.value))}
            data-testid="signup-partner"
          >
            <option value="">{m.choosePartner}</option>
            {quotas.map((q) => (
              <option key={q.partnerOrganisationId} value={q.partnerOrganisationId}>
                {m.partnerSeats(q.name, q.seatsLeft)}
              </option>
            ))}
          </select>
          <FieldError id={ids.partnerOrganisationId} error={errors.partnerOrganisationId} testId="signup-partner" />
        </div>
      )}
      <fieldset className="fieldset consent" aria-describedby={errors.consent ? `${ids.consent}-error` : undefined}>
        <legend className="fieldset__legend">{m.consentLegend}</legend>
        <label className="checklist__item consent__item">
          <input
            id={ids.consent}
            type="checkbox"
            checked={consent}
            aria-invalid={errors.consent ? true : undefined}
            onChange={(event) => edit('consent', () => setConsent(event.target.checked))}
            data-testid="signup-consent"
          />
          <span>{meeting.consent[lang]}</span>
        </label>
        <FieldError id={ids.consent} error={errors.consent} testId="signup-consent" />
      </fieldset>
      {meeting.study && (
        <fieldset className="fieldset consent" aria-describedby={errors.studyConsent ? `${ids.studyConsent}-error` : undefined}>
          <legend className="fieldset__legend">{st.studyConsentLegend}</legend>
          <ConsentText consent={meeting.study} />
          <label className="checklist__item consent__item">
            <input
              id={ids.studyConsent}
              type="checkbox"
              checked={studyConsent}
              aria-invalid={errors.studyConsent ? true : undefined}
              onChange={(event) => edit('studyConsent', () => setStudyConsent(event.target.checked))}
              data-testid="signup-study-consent"
            />
            <span>{st.studyConsentAgree}</span>
          </label>
          <FieldError id={ids.studyConsent} error={errors.studyConsent} testId="signup-study-consent" />
        </fieldset>
      )}
      <button type="submit" className="button button--block" disabled={busy} data-testid="signup-submit">
        {busy ? m.signingUp : full ? m.joinWaitlist : m.signUp}
      </button>
    </form>
  );
}
