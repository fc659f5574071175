import { useQuery } from '@tanstack/react-query';
import { ErrorBox } from '../../components/ErrorBox';
import { Loading } from '../../components/Loading';
import { useTitle } from '../../components/useTitle';
import { Link } from '../../router';
import { StaffFrame } from '../../workspace/StaffFrame';
import { pick } from '../format';
import { consultationsApi } from './api';
import { useStaffMeetingsI18n } from './i18n';

/** `/staff/meetings/:id/attendance-sheet`: a page to print (print CSS hides everything but the sheet). */
export default function AttendanceSheetPage({ id }: { id: string }) {
  const { s } = useStaffMeetingsI18n();
  useTitle(s.attendanceSheet);
  return <StaffFrame>{() => <Sheet id={id} />}</StaffFrame>;
}

function Sheet({ id }: { id: string }) {
  const { lang, s } = useStaffMeetingsI18n();
  const sheet = useQuery({ queryKey: ['attendance-sheet', id], queryFn: () => consultationsApi.attendanceSheet(id) });
  if (sheet.isPending) return <Loading />;
  if (sheet.isError) return <ErrorBox error={sheet.error} onRetry={() => void sheet.refetch()} />;
  const { meeting, people, purged } = sheet.data;
  return (
    <article className="attendance-sheet" data-testid="attendance-sheet">
      <p className="no-print">
        <Link to={`/staff/meetings/${encodeURIComponent(id)}`}>‹ {pick(lang, meeting.titleLt, meeting.titleEn)}</Link>{' '}
        <button type="button" className="button" onClick={() => window.print()}>
          {s.print}
        </button>
      </p>
      <h1 className="page-title">{pick(lang, meeting.titleLt, meeting.titleEn)}</h1>
      <p>
        {pick(lang, meeting.consultationTitleLt, meeting.consultationTitleEn)} · {pick(lang, meeting.institution, meeting.institutionEn)}
      </p>
      <p>
        {meeting.localDate} {meeting.localTime} · {meeting.place ?? meeting.onlineUrl} · {pick(lang, meeting.municipalityNameLt, meeting.municipalityNameEn)}
      </p>
      {purged ? (
        <p className="notice">{s.sheetPurged}</p>
      ) : (
        <table className="table attendance-sheet__table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{s.colName}</th>
              <th scope="col">{s.colOrganisation}</th>
              <th scope="col">{s.colSignature}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((person, index) => (
              <tr key={person.signupId}>
                <td>{index + 1}</td>
                <td>{person.name}</td>
                <td>{person.partnerOrganisation ?? person.organisation ?? ''}</td>
                <td className="attendance-sheet__signature">{person.attended ? '✓' : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
