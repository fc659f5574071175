import { useEffect } from 'react';
import { api } from '../surveys/api';
import { resultsApi } from '../results/api';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { formatMoment, localized, municipalityName, useI18n } from '../components/i18n';
import { Link } from '../router';
import { useLoad } from '../components/useLoad';
import { useTitle } from '../components/useTitle';

export default function MunicipalityPage({ code }: { code: string }) {
  const { lang, t } = useI18n();
  const surveys = useLoad(`surveys:${code}`, () => api.openSurveys(code));
  // Only for the heading: a failure here must not hide the surveys.
  const municipalities = useLoad('municipalities', () => api.municipalities().catch(() => []));
  // Results published for this municipality; without them (or on failure) a link to all results.
  const results = useLoad('published-results', () => resultsApi.published().catch(() => ({ items: [] })));
  const here = results.state === 'ready' ? results.data.items.filter((s) => s.municipalities.some((m) => m.code === code)) : [];
  const name = municipalityName(municipalities.state === 'ready' ? municipalities.data : undefined, code, lang);
  useTitle(name);

  // The survey page is a separate, large chunk: fetch it while the resident reads the list.
  useEffect(() => {
    void import('../surveys/pages/SurveyPage');
  }, []);

  return (
    <>
      <nav className="crumbs" aria-label="breadcrumb">
        <Link to="/">‹ {t.otherMunicipalities}</Link>
      </nav>
      <h1 className="page-title">{name}</h1>
      <h2 className="section-title">{t.openSurveys}</h2>
      {surveys.state === 'loading' && <Loading />}
      {surveys.state === 'error' && <ErrorBox error={surveys.error} onRetry={surveys.retry} />}
      {surveys.state === 'ready' &&
        (surveys.data.length === 0 ? (
          <p className="notice" data-testid="no-surveys">
            {t.noSurveys}
          </p>
        ) : (
          <ul className="card-list">
            {surveys.data.map((survey) => (
              <li key={survey.id}>
                <Link
                  to={`/s/${encodeURIComponent(survey.id)}?m=${encodeURIComponent(code)}`}
                  className="card card--link"
                  data-testid={`survey-${survey.slug}`}
                >
                  <span className="card__body">
                    <span className="card__title">{localized(survey.title, lang) || survey.slug}</span>
                    <span className="card__meta">
                      {survey.closesAt ? t.openUntil(formatMoment(survey.closesAt, lang)) : t.noDeadline}
                      {survey.accessMode === 'invitation' && <span className="badge">{t.byInvitation}</span>}
                    </span>
                  </span>
                  <span className="card__chevron" aria-hidden="true">›</span>
                </Link>
              </li>
            ))}
          </ul>
        ))}

      <p className="hero__links">
        <Link to={`/m/${encodeURIComponent(code)}/meetings`} className="hero__link" data-testid="meetings-link">
          <span>
            <strong>{t.meetingsLink}</strong>
            <span className="hero__link-hint">{t.meetingsLinkHint}</span>
          </span>
          <span aria-hidden="true">›</span>
        </Link>
      </p>

      <h2 className="section-title">{t.publishedResults}</h2>
      <ul className="card-list">
        {here.map((survey) => (
          <li key={survey.slug}>
            <Link
              to={`/results/${encodeURIComponent(survey.slug)}?municipality=${encodeURIComponent(code)}`}
              className="card card--link"
              data-testid={`municipality-results-${survey.slug}`}
            >
              <span className="card__title">{localized(survey.title, lang) || survey.slug}</span>
              <span className="card__chevron" aria-hidden="true">›</span>
            </Link>
          </li>
        ))}
        <li>
          <Link to="/results" className="card card--link" data-testid="results-link">
            <span className="card__title">{t.allResults}</span>
            <span className="card__chevron" aria-hidden="true">›</span>
          </Link>
        </li>
      </ul>
    </>
  );
}
