import { formatMoment } from '../../components/i18n';
import type { SignupRow } from './api';
import { useStaffMeetingsI18n } from './i18n';

/** Everyone who signed up: confirmed first, then the waitlist in order, then cancellations. */
export function SignupList({ rows }: { rows: SignupRow[] }) {
  const { lang, s } = useStaffMeetingsI18n();
  if (rows.length === 0) return <p className="notice">{s.noSignups}</p>;
  return (
    <div className="table-scroll">
      <table className="table table--stack" data-testid="signups">
        <caption className="sr-only">{s.signupsTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{s.colName}</th>
            <th scope="col">{s.colStatus}</th>
            <th scope="col">{s.colContact}</th>
            <th scope="col">{s.colOrganisation}</th>
            <th scope="col">{s.colCode}</th>
            <th scope="col">{s.colSignedUp}</th>
            <th scope="col">{s.colAttendance}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className={row.status === 'cancelled' ? 'row--muted' : undefined} data-testid={`signup-${row.id}`}>
              <th scope="row">{row.purged ? <em>{s.purged}</em> : row.name}</th>
              <td data-label={s.colStatus}>
                <span className={`status status--${row.status === 'confirmed' ? 'done' : row.status === 'waitlisted' ? 'retrying' : 'never'}`}>
                  {s.statuses[row.status] ?? row.status}
                </span>
              </td>
              <td data-label={s.colContact}>{row.email ?? row.phone ?? ''}</td>
              <td data-label={s.colOrganisation}>{[row.partnerOrganisation, row.organisation].filter(Boolean).join(' · ')}</td>
              <td data-label={s.colCode}>
                <code>{row.checkinCode ?? ''}</code>
              </td>
              <td data-label={s.colSignedUp}>{formatMoment(row.createdAt, lang)}</td>
              <td data-label={s.colAttendance}>{row.attendedAt ? `✓ ${formatMoment(row.attendedAt, lang)}` : s.notYet}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
