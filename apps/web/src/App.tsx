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

function route({ pathname, search, hash }: Location) {
  if (pathname === '/' || pathname === '') return <HomePage />;
  let params = matchPath('/m/:code', pathname);
  if (params) return <MunicipalityPage key={params.code} code={params.code} />;
  params = matchPath('/s/:surveyId', pathname);
  if (params) return <SurveyPage key={params.surveyId} surveyId={params.surveyId} municipalityCode={search.get('m')} />;
  if (matchPath('/i', pathname)) return <InvitationPage hash={hash} />;
  if (matchPath('/resume', pathname)) return <ResumePage hash={hash} />;
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
