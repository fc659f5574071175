import { useId, useState, type FormEvent } from 'react';
import { ErrorBox } from '../../components/ErrorBox';
import { serverFieldErrors } from '../../components/fieldErrors';
import { studiesApi, type Study, type WithdrawalPolicy } from '../api';
import { useStudiesI18n } from '../i18n';
import { useStudyAction } from './useStudyAction';

/** The platform's smallest k for exports (libs/studies PLATFORM_MIN_K); the server enforces it. */
const MIN_K = 5;

/** Retention per data class, what withdrawal does, and the anonymisation policy (k, quasi-identifiers). */
export function PolicyPanel({ study }: { study: Study }) {
  const { st } = useStudiesI18n();
  const id = useId();
  const action = useStudyAction(study.id);
  const [days, setDays] = useState({
    contactsDays: String(study.retention.contactsDays),
    freeTextDays: String(study.retention.freeTextDays),
    paradataDays: String(study.retention.paradataDays),
    exportsDays: String(study.retention.exportsDays),
  });
  const [withdrawal, setWithdrawal] = useState<WithdrawalPolicy>(study.withdrawalPolicy);
  const [k, setK] = useState(String(study.anonymisation.k));
  const [quasi, setQuasi] = useState(study.anonymisation.quasiIdentifiers.join(', '));
  const errors = serverFieldErrors(action.error);
  const disabled = !study.canManage;

  const save = (event: FormEvent) => {
    event.preventDefault();
    void action.run(
      () =>
        studiesApi.policy(study.id, {
          k: Number(k),
          quasiIdentifiers: quasi
            .split(',')
            .map((q) => q.trim())
            .filter(Boolean),
          retention: Object.fromEntries(Object.entries(days).map(([key, value]) => [key, Number(value)])),
          withdrawalPolicy: withdrawal,
        }),
      st.saved,
    );
  };

  const dayField = (key: keyof typeof days, label: string) => (
    <label className="field" key={key}>
      <span className="field__label">{label}</span>
      <input
        className="field__input field__input--short"
        type="number"
        min={1}
        value={days[key]}
        disabled={disabled}
        onChange={(e) => setDays({ ...days, [key]: e.target.value })}
        data-testid={`retention-${key}`}
        aria-invalid={errors[`retention.${key}`] ? true : undefined}
      />
      {errors[`retention.${key}`] && <span className="field__error">{errors[`retention.${key}`]}</span>}
    </label>
  );

  return (
    <section className="panel" data-testid="policy-panel">
      <h2 className="section-title">{st.policyTitle}</h2>
      <form className="form form--wide" onSubmit={save} noValidate>
        <fieldset className="field">
          <legend className="field__label">{st.retentionTitle}</legend>
          <div className="form__row">
            {dayField('contactsDays', st.contactsDays)}
            {dayField('freeTextDays', st.freeTextDays)}
            {dayField('paradataDays', st.paradataDays)}
            {dayField('exportsDays', st.exportsDays)}
          </div>
        </fieldset>
        <label className="field">
          <span className="field__label">{st.withdrawalPolicy}</span>
          <select
            id={`${id}w`}
            className="field__input"
            value={withdrawal}
            disabled={disabled}
            onChange={(e) => setWithdrawal(e.target.value as WithdrawalPolicy)}
            data-testid="withdrawal-policy"
          >
            {(['delete', 'anonymise'] as const).map((policy) => (
              <option key={policy} value={policy}>
                {st.withdrawal[policy]}
              </option>
            ))}
          </select>
        </label>
        <p className="field__hint">{st.termsChangeHint}</p>
        <div className="form__row">
          <label className="field">
            <span className="field__label">{st.k}</span>
            <input
              className="field__input field__input--short"
              type="number"
              min={MIN_K}
              value={k}
              disabled={disabled}
              onChange={(e) => setK(e.target.value)}
              data-testid="study-k"
            />
            <span className="field__hint">{st.kHint(MIN_K)}</span>
            {errors.k && <span className="field__error">{errors.k}</span>}
          </label>
          <label className="field">
            <span className="field__label">{st.quasiIdentifiers}</span>
            <input
              className="field__input"
              value={quasi}
              disabled={disabled}
              onChange={(e) => setQuasi(e.target.value)}
              data-testid="study-quasi"
            />
            {errors.quasiIdentifiers && <span className="field__error">{errors.quasiIdentifiers}</span>}
          </label>
        </div>
        {study.canManage && (
          <button type="submit" className="button" disabled={action.busy} data-testid="save-policy">
            {action.busy ? st.saving : st.savePolicy}
          </button>
        )}
        {action.done && action.error === null && (
          <p className="notice notice--success" role="status">
            {action.done}
          </p>
        )}
        {action.error !== null && <ErrorBox error={action.error} />}
      </form>
    </section>
  );
}
