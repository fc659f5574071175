import { lazy, Suspense, type ReactNode } from 'react';
import { Outlet, ScrollRestoration, useParams, type RouteObject } from 'react-router';
import { Layout } from './components/Layout';
import { Loading } from './components/Loading';
import NotFoundPage from './components/NotFoundPage';
import HomePage from './home/HomePage';
import MunicipalityPage from './home/MunicipalityPage';
import InvitationPage from './surveys/pages/InvitationPage';
import ResumePage from './surveys/pages/ResumePage';
import { useLocation, type Location } from './router';

// survey-core and its renderer are most of the bundle: only the survey pages load them.
const SurveyPage = lazy(() => import('./surveys/pages/SurveyPage'));
// Results (with Chart.js) and the workspace are chunks of their own, loaded when opened.
const ResultsListPage = lazy(() => import('./results/pages/ResultsListPage'));
const PublicResultsPage = lazy(() => import('./results/pages/PublicResultsPage'));
// Consultations, meetings and sign-ups (with the QR code drawer); their staff side likewise.
const MeetingsListPage = lazy(() => import('./consultations/pages/MeetingsListPage'));
const ConsultationPage = lazy(() => import('./consultations/pages/ConsultationPage'));
const MeetingPage = lazy(() => import('./consultations/pages/MeetingPage'));
const ManageSignupPage = lazy(() => import('./consultations/pages/ManageSignupPage'));
const StaffConsultationsPage = lazy(() => import('./consultations/workspace/StaffConsultationsPage'));
const StaffConsultationPage = lazy(() => import('./consultations/workspace/StaffConsultationPage'));
const StaffMeetingPage = lazy(() => import('./consultations/workspace/StaffMeetingPage'));
const AttendanceSheetPage = lazy(() => import('./consultations/workspace/AttendanceSheetPage'));
const StaffParticipationPage = lazy(() => import('./consultations/workspace/StaffParticipationPage'));
const PasswordPage = lazy(() => import('./workspace/PasswordPage'));
const ForgotPasswordPage = lazy(() => import('./workspace/ForgotPasswordPage'));
const ResetPasswordPage = lazy(() => import('./workspace/ResetPasswordPage'));
const AccountsPage = lazy(() => import('./admin/AccountsPage'));
const MunicipalitiesPage = lazy(() => import('./admin/MunicipalitiesPage'));
const TargetsPage = lazy(() => import('./admin/TargetsPage'));
const AuditPage = lazy(() => import('./admin/AuditPage'));
const StaffSignInPage = lazy(() => import('./workspace/StaffSignInPage'));
const StaffSurveysPage = lazy(() => import('./surveys/workspace/StaffSurveysPage'));
const NewSurveyPage = lazy(() => import('./surveys/workspace/NewSurveyPage'));
const SurveyWorkspacePage = lazy(() => import('./surveys/workspace/SurveyWorkspacePage'));
const SurveyPreviewPage = lazy(() => import('./surveys/workspace/SurveyPreviewPage'));
const StaffResultsPage = lazy(() => import('./results/workspace/StaffResultsPage'));
// Studies: the researcher's workspace, and the resident's withdrawal page.
const StudiesListPage = lazy(() => import('./studies/workspace/StudiesListPage'));
const NewStudyPage = lazy(() => import('./studies/workspace/NewStudyPage'));
const StudyPage = lazy(() => import('./studies/workspace/StudyPage'));
const WithdrawalPage = lazy(() => import('./studies/pages/WithdrawalPage'));
// The results pages on a hand-made document; `import.meta.env.DEV` is false in builds, so the
// fixture never reaches production.
const FixtureResultsPage = import.meta.env.DEV ? lazy(() => import('./results/pages/FixtureResultsPage')) : null;

type Params = Readonly<Record<string, string | undefined>>;

/** A page that takes its route's parameters (and the query and fragment) as props. */
function WithParams({ page }: { page: (params: Params, location: Location) => ReactNode }) {
  return <>{page(useParams(), useLocation())}</>;
}

const at = (page: (params: Params, location: Location) => ReactNode) => <WithParams page={page} />;

function Root() {
  const { pathname } = useLocation();
  return (
    <Layout pathname={pathname}>
      {/* A new page starts at its top, as after a full load; back and forward restore the place. */}
      <ScrollRestoration />
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </Layout>
  );
}

/** Every page of the app. The server answers every non-/api path with index.html. */
export const routes: RouteObject[] = [
  {
    element: <Root />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'm/:code', element: at(({ code }) => <MunicipalityPage key={code} code={code!} />) },
      { path: 'm/:code/meetings', element: at(({ code }) => <MeetingsListPage key={code} code={code!} />) },
      { path: 'consultations/:id', element: at(({ id }) => <ConsultationPage key={id} id={id!} />) },
      { path: 'meetings/:id', element: at(({ id }) => <MeetingPage key={id} id={id!} />) },
      { path: 'signup', element: at((_, { hash }) => <ManageSignupPage hash={hash} />) },
      {
        path: 's/:surveyId',
        element: at(({ surveyId }, { search }) => <SurveyPage key={surveyId} surveyId={surveyId!} municipalityCode={search.get('m')} />),
      },
      { path: 'i', element: at((_, { hash }) => <InvitationPage hash={hash} />) },
      { path: 'resume', element: at((_, { hash }) => <ResumePage hash={hash} />) },
      { path: 'results', element: <ResultsListPage /> },
      { path: 'results/:slug', element: at(({ slug }) => <PublicResultsPage key={slug} slug={slug!} />) },
      { path: 'staff', element: <StaffSignInPage /> },
      { path: 'staff/password', element: <PasswordPage /> },
      { path: 'staff/forgot-password', element: <ForgotPasswordPage /> },
      { path: 'password-reset', element: at((_, { hash }) => <ResetPasswordPage hash={hash} />) },
      { path: 'staff/admin/accounts', element: <AccountsPage /> },
      { path: 'staff/admin/municipalities', element: <MunicipalitiesPage /> },
      { path: 'staff/admin/targets', element: <TargetsPage /> },
      { path: 'staff/admin/audit', element: <AuditPage /> },
      { path: 'staff/surveys', element: <StaffSurveysPage /> },
      { path: 'staff/surveys/new', element: <NewSurveyPage /> },
      { path: 'staff/surveys/:id', element: at(({ id }) => <SurveyWorkspacePage key={id} surveyId={id!} />) },
      {
        path: 'staff/surveys/:id/versions/:version/preview',
        element: at(({ id, version }) => <SurveyPreviewPage key={`${id}:${version}`} surveyId={id!} version={Number(version)} />),
      },
      { path: 'staff/surveys/:id/results', element: at(({ id }) => <StaffResultsPage key={id} surveyId={id!} />) },
      { path: 'staff/consultations', element: <StaffConsultationsPage /> },
      { path: 'staff/consultations/:id', element: at(({ id }) => <StaffConsultationPage key={id} id={id!} />) },
      { path: 'staff/meetings/:id', element: at(({ id }) => <StaffMeetingPage key={id} id={id!} />) },
      {
        path: 'staff/meetings/:id/check-in',
        element: at(({ id }, { search }) => <StaffMeetingPage key={`${id}:check-in`} id={id!} checkInCode={search.get('code')} />),
      },
      { path: 'staff/meetings/:id/attendance-sheet', element: at(({ id }) => <AttendanceSheetPage key={id} id={id!} />) },
      { path: 'staff/participation', element: <StaffParticipationPage /> },
      { path: 'staff/studies', element: <StudiesListPage /> },
      { path: 'staff/studies/new', element: <NewStudyPage /> },
      { path: 'staff/studies/:id', element: at(({ id }) => <StudyPage key={id} id={id!} />) },
      { path: 'studies/withdraw', element: at((_, { hash }) => <WithdrawalPage hash={hash} />) },
      ...(FixtureResultsPage ? [{ path: 'dev/results-fixture', element: <FixtureResultsPage /> }] : []),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
