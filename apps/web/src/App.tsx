import { lazy, Suspense } from 'react';
import { Layout } from './components/Layout';
import { Loading } from './components/Loading';
import HomePage from './pages/HomePage';
import InvitationPage from './pages/InvitationPage';
import MunicipalityPage from './pages/MunicipalityPage';
import NotFoundPage from './pages/NotFoundPage';
import ResumePage from './pages/ResumePage';
import { matchPath, useLocation, type Location } from './router';

// survey-core and its renderer are most of the bundle: only the survey page loads them.
const SurveyPage = lazy(() => import('./pages/SurveyPage'));
// Results (with Chart.js) and the staff area are chunks of their own, loaded when opened.
const ResultsListPage = lazy(() => import('./pages/results/ResultsListPage'));
const PublicResultsPage = lazy(() => import('./pages/results/PublicResultsPage'));
const StaffSignInPage = lazy(() => import('./pages/staff/StaffSignInPage'));
const StaffSurveysPage = lazy(() => import('./pages/staff/StaffSurveysPage'));
const StaffResultsPage = lazy(() => import('./pages/staff/StaffResultsPage'));
// The results pages on a hand-made document; `import.meta.env.DEV` is false in builds, so the
// fixture never reaches production.
const FixtureResultsPage = import.meta.env.DEV ? lazy(() => import('./pages/results/FixtureResultsPage')) : null;

function route({ pathname, search, hash }: Location) {
  if (pathname === '/' || pathname === '') return <HomePage />;
  let params = matchPath('/m/:code', pathname);
  if (params) return <MunicipalityPage key={params.code} code={params.code} />;
  params = matchPath('/s/:surveyId', pathname);
  if (params) return <SurveyPage key={params.surveyId} surveyId={params.surveyId} municipalityCode={search.get('m')} />;
  if (matchPath('/i', pathname)) return <InvitationPage hash={hash} />;
  if (matchPath('/resume', pathname)) return <ResumePage hash={hash} />;
  if (matchPath('/results', pathname)) return <ResultsListPage />;
  params = matchPath('/results/:slug', pathname);
  if (params) return <PublicResultsPage key={params.slug} slug={params.slug} />;
  if (matchPath('/staff', pathname)) return <StaffSignInPage />;
  if (matchPath('/staff/surveys', pathname)) return <StaffSurveysPage />;
  params = matchPath('/staff/surveys/:id/results', pathname);
  if (params) return <StaffResultsPage key={params.id} surveyId={params.id} />;
  if (FixtureResultsPage && matchPath('/dev/results-fixture', pathname)) return <FixtureResultsPage />;
  return <NotFoundPage />;
}

export function App() {
  const location = useLocation();
  return (
    <Layout pathname={location.pathname}>
      <Suspense fallback={<Loading />}>{route(location)}</Suspense>
    </Layout>
  );
}
