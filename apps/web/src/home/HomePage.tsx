import { api } from '../surveys/api';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { useI18n } from '../components/i18n';
import { Link } from '../router';
import { useLoad } from '../components/useLoad';
import { useTitle } from '../components/useTitle';

export default function HomePage() {
  const { lang, t } = useI18n();
  const municipalities = useLoad('municipalities', () => api.municipalities());
  useTitle(null);

  return (
    <>
      <section className="hero">
        <h1 className="hero__title">{t.appName}</h1>
        <p className="hero__tagline">{t.appTagline}</p>
        <p className="hero__intro">{t.homeIntro}</p>
        <p className="hero__links">
          <Link to="/results" className="hero__link" data-testid="results-link">
            <span>
              <strong>{t.resultsLink}</strong>
              <span className="hero__link-hint">{t.resultsLinkHint}</span>
            </span>
            <span aria-hidden="true">›</span>
          </Link>
        </p>
      </section>

      <h2 className="section-title">{t.homeTitle}</h2>
      {municipalities.state === 'loading' && <Loading />}
      {municipalities.state === 'error' && <ErrorBox error={municipalities.error} onRetry={municipalities.retry} />}
      {municipalities.state === 'ready' &&
        (municipalities.data.length === 0 ? (
          <p className="notice">{t.noMunicipalities}</p>
        ) : (
          <ul className="card-list">
            {[...municipalities.data]
              .sort((a, b) => (a.name[lang] || a.code).localeCompare(b.name[lang] || b.code, lang))
              .map((m) => (
                <li key={m.code}>
                  <Link to={`/m/${encodeURIComponent(m.code)}`} className="card card--link" data-testid={`municipality-${m.code}`}>
                    <span className="card__title">{m.name[lang] || m.name.lt || m.code}</span>
                    <span className="card__chevron" aria-hidden="true">›</span>
                  </Link>
                </li>
              ))}
          </ul>
        ))}

      <p className="footer-links">
        <Link to="/staff">{t.staffLink}</Link>
      </p>
    </>
  );
}
