import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';

/** The token rides in the fragment, which browsers never send to the server. */
export function resumeUrl(token: string): string {
  return `${window.location.origin}/resume#${token}`;
}

export function ResumeLink({ token }: { token: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const url = resumeUrl(token);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2500);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard access (http page, old browser): the link itself stays selectable.
    }
  };

  return (
    <section className="resume" aria-labelledby="resume-title">
      <h2 id="resume-title" className="resume__title">
        {t.resumeTitle}
      </h2>
      <p className="resume__hint">{t.resumeHint}</p>
      <a className="resume__link" href={url} data-testid="resume-link" rel="nofollow noreferrer">
        {url}
      </a>
      {'clipboard' in navigator && (
        <button type="button" className="button button--secondary resume__copy" onClick={copy}>
          {copied ? `✓ ${t.copied}` : t.copyLink}
        </button>
      )}
    </section>
  );
}
