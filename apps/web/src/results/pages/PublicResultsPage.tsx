import { ErrorBox } from '../../components/ErrorBox';
import { Loading } from '../../components/Loading';
import { formatDay } from '../../components/i18n';
import { resultsApi } from '../api';
import { surveyTitle } from '../format';
import { useResultsI18n } from '../i18n';
import { ResultsView } from '../ResultsView';
import { Link } from '../../router';
import { useLoad } from '../../components/useLoad';
import { useTitle } from '../../components/useTitle';

/** One survey's published results; the municipality, view and breakdown are in the URL. */
export default function PublicResultsPage({ slug }: { slug: string }) {
  const { lang, r } = useResultsI18n();
  const doc = useLoad(`results:${slug}`, () => resultsApi.document(slug));
  const title = doc.state === 'ready' ? surveyTitle(doc.data.survey, lang) : null;
  useTitle(title ?? r.resultsTitle);

  return (
    <>
      <nav className="crumbs" aria-label="breadcrumb">
        <Link to="/results">‹ {r.allResults}</Link>
      </nav>
      {doc.state === 'loading' && <Loading />}
      {doc.state === 'error' && <ErrorBox error={doc.error} onRetry={doc.retry} />}
      {doc.state === 'ready' && (
        <>
          <h1 className="page-title">{title}</h1>
          {doc.data.publishedOn && <p className="results__meta">{r.publishedOn(formatDay(doc.data.publishedOn, lang))}</p>}
          <ResultsView doc={doc.data} csvUrl={resultsApi.csvUrl(slug)} />
        </>
      )}
    </>
  );
}
