import { useI18n } from '../../components/i18n';
import { useCopy } from '../../components/useCopy';

/** The token rides in the fragment, which browsers never send to the server. */
export function resumeUrl(token: string): string {
  return `${window.location.origin}/resume#${token}`;
}

export function ResumeLink({ token }: { token: string }) {
  const { t } = useI18n();
  const url = resumeUrl(token);
  const { canCopy, copied, copy } = useCopy(url);

  return (
    <section className="resume" aria-labelledby="resume-title">
      <h2 id="resume-title" className="resume__title">
        {t.resumeTitle}
      </h2>
      <p className="resume__hint">{t.resumeHint}</p>
      <a className="resume__link" href={url} data-testid="resume-link" rel="nofollow noreferrer">
        {url}
      </a>
      {canCopy && (
        <button type="button" className="button button--secondary resume__copy" onClick={copy}>
          {copied ? `✓ ${t.copied}` : t.copyLink}
        </button>
      )}
    </section>
  );
}
