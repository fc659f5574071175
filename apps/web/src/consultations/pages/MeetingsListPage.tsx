import { api } from '../../surveys/api';
import { ErrorBox } from '../../components/ErrorBox';
import { Loading } from '../../components/Loading';
import { municipalityName } from '../../components/i18n';
import { meetingsApi, type Consultation } from '../api';
import { pick } from '../format';
import { useMeetingsI18n } from '../i18n';
import { MeetingCard } from '../MeetingCard';
import { Link } from '../../router';
import { useLoad } from '../../components/useLoad';
import { useTitle } from '../../components/useTitle';

/** `/m/:code/meetings`: a municipality's upcoming meetings, soonest first, and its consultations. */
export default function MeetingsListPage({ code }: { code: string }) {
  const { lang, m } = useMeetingsI18n();
  const meetings = useLoad(`meetings:${code}`, () => meetingsApi.upcoming(code));
  const consultations = useLoad(`consultations:${code}`, () => meetingsApi.consultations(code));
  // Only for the heading: a failure here must not hide the meetings.
  const municipalities = useLoad('municipalities', () => api.municipalities().catch(() => []));
  const name = municipalityName(municipalities.state === 'ready' ? municipalities.data : undefined, code, lang);
  useTitle(m.meetingsTitle(name));

  return (
    <>
      <nav className="crumbs" aria-label="breadcrumb">
        <Link to={`/m/${encodeURIComponent(code)}`}>‹ {name}</Link>
      </nav>
      <h1 className="page-title">{m.meetingsTitle(name)}</h1>

      <h2 className="section-title">{m.upcomingMeetings}</h2>
      {meetings.state === 'loading' && <Loading />}
      {meetings.state === 'error' && <ErrorBox error={meetings.error} onRetry={meetings.retry} />}
      {meetings.state === 'ready' &&
        (meetings.data.length === 0 ? (
          <p className="notice" data-testid="no-meetings">
            {m.noMeetings}
          </p>
        ) : (
          <ul className="card-list" data-testid="meetings">
            {meetings.data.map((meeting) => (
              <li key={meeting.id}>
                <MeetingCard meeting={meeting} showConsultation />
              </li>
            ))}
          </ul>
        ))}

      <h2 className="section-title">{m.consultationsTitle}</h2>
      {consultations.state === 'loading' && <Loading />}
      {consultations.state === 'error' && <ErrorBox error={consultations.error} onRetry={consultations.retry} />}
      {consultations.state === 'ready' &&
        (consultations.data.length === 0 ? (
          <p className="notice">{m.noConsultations}</p>
        ) : (
          <ul className="card-list">
            {consultations.data.map((c) => (
              <li key={c.id}>
                <ConsultationCard consultation={c} />
              </li>
            ))}
          </ul>
        ))}
    </>
  );
}

function ConsultationCard({ consultation }: { consultation: Consultation }) {
  const { lang, m } = useMeetingsI18n();
  return (
    <Link to={`/consultations/${encodeURIComponent(consultation.id)}`} className="card card--link" data-testid={`consultation-${consultation.id}`}>
      <span className="card__body">
        <span className="card__title">{pick(lang, consultation.titleLt, consultation.titleEn)}</span>
        <span className="card__meta">
          <span className={`badge badge--phase badge--${consultation.phase}`}>{m.phases[consultation.phase] ?? consultation.phase}</span>
          <span>{pick(lang, consultation.institution, consultation.institutionEn || consultation.institution)}</span>
        </span>
      </span>
      <span className="card__chevron" aria-hidden="true">›</span>
    </Link>
  );
}
