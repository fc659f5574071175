import { ErrorBox } from '../../components/ErrorBox';
import { Loading } from '../../components/Loading';
import { formatMoment } from '../../components/i18n';
import { meetingsApi, type OutcomeReport } from '../api';
import { pick } from '../format';
import { useMeetingsI18n } from '../i18n';
import { MeetingCard } from '../MeetingCard';
import { PhaseSteps } from '../PhaseSteps';
import { Link } from '../../router';
import { useLoad } from '../../components/useLoad';
import { useTitle } from '../../components/useTitle';

/** `/consultations/:id`: what is being decided and by whom, its meetings, and the outcome once published. */
export default function ConsultationPage({ id }: { id: string }) {
  const { lang, m } = useMeetingsI18n();
  const consultation = useLoad(`consultation:${id}`, () => meetingsApi.consultation(id));
  const c = consultation.state === 'ready' ? consultation.data : null;
  useTitle(c ? pick(lang, c.titleLt, c.titleEn) : null);

  if (consultation.state === 'loading') return <Loading />;
  if (consultation.state === 'error') return <ErrorBox error={consultation.error} onRetry={consultation.retry} />;
  const data = consultation.data;
  const municipality = pick(lang, data.municipalityNameLt, data.municipalityNameEn) || data.municipalityCode;
  const description = pick(lang, data.descriptionLt, data.descriptionEn);
  const meetings = data.meetings ?? [];

  return (
    <>
      <nav className="crumbs" aria-label="breadcrumb">
        <Link to={`/m/${encodeURIComponent(data.municipalityCode)}/meetings`}>‹ {m.meetingsTitle(municipality)}</Link>
      </nav>
      <h1 className="page-title" data-testid="consultation-title">
        {pick(lang, data.titleLt, data.titleEn)}
      </h1>
      <PhaseSteps phase={data.phase} />
      <dl className="facts">
        <div className="facts__row">
          <dt>{m.institution}</dt>
          <dd>{pick(lang, data.institution, data.institutionEn || data.institution)}</dd>
        </div>
      </dl>
      {description && <div className="prose">{description}</div>}

      {data.report && <Report report={data.report} />}

      <h2 className="section-title">{m.meetingsOfConsultation}</h2>
      {meetings.length === 0 ? (
        <p className="notice">{m.noMeetingsOfConsultation}</p>
      ) : (
        <ul className="card-list">
          {meetings.map((meeting) => (
            <li key={meeting.id}>
              <MeetingCard meeting={meeting} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Report({ report }: { report: OutcomeReport }) {
  const { lang, m } = useMeetingsI18n();
  return (
    <section className="report" aria-labelledby="report-title" data-testid="report">
      <h2 id="report-title" className="report__title">
        {m.reportTitle}
      </h2>
      <p className="report__date">{m.reportPublished(formatMoment(report.publishedAt, lang))}</p>
      <h3 className="report__heading">{m.heard}</h3>
      <div className="prose">{pick(lang, report.heardLt, report.heardEn)}</div>
      <h3 className="report__heading">{m.decided}</h3>
      <div className="prose">{pick(lang, report.decidedLt, report.decidedEn)}</div>
    </section>
  );
}
