import { formatDay } from '../../components/i18n';
import type { StudyConsent } from '../api';
import { useStudiesI18n } from '../i18n';

/** The study and its current consent text as a resident reads it, with the platform's statement of the terms under it. */
export function ConsentText({ consent }: { consent: StudyConsent }) {
  const { lang, st } = useStudiesI18n();
  const { study, consent: version } = consent;
  const lt = lang === 'lt';
  return (
    <div className="study-consent" data-testid="study-consent" data-version={version.version}>
      <h3 className="study-consent__title">{lt ? study.titleLt : study.titleEn}</h3>
      <p className="study-consent__purpose">{lt ? study.purposeLt : study.purposeEn}</p>
      <p className="muted small">
        {st.ethicsLine(study.ethics.committee, study.ethics.reference, formatDay(study.ethics.approvedOn, lang))}
      </p>
      <p className="muted small" data-testid="consent-version">
        {st.versionOf(version.version, formatDay(version.createdOn, lang))}
      </p>
      <div className="study-consent__text" lang={lang}>
        {(lt ? version.textLt : version.textEn).split(/\n{2,}/).map((paragraph, i) => (
          <p key={i}>{paragraph}</p>
        ))}
      </div>
      <ul className="study-consent__terms" data-testid="consent-terms">
        {(lt ? version.termsTextLt : version.termsTextEn).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
