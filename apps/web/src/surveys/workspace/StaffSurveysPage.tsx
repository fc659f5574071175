import { ErrorBox } from '../../components/ErrorBox';
import { Loading } from '../../components/Loading';
import { formatMoment, localized } from '../../components/i18n';
import { useResultsI18n } from '../../results/i18n';
import { Link } from '../../router';
import { staffApi, type StaffSurvey } from '../../workspace/api';
import { useSurveysWorkspaceI18n } from './i18n';
import { StaffFrame } from '../../workspace/StaffFrame';
import { useLoad } from '../../components/useLoad';
import { useTitle } from '../../components/useTitle';

export default function StaffSurveysPage() {
  const { r } = useResultsI18n();
  useTitle(r.surveysTitle);
  return <StaffFrame>{() => <SurveyList />}</StaffFrame>;
}

function SurveyList() {
  const { r } = useResultsI18n();
  const { w } = useSurveysWorkspaceI18n();
  const surveys = useLoad('staff-surveys', () => staffApi.surveys());

  return (
    <>
      <h1 className="page-title">{r.surveysTitle}</h1>
      {/* Researchers and admins import surveys; staff may too, for their own municipalities. */}
      <p>
        <Link to="/staff/surveys/new" className="button" data-testid="new-survey-link">
          {w.newSurvey}
        </Link>
      </p>
      {surveys.state === 'loading' && <Loading />}
      {surveys.state === 'error' && <ErrorBox error={surveys.error} onRetry={surveys.retry} />}
      {surveys.state === 'ready' &&
        (surveys.data.length === 0 ? (
          <p className="notice">{r.noStaffSurveys}</p>
        ) : (
          <ul className="card-list">
            {surveys.data.map((survey) => (
              <li key={survey.id}>
                <SurveyCard survey={survey} />
              </li>
            ))}
          </ul>
        ))}
    </>
  );
}

function SurveyCard({ survey }: { survey: StaffSurvey }) {
  const { lang, t, r } = useResultsI18n();
  // A nicety: a failure leaves the slug as the title.
  const title = useLoad(`staff-survey-title:${survey.id}:${survey.currentVersion}`, () =>
    survey.currentVersion
        ? staffApi.version(survey.id, survey.currentVersion).then((v) => v.definition.title).catch(() => null)
        : Promise.resolve(null),
  );
  const text = (title.state === 'ready' && localized(title.data, lang)) || survey.slug;
  return (
    <Link to={`/staff/surveys/${encodeURIComponent(survey.id)}`} className="card card--link" data-testid={`staff-survey-${survey.slug}`}>
      <span className="card__body">
        <span className="card__title">{text}</span>
        <span className="card__meta">
          <span>{survey.slug}</span>
          <span>{survey.currentVersion ? r.currentVersion(survey.currentVersion) : r.noPublishedVersion}</span>
          <span>{r.municipalitiesCount(survey.municipalityCodes.length)}</span>
          {survey.closesAt && <span>{t.openUntil(formatMoment(survey.closesAt, lang))}</span>}
        </span>
      </span>
      <span className="card__chevron" aria-hidden="true">
        ›
      </span>
    </Link>
  );
}
