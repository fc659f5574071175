import { useState } from 'react';
import { ErrorBox } from '../../components/ErrorBox';
import { Loading } from '../../components/Loading';
import { pick } from '../format';
import { Link } from '../../router';
import { consultationsApi, type StaffConsultation } from './api';
import { useStaffMeetingsI18n } from './i18n';
import { MeetingsTable } from './MeetingsTable';
import { NewMeetingForm } from './NewMeetingForm';
import { PhaseForm } from './PhaseForm';
import { ReportForm } from './ReportForm';
import { EditConsultationForm } from './EditConsultationForm';
import { StaffFrame } from '../../workspace/StaffFrame';
import { useLoad } from '../../components/useLoad';
import { useTitle } from '../../components/useTitle';

export default function StaffConsultationPage({ id }: { id: string }) {
  return <StaffFrame>{() => <StaffConsultation id={id} />}</StaffFrame>;
}

function StaffConsultation({ id }: { id: string }) {
  const { lang, s } = useStaffMeetingsI18n();
  const loaded = useLoad(`staff-consultation:${id}`, () => consultationsApi.get(id));
  // Every change answers with the new state; it replaces what was loaded.
  const [changed, setChanged] = useState<StaffConsultation | null>(null);
  const [added, setAdded] = useState(0);
  const consultation = changed ?? (loaded.state === 'ready' ? loaded.data : null);
  useTitle(consultation ? pick(lang, consultation.titleLt, consultation.titleEn) : s.consultationsTitle);

  if (!consultation) {
    if (loaded.state === 'error') return <ErrorBox error={loaded.error} onRetry={loaded.retry} />;
    return <Loading />;
  }
  const meetings = consultation.meetings ?? [];

  return (
    <>
      <nav className="crumbs" aria-label="breadcrumb">
        <Link to="/staff/consultations">‹ {s.backToConsultations}</Link>
      </nav>
      <h1 className="page-title" data-testid="consultation-title">
        {pick(lang, consultation.titleLt, consultation.titleEn)}
      </h1>
      <p className="results__meta">
        {pick(lang, consultation.municipalityNameLt, consultation.municipalityNameEn) || consultation.municipalityCode} ·{' '}
        {pick(lang, consultation.institution, consultation.institutionEn || consultation.institution)} · <Link to={`/consultations/${encodeURIComponent(consultation.id)}`}>{s.publicPage}</Link>
      </p>

      <section className="staff-section" aria-labelledby="phase-title">
        <h2 id="phase-title" className="staff-section__title">
          {s.phaseTitle}
        </h2>
        <PhaseForm consultation={consultation} onChange={setChanged} />
      </section>

      <section className="staff-section" aria-labelledby="meetings-title">
        <h2 id="meetings-title" className="staff-section__title">
          {s.meetingsTitle}
        </h2>
        <MeetingsTable meetings={meetings} />
        {added > 0 && (
          <p className="notice notice--success" role="status">
            {s.meetingAdded}
          </p>
        )}
        <h3 className="results__heading">{s.addMeeting}</h3>
        <NewMeetingForm
          key={added}
          consultationId={consultation.id}
          municipalityCode={consultation.municipalityCode}
          onAdded={(meeting) => {
            const all = [...meetings, { ...meeting, attended: meeting.attended ?? 0 }];
            all.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
            setChanged({ ...consultation, meetings: all });
            setAdded((n) => n + 1);
          }}
        />
      </section>

      <section className="staff-section" aria-labelledby="edit-consultation-title">
        <details>
          <summary id="edit-consultation-title" className="staff-section__title">
            {s.editConsultationTitle}
          </summary>
          <EditConsultationForm consultation={consultation} onChange={setChanged} />
        </details>
      </section>

      <section className="staff-section" aria-labelledby="report-title">
        <h2 id="report-title" className="staff-section__title">
          {s.reportTitle}
        </h2>
        <ReportForm key={consultation.report?.publishedAt ?? 'none'} consultation={consultation} onChange={setChanged} />
      </section>
    </>
  );
}
