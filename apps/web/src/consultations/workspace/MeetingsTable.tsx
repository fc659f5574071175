import { formatWhen, pick } from '../format';
import { useMeetingsI18n } from '../i18n';
import { Link } from '../../router';
import type { StaffMeeting } from './api';
import { useStaffMeetingsI18n } from './i18n';

/** A consultation's meetings with places held, waiting and attended against capacity. */
export function MeetingsTable({ meetings }: { meetings: StaffMeeting[] }) {
  const { lang, s } = useStaffMeetingsI18n();
  const { m } = useMeetingsI18n();
  if (meetings.length === 0) return <p className="notice">{s.noMeetings}</p>;
  return (
    <div className="table-scroll">
      <table className="table table--stack" data-testid="staff-meetings">
        <caption className="sr-only">{s.meetingsTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{s.colTitle}</th>
            <th scope="col">{s.colKind}</th>
            <th scope="col">{s.colWhen}</th>
            <th scope="col" className="num">
              {s.colConfirmed}
            </th>
            <th scope="col" className="num">
              {s.colWaitlisted}
            </th>
            <th scope="col" className="num">
              {s.colAttended}
            </th>
          </tr>
        </thead>
        <tbody>
          {meetings.map((meeting) => (
            <tr key={meeting.id} className={meeting.cancelledAt ? 'row--muted' : undefined}>
              <th scope="row">
                <Link to={`/staff/meetings/${encodeURIComponent(meeting.id)}`}>{pick(lang, meeting.titleLt, meeting.titleEn)}</Link>
                {meeting.cancelledAt && (
                  <>
                    {' '}
                    <span className="badge">{s.cancelled}</span>
                  </>
                )}
              </th>
              <td data-label={s.colKind}>{m.kinds[meeting.kind] ?? meeting.kind}</td>
              <td data-label={s.colWhen}>{formatWhen(meeting.startsAt, meeting.endsAt, lang)}</td>
              <td data-label={s.colConfirmed} className="num">
                {meeting.confirmed} / {meeting.capacity}
              </td>
              <td data-label={s.colWaitlisted} className="num">
                {meeting.waitlisted}
              </td>
              <td data-label={s.colAttended} className="num">
                {meeting.attended}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
