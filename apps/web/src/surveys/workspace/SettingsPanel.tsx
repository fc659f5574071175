import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ErrorBox } from '../../components/ErrorBox';
import { municipalityName } from '../../components/i18n';
import { isoToVilnius, vilniusToIso } from '../../consultations/workspace/vilniusTime';
import type { Account } from '../../workspace/api';
import type { Municipality } from '../api';
import { surveysApi, type WorkspaceSurvey } from './api';
import { useSurveysWorkspaceI18n } from './i18n';

/** Window (schedule), k and municipalities; close now. Languages, access and anonymity are shown, fixed at creation. */
export function SettingsPanel({ survey, municipalities, account }: { survey: WorkspaceSurvey; municipalities: Municipality[]; account: Account }) {
  const { lang, w } = useSurveysWorkspaceI18n();
  const id = useId();
  const client = useQueryClient();
  const [opensAt, setOpensAt] = useState(survey.opensAt ? isoToVilnius(survey.opensAt) : '');
  const [closesAt, setClosesAt] = useState(survey.closesAt ? isoToVilnius(survey.closesAt) : '');
  const [k, setK] = useState(String(survey.disclosureK));
  const [releaseMin, setReleaseMin] = useState(survey.releaseMinResponses === null ? '' : String(survey.releaseMinResponses));
  const [perAddress, setPerAddress] = useState(String(survey.responsesPerAddressPerDay));
  const [codes, setCodes] = useState(survey.municipalityCodes);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [confirmClose, setConfirmClose] = useState(false);
  const choosable = account.role === 'staff' ? account.municipalityCodes : municipalities.map((m) => m.code);

  const act = async (action: () => Promise<WorkspaceSurvey>, done: string) => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const saved = await action();
      client.setQueryData(['survey', survey.id], saved);
      setMessage(done);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
      setConfirmClose(false);
    }
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    void act(
      () =>
        surveysApi.update(survey.id, {
          opensAt: opensAt ? vilniusToIso(opensAt) : null,
          closesAt: closesAt ? vilniusToIso(closesAt) : null,
          disclosureK: Number(k),
          ...(releaseMin.trim() ? { releaseMinResponses: Number(releaseMin) } : {}),
          responsesPerAddressPerDay: Number(perAddress),
          municipalityCodes: codes,
        }),
      w.saved,
    );
  };

  return (
    <section className="panel" data-testid="settings">
      <h2 className="section-title">{w.settingsTitle}</h2>
      <form className="form form--wide" onSubmit={save} noValidate>
        <div className="form__row">
          <label className="field">
            <span className="field__label">{w.opensAt}</span>
            <input className="field__input" type="datetime-local" value={opensAt} onChange={(e) => setOpensAt(e.target.value)} data-testid="opens-at" />
          </label>
          <label className="field">
            <span className="field__label">{w.closesAt}</span>
            <input className="field__input" type="datetime-local" value={closesAt} onChange={(e) => setClosesAt(e.target.value)} data-testid="closes-at" />
          </label>
        </div>
        <label className="field">
          <span className="field__label">{w.k}</span>
          <input className="field__input field__input--short" type="number" min={2} max={100} value={k} onChange={(e) => setK(e.target.value)} data-testid="survey-k" />
          <span className="field__hint">{w.kHint}</span>
        </label>
        <div className="form__row">
          <label className="field">
            <span className="field__label">{w.releaseMin}</span>
            <input className="field__input field__input--short" type="number" min={4} value={releaseMin} onChange={(e) => setReleaseMin(e.target.value)} data-testid="survey-release-min" />
            <span className="field__hint">{w.releaseMinHint(Number(k) || survey.disclosureK)}</span>
          </label>
          <label className="field">
            <span className="field__label">{w.perAddress}</span>
            <input className="field__input field__input--short" type="number" min={1} value={perAddress} onChange={(e) => setPerAddress(e.target.value)} data-testid="survey-per-address" />
            <span className="field__hint">{w.perAddressHint}</span>
          </label>
        </div>
        <fieldset className="field">
          <legend className="field__label">{w.municipalities}</legend>
          {[...new Set([...choosable, ...codes])].map((code) => (
            <label key={code} className="choice">
              <input
                type="checkbox"
                checked={codes.includes(code)}
                disabled={!choosable.includes(code)}
                onChange={() => setCodes(codes.includes(code) ? codes.filter((c) => c !== code) : [...codes, code])}
              />{' '}
              {municipalityName(municipalities, code, lang)}
            </label>
          ))}
        </fieldset>
        <dl className="facts" id={`${id}-fixed`}>
          <dt>{w.languages}</dt>
          <dd>{survey.languages.map((l) => l.toUpperCase()).join(', ')}</dd>
          <dt>{w.accessMode}</dt>
          <dd>{survey.accessMode === 'invitation' ? w.accessInvitation : w.accessPublic}</dd>
          <dt>{w.anonymity}</dt>
          <dd>{survey.anonymous ? w.yes : w.no}</dd>
        </dl>
        <p className="muted small">{w.fixedAtCreation}</p>
        <button type="submit" className="button" disabled={busy} data-testid="save-settings">
          {busy ? w.saving : w.save}
        </button>
      </form>
      {confirmClose ? (
        <p role="group">
          {w.confirmClose}{' '}
          <button type="button" className="button button--danger" disabled={busy} onClick={() => void act(() => surveysApi.close(survey.id), w.closed)} data-testid="confirm-close">
            {w.yes}
          </button>{' '}
          <button type="button" className="button button--secondary" onClick={() => setConfirmClose(false)}>
            {w.no}
          </button>
        </p>
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setConfirmClose(true)} data-testid="close-survey">
          {w.closeNow}
        </button>
      )}
      {message && <p className="notice notice--success" role="status">{message}</p>}
      {error !== null && <ErrorBox error={error} />}
    </section>
  );
}
