import { useI18n } from './i18n';

export function Loading({ text }: { text?: string }) {
  const { t } = useI18n();
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="loading__spinner" aria-hidden="true" />
      {text ?? t.loading}
    </p>
  );
}
