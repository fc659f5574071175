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
// Meetings, consultations and sign-ups (with the QR code drawer); their staff side likewise.
const MeetingsListPage = lazy(() => import('./pages/meetings/MeetingsListPage'));
const ConsultationPage = lazy(() => import('./pages/meetings/ConsultationPage'));
const MeetingPage = lazy(() => import('./pages/meetings/MeetingPage'));
const ManageSignupPage = lazy(() => import('./pages/meetings/ManageSignupPage'));
const StaffConsultationsPage = lazy(() => import('./pages/staff/StaffConsultationsPage'));
const StaffConsultationPage = lazy(() => import('./pages/staff/StaffConsultationPage'));
const StaffMeetingPage = lazy(() => import('./pages/staff/StaffMeetingPage'));
const StaffParticipationPage = lazy(() => import('./pages/staff/StaffParticipationPage'));
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
