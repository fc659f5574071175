import { useResultsI18n } from './i18n';

/** Staff see results before publication; this must never be mistaken for the public page. */
export function PreliminaryBanner() {
  const { r } = useResultsI18n();
  return (
    <div className="notice notice--preliminary" role="note" data-testid="preliminary-banner">
      <p className="notice__title">{r.preliminaryTitle}</p>
      <p className="notice__text">{r.preliminaryText}</p>
    </div>
  );
}
