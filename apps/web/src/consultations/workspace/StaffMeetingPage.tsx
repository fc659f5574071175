import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { EditMeetingForm } from './EditMeetingForm';
import { MessageHistory } from './MessageHistory';
import { ErrorBox } from '../../components/ErrorBox';
import { Loading } from '../../components/Loading';
import { formatMoment } from '../../components/i18n';
import { meetingsApi } from '../api';
import { formatWhen, pick } from '../format';
import { useMeetingsI18n } from '../i18n';
import { Link } from '../../router';
import { consultationsApi } from './api';
import { CancelMeeting } from './CancelMeeting';
import { CheckInBox } from './CheckInBox';
import { useStaffMeetingsI18n } from './i18n';
import { MessageForm } from './MessageForm';
import { SignupList } from './SignupList';
import { useRefreshable } from './useRefreshable';
import { StaffFrame } from '../../workspace/StaffFrame';
import { useTitle } from '../../components/useTitle';
import { withLang } from '../../components/withLang';

/** `/staff/meetings/:id` (and `/check-in?code=`, where a scanned QR code lands): check-in, sign-ups, messages, cancelling. */
export default function StaffMeetingPage({ id, checkInCode }: { id: string; checkInCode?: string | null }) {
  return <StaffFrame>{() => <StaffMeeting id={id} checkInCode={checkInCode} />}</StaffFrame>;
}

function StaffMeeting({ id, checkInCode }: { id: string; checkInCode?: string | null }) {
  const { lang, s } = useStaffMeetingsI18n();
  const { m } = useMeetingsI18n();
  // The meeting's own facts are public; the sign-ups are the staff's, in their municipalities only.
  const meeting = useRefreshable(`meeting:${id}`, () => meetingsApi.meeting(id));
  const signups = useRefreshable(`signups:${id}`, () => consultationsApi.signups(id));
  const [notified, setNotified] = useState<number | null>(null);
  const client = useQueryClient();
  const data = meeting.data;
  useTitle(data ? pick(lang, data.titleLt, data.titleEn) : s.meetingTitle);

  // The sign-ups are scoped to the staff member's municipalities: until they answer, nothing is
  // drawn, and when they say "not found" (another municipality's meeting) that is all the page says.
  if (signups.data === null && signups.error !== null) return <ErrorBox error={signups.error} onRetry={signups.refresh} />;
  if (!data) return meeting.error !== null ? <ErrorBox error={meeting.error} onRetry={meeting.refresh} /> : <Loading />;
  if (signups.data === null) return <Loading />;
  const rows = signups.data.items;
  const attended = rows.filter((row) => row.attendedAt).length;
  const refresh = () => {
    meeting.refresh();
    signups.refresh();
  };
  const refreshAll = () => {
    refresh();
    void client.invalidateQueries({ queryKey: ['meeting-messages', id] });
  };

  return (
    <>
      <nav className="crumbs" aria-label="breadcrumb">
        <Link to={`/staff/consultations/${encodeURIComponent(data.consultationId)}`}>
          ‹ {pick(lang, data.consultationTitleLt, data.consultationTitleEn) || s.backToConsultation}
        </Link>
      </nav>
      <h1 className="page-title" data-testid="meeting-title">
        {pick(lang, data.titleLt, data.titleEn)}
      </h1>
      <p className="results__meta">
        {m.kinds[data.kind] ?? data.kind} · {formatWhen(data.startsAt, data.endsAt, lang)}
        {data.place ? ` · ${data.place}` : ''}
      </p>
      {data.cancelledAt && <p className="notice notice--error">{s.meetingCancelled(formatMoment(data.cancelledAt, lang))}</p>}
      {notified !== null && (
        <p className="notice notice--success" role="status">
          {s.cancelledOk(notified)}
        </p>
      )}
      <dl className="numbers" data-testid="meeting-numbers">
        <div className="numbers__item">
          <dt>{s.confirmedOf}</dt>
          <dd>
            {data.confirmed} / {data.capacity}
          </dd>
        </div>
        <div className="numbers__item">
          <dt>{s.waitlistedLabel}</dt>
          <dd>{data.waitlisted}</dd>
        </div>
        <div className="numbers__item">
          <dt>{s.attendedLabel}</dt>
          <dd>{signups.data ? attended : '…'}</dd>
        </div>
      </dl>

      <section className="staff-section" aria-labelledby="checkin-title">
        <h2 id="checkin-title" className="staff-section__title">
          {s.checkInTitle}
        </h2>
        <CheckInBox meetingId={id} initialCode={checkInCode} onCheckedIn={signups.refresh} />
      </section>

      <section className="staff-section" aria-labelledby="signups-title">
        <h2 id="signups-title" className="staff-section__title">
          {s.signupsTitle}
        </h2>
        <p>
          <a className="button button--secondary button--small" href={withLang(consultationsApi.signupsCsvUrl(id), lang)} download data-testid="signups-csv">
            {s.downloadCsv}
          </a>{' '}
          <Link className="button button--secondary button--small" to={`/staff/meetings/${encodeURIComponent(id)}/attendance-sheet`} data-testid="attendance-sheet-link">
            {s.attendanceSheet}
          </Link>
        </p>
        {signups.error !== null && <ErrorBox error={signups.error} onRetry={signups.refresh} />}
        {signups.data === null && signups.error === null && <Loading />}
        {signups.data && <SignupList rows={rows} />}
      </section>

      {!data.cancelledAt && (
        <>
          {new Date(data.startsAt).getTime() > Date.now() && (
            <section className="staff-section" aria-labelledby="edit-title">
              <h2 id="edit-title" className="staff-section__title">
                {s.editMeetingTitle}
              </h2>
              <EditMeetingForm key={`${data.startsAt}:${data.capacity}`} meeting={data} onSaved={refreshAll} />
            </section>
          )}
          <section className="staff-section" aria-labelledby="message-title">
            <h2 id="message-title" className="staff-section__title">
              {s.messageTitle}
            </h2>
            <MessageForm meetingId={id} onSent={refreshAll} />
          </section>
          <section className="staff-section" aria-labelledby="history-title">
            <h2 id="history-title" className="staff-section__title">
              {s.messagesHistoryTitle}
            </h2>
            <MessageHistory meetingId={id} />
          </section>
          <section className="staff-section" aria-labelledby="cancel-title">
            <h2 id="cancel-title" className="staff-section__title">
              {s.cancelTitle}
            </h2>
            <CancelMeeting
              meetingId={id}
              onCancelled={(n) => {
                setNotified(n);
                refresh();
              }}
            />
          </section>
        </>
      )}
    </>
  );
}
