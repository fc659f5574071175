import { ApiError, type ErrorDetail } from './request';
import { workspaceErrorText } from './errorTexts';
import { readableReason } from './fieldErrors';
import { useI18n } from './i18n';

/** Turns whatever failed into words for a resident, in the current language where we can. */
export function useErrorText(): (error: unknown) => string {
  const { t, lang } = useI18n();
  return (error) => {
    if (!(error instanceof ApiError)) return t.errorTitle;
    if (error.isNetwork) return t.networkError;
    if (error.status === 429) return t.tooManyRequests;
    if (error.status >= 500) return t.serverError;
    // Never the server's own (English) reason: a text for the code, else one for the status.
    return (t.errorCodes as Record<string, string>)[error.code] ?? workspaceErrorText(lang, error.code, error.status) ?? t.errorTitle;
  };
}

interface Props {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  /** Question name -> what the resident sees; lets validation problems name the question. */
  describeQuestion?: (detail: ErrorDetail) => { label: string; focus?: () => void };
}

export function ErrorBox({ error, title, onRetry, describeQuestion }: Props) {
  const { t } = useI18n();
  const text = useErrorText();
  const details = error instanceof ApiError ? error.details.filter((d) => d.question) : [];
  const retryable = onRetry && (!(error instanceof ApiError) || error.isNetwork || error.status === 429 || error.status >= 500);
  return (
    <div className="notice notice--error" role="alert" data-testid="error">
      {title && <h2 className="notice__title">{title}</h2>}
      <p className="notice__text">{text(error)}</p>
      {details.length > 0 && (
        <ul className="notice__list">
          {details.map((detail, i) => {
            const described = describeQuestion?.(detail) ?? { label: detail.question ?? detail.field };
            return (
              <li key={`${detail.field}-${i}`}>
                <strong>{described.label}</strong>: {readableReason(detail.reason)}
                {described.focus && (
                  <>
                    {' '}
                    <button type="button" className="button-link" onClick={described.focus}>
                      {t.goToQuestion}
                    </button>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {retryable && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t.retry}
        </button>
      )}
    </div>
  );
}
