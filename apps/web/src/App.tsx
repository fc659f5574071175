import { lazy, Suspense } from 'react';
import { Layout } from './components/Layout';
import { Loading } from './components/Loading';
import HomePage from './home/HomePage';
import InvitationPage from './surveys/pages/InvitationPage';
import MunicipalityPage from './home/MunicipalityPage';
import NotFoundPage from './components/NotFoundPage';
import ResumePage from './surveys/pages/ResumePage';
import { matchPath, useLocation, type Location } from './router';

// survey-core and its renderer are most of the bundle: only the survey page loads them.
const SurveyPage = lazy(() => import('./surveys/pages/SurveyPage'));
// Results (with Chart.js) and the staff area are chunks of their own, loaded when opened.
const ResultsListPage = lazy(() => import('./results/pages/ResultsListPage'));
const PublicResultsPage = lazy(() => import('./results/pages/PublicResultsPage'));
// Meetings, consultations and sign-ups (with the QR code drawer); their staff side likewise.
const MeetingsListPage = lazy(() => import('./consultations/pages/MeetingsListPage'));
const ConsultationPage = lazy(() => import('./consultations/pages/ConsultationPage'));
const MeetingPage = lazy(() => import('./consultations/pages/MeetingPage'));
const ManageSignupPage = lazy(() => import('./consultations/pages/ManageSignupPage'));
const StaffConsultationsPage = lazy(() => import('./consultations/workspace/StaffConsultationsPage'));
const StaffConsultationPage = lazy(() => import('./consultations/workspace/StaffConsultationPage'));
const StaffMeetingPage = lazy(() => import('./consultations/workspace/StaffMeetingPage'));
const StaffParticipationPage = lazy(() => import('./consultations/workspace/StaffParticipationPage'));
const StaffSignInPage = lazy(() => import('./workspace/StaffSignInPage'));
const StaffSurveysPage = lazy(() => import('./surveys/workspace/StaffSurveysPage'));
const StaffResultsPage = lazy(() => import('./results/workspace/StaffResultsPage'));
// The results pages on a hand-made document; `import.meta.env.DEV` is false in builds, so the
// fixture never reaches production.
const FixtureResultsPage = import.meta.env.DEV ? lazy(() => import('./results/pages/FixtureResultsPage')) : null;

function route({ pathname, search, hash }: Location) {
  if (pathname === '/' || pathname === '') return <HomePage />;
  let params = matchPath('/m/:code', pathname);
  if (params) return <MunicipalityPage key={params.code} code={params.code} />;
  params = matchPath('/m/:code/meetings', pathname);
  if (params) return <MeetingsListPage key={params.code} code={params.code} />;
  params = matchPath('/consultations/:id', pathname);
  if (params) return <ConsultationPage key={params.id} id={params.id} />;
  params = matchPath('/meetings/:id', pathname);
  if (params) return <MeetingPage key={params.id} id={params.id} />;
  if (matchPath('/signup', pathname)) return <ManageSignupPage hash={hash} />;
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
  if (matchPath('/staff/consultations', pathname)) return <StaffConsultationsPage />;
  params = matchPath('/staff/consultations/:id', pathname);
  if (params) return <StaffConsultationPage key={params.id} id={params.id} />;
  params = matchPath('/staff/meetings/:id', pathname);
  if (params) return <StaffMeetingPage key={params.id} id={params.id} />;
  params = matchPath('/staff/meetings/:id/check-in', pathname);
  if (params) return <StaffMeetingPage key={`${params.id}:check-in`} id={params.id} checkInCode={search.get('code')} />;
  if (matchPath('/staff/participation', pathname)) return <StaffParticipationPage />;
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
