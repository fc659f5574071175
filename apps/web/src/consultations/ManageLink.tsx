import { useI18n } from '../components/i18n';
import { useCopy } from '../components/useCopy';
import { Link } from '../router';
import { useMeetingsI18n } from './i18n';

/** Built on this page's origin: the token rides in the fragment, which browsers never send to a server. */
export const managePath = (token: string) => `/signup#${token}`;

export function ManageLink({ token }: { token: string }) {
  const { t } = useI18n();
  const { m } = useMeetingsI18n();
  const url = `${window.location.origin}${managePath(token)}`;
  const { canCopy, copied, copy } = useCopy(url);

  return (
    <section className="resume" aria-labelledby="manage-link-title">
      <h2 id="manage-link-title" className="resume__title">
        {m.manageLinkTitle}
      </h2>
      <p className="resume__hint">{m.manageLinkHint}</p>
      <p className="resume__link" data-testid="manage-url">
        {url}
      </p>
      <div className="actions actions--row actions--tight">
        <Link to={managePath(token)} className="button" data-testid="manage-link">
          {m.openManage}
        </Link>
        {canCopy && (
          <button type="button" className="button button--secondary" onClick={copy}>
            {copied ? `✓ ${t.copied}` : t.copyLink}
          </button>
        )}
      </div>
    </section>
  );
}
