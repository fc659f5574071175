import { useId, useState, type FormEvent } from 'react';
import { ErrorBox } from '../../components/ErrorBox';
import { formatMoment } from '../../components/i18n';
import { TextField } from '../../components/TextField';
import { useLoad } from '../../components/useLoad';
import { studiesApi, type ConsentVersion, type Study } from '../api';
import { useStudiesI18n } from '../i18n';
import { useStudyAction } from './useStudyAction';

/** The consent text in LT and EN: saving makes a new version (versions never change); the history under it. */
export function ConsentPanel({ study }: { study: Study }) {
  const { lang, st } = useStudiesI18n();
  const id = useId();
  const [textLt, setTextLt] = useState(study.consent?.textLt ?? '');
  const [textEn, setTextEn] = useState(study.consent?.textEn ?? '');
  const history = useLoad(`study-consents:${study.id}`, () => studiesApi.consentVersions(study.id));
  const action = useStudyAction(study.id);
  const [saved, setSaved] = useState<ConsentVersion | null>(null);

  const save = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      const version = await studiesApi.addConsent(study.id, { textLt, textEn });
      setSaved(version);
      return version;
    }, '');
  };

  return (
    <section className="panel" data-testid="consent-panel">
      <h2 className="section-title">{st.consentTitle}</h2>
      <p className="muted">{st.consentHint}</p>
      {study.canManage && (
        <form className="form form--wide" onSubmit={save} noValidate>
          <TextField
            id={`${id}lt`}
            label={st.consentLt}
            rows={6}
            value={textLt}
            onChange={setTextLt}
            lang="lt"
            maxLength={20000}
            testId="consent-text-lt"
          />
          <TextField
            id={`${id}en`}
            label={st.consentEn}
            rows={6}
            value={textEn}
            onChange={setTextEn}
            lang="en"
            maxLength={20000}
            testId="consent-text-en"
          />
          <button type="submit" className="button" disabled={action.busy} data-testid="save-consent">
            {action.busy ? st.saving : st.saveConsent}
          </button>
          {saved && action.error === null && (
            <p className="notice notice--success" role="status" data-testid="consent-saved">
              {st.consentSaved(saved.version)}
            </p>
          )}
          {action.error !== null && <ErrorBox error={action.error} />}
        </form>
      )}
      {study.consent && (
        <>
          <p className="muted small">{st.termsShown}</p>
          <ul className="study-consent__terms">
            {(lang === 'lt' ? study.consent.termsTextLt : study.consent.termsTextEn).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      <h3 className="subsection-title">{st.history}</h3>
      {history.state === 'error' && <ErrorBox error={history.error} onRetry={history.retry} />}
      {history.state === 'ready' && (
        <ol className="consent-history" data-testid="consent-history">
          {history.data.map((version) => (
            <li key={version.id} data-testid={`consent-version-${version.version}`}>
              <details>
                <summary>
                  {st.versionLine(version.version, formatMoment(version.createdAt, lang), version.createdBy)}
                  {study.consent?.id === version.id && <strong> · {st.current}</strong>}
                </summary>
                <p lang="lt">{version.textLt}</p>
                <p lang="en">{version.textEn}</p>
              </details>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
