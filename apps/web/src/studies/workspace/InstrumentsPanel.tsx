import { useState, type FormEvent } from 'react';
import { ErrorBox } from '../../components/ErrorBox';
import { useLoad } from '../../components/useLoad';
import { surveysApi } from '../../surveys/workspace/api';
import { INSTRUMENT_ROLES, studiesApi, type InstrumentRole, type Study } from '../api';
import { useStudiesI18n } from '../i18n';
import { useStudyAction } from './useStudyAction';

/** The study's instruments with their role and where each quasi-identifier comes from; attach a published survey, detach one. */
export function InstrumentsPanel({ study }: { study: Study }) {
  const { st } = useStudiesI18n();
  const action = useStudyAction(study.id);
  const [surveyId, setSurveyId] = useState('');
  const [role, setRole] = useState<InstrumentRole>('resident_survey');
  const surveys = useLoad('study-attach-surveys', () => (study.canManage ? surveysApi.list() : Promise.resolve([])));
  const attached = new Set(study.instruments.map((i) => i.surveyId));
  const choosable = surveys.state === 'ready' ? surveys.data.filter((s) => s.currentVersion !== null && !attached.has(s.id)) : [];

  const attach = (event: FormEvent) => {
    event.preventDefault();
    if (!surveyId) return;
    void action.run(() => studiesApi.attach(study.id, surveyId, role), st.saved).then((ok) => ok && setSurveyId(''));
  };

  return (
    <section className="panel" data-testid="instruments-panel">
      <h2 className="section-title">{st.instrumentsTitle}</h2>
      <p className="muted">{st.instrumentsHint}</p>
      {study.instruments.length === 0 ? (
        <p>{st.noInstruments}</p>
      ) : (
        <ul className="card-list">
          {study.instruments.map((instrument) => (
            <li key={instrument.surveyId} className="card" data-testid={`instrument-${instrument.slug}`}>
              <span className="card__body">
                <span className="card__title">{instrument.slug}</span>
                <span className="card__meta">
                  <span>{st.roles[instrument.role]}</span>
                  <span>{st.responses(instrument.responses)}</span>
                  {instrument.surveyDisclosureK < study.anonymisation.k && <span>{st.kBelowStudy(instrument.surveyDisclosureK)}</span>}
                </span>
                <span className="small">
                  {st.quasiIdentifierMapping}:{' '}
                  {instrument.quasiIdentifiers
                    .map(
                      (q) =>
                        `${q.quasiIdentifier} ← ${q.source === 'municipality' ? st.fromMunicipality : q.source === 'question' ? st.fromQuestion(q.question, st.how[q.how]) : st.unmapped}`,
                    )
                    .join('; ')}
                </span>
              </span>
              {study.canManage && instrument.responses === 0 && (
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={action.busy}
                  onClick={() => void action.run(() => studiesApi.detach(study.id, instrument.surveyId), st.saved)}
                  data-testid={`detach-${instrument.slug}`}
                >
                  {st.detach}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {study.canManage && study.status !== 'closed' && (
        <form className="form form__row" onSubmit={attach} noValidate>
          <label className="field">
            <span className="field__label">{st.survey}</span>
            <select className="field__input" value={surveyId} onChange={(e) => setSurveyId(e.target.value)} data-testid="attach-survey">
              <option value="">{st.chooseSurvey}</option>
              {choosable.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.slug}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{st.role}</span>
            <select
              className="field__input"
              value={role}
              onChange={(e) => setRole(e.target.value as InstrumentRole)}
              data-testid="attach-role"
            >
              {INSTRUMENT_ROLES.map((r) => (
                <option key={r} value={r}>
                  {st.roles[r]}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button" disabled={action.busy || !surveyId} data-testid="attach-instrument">
            {st.attach}
          </button>
        </form>
      )}
      {action.error !== null && <ErrorBox error={action.error} />}
    </section>
  );
}
