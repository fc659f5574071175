import { useState } from 'react';
import type { StudyConsent } from '../api';
import { useStudiesI18n } from '../i18n';
import { ConsentText } from './ConsentText';

/**
 * Before the first question of a study instrument: the consent text, and agree or not. Nothing is
 * sent before agreeing; every save then carries the version agreed to. `changed` says the text
 * changed since this resident agreed (the server refused the old version).
 */
export function ConsentStep({
  consent,
  changed,
  onAgree,
}: {
  consent: StudyConsent;
  changed: boolean;
  onAgree: (versionId: string) => void;
}) {
  const { st } = useStudiesI18n();
  const [declined, setDeclined] = useState(false);
  return (
    <section className="panel consent-step" data-testid="consent-step">
      <h2 className="section-title">{st.consentStepTitle}</h2>
      {changed ? (
        <p className="notice notice--warning" role="alert" data-testid="consent-changed">
          {st.consentChanged}
        </p>
      ) : (
        <p>{st.consentStepIntro}</p>
      )}
      <ConsentText consent={consent} />
      {declined ? (
        <>
          <p className="notice" role="status" data-testid="consent-declined">
            {st.declined}
          </p>
          <button type="button" className="button button--secondary" onClick={() => setDeclined(false)}>
            {st.changeOfMind}
          </button>
        </>
      ) : (
        <p className="actions">
          <button type="button" className="button" onClick={() => onAgree(consent.consent.versionId)} data-testid="consent-agree">
            {st.agree}
          </button>{' '}
          <button type="button" className="button button--secondary" onClick={() => setDeclined(true)} data-testid="consent-decline">
            {st.decline}
          </button>
        </p>
      )}
    </section>
  );
}
