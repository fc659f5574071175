import { ErrorBox } from '../../components/ErrorBox';
import { Loading } from '../../components/Loading';
import { formatDay } from '../../components/i18n';
import { resultsApi } from '../api';
import { municipalityLabel, surveyTitle } from '../format';
import { useResultsI18n } from '../i18n';
import { Link } from '../../router';
import { useLoad } from '../../components/useLoad';
import { useTitle } from '../../components/useTitle';

/** Every survey whose results researchers have published. */
export default function ResultsListPage() {
  const { lang, t, r } = useResultsI18n();
  const list = useLoad('published-results', () => resultsApi.published());
  useTitle(r.resultsTitle);

  return (
    <>
      <nav className="crumbs" aria-label="breadcrumb">
        <Link to="/">‹ {t.backHome}</Link>
      </nav>
      <h1 className="page-title">{r.resultsTitle}</h1>
      <p className="lead">{r.resultsIntro}</p>
      {list.state === 'loading' && <Loading />}
      {list.state === 'error' && <ErrorBox error={list.error} onRetry={list.retry} />}
      {list.state === 'ready' &&
        (list.data.items.length === 0 ? (
          <p className="notice" data-testid="no-results">
            {r.noPublished}
          </p>
        ) : (
          <ul className="card-list">
            {list.data.items.map((survey) => (
              <li key={survey.slug}>
                <Link to={`/results/${encodeURIComponent(survey.slug)}`} className="card card--link" data-testid={`results-${survey.slug}`}>
                  <span className="card__body">
                    <span className="card__title">{surveyTitle(survey, lang)}</span>
                    <span className="card__meta">{r.publishedOn(formatDay(survey.publishedOn, lang))}</span>
                    <span className="card__meta">
                      {survey.municipalities.length > 0 && (
                        <span>
                          {r.municipalitiesCount(survey.municipalities.length)}:{' '}
                          {survey.municipalities.map((m) => municipalityLabel(m, lang)).join(', ')}
                        </span>
                      )}
                    </span>
                  </span>
                  <span className="card__chevron" aria-hidden="true">
                    ›
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        ))}
    </>
  );
}
