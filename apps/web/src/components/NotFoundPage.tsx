import { useI18n } from './i18n';
import { Link } from '../router';
import { useTitle } from './useTitle';

export default function NotFoundPage() {
  const { t } = useI18n();
  useTitle(t.notFoundTitle);
  return (
    <>
      <h1 className="page-title">{t.notFoundTitle}</h1>
      <p className="notice">{t.notFound}</p>
      <p>
        <Link to="/" className="button">
          {t.backHome}
        </Link>
      </p>
    </>
  );
}
