import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorBox } from '../components/ErrorBox';
import { formatMoment } from '../components/i18n';
import { Loading } from '../components/Loading';
import { useTitle } from '../components/useTitle';
import { AdminFrame } from './AdminFrame';
import { adminApi } from './api';
import { useAdminI18n } from './i18n';

const PAGE = 50;

/** Actions the filter offers; the log's own list is libs/audit/src/audit-entry.ts (AUDIT_ACTIONS). */
const ACTIONS = [
  'results.published',
  'results.released',
  'results.withdrawn',
  'results.exported',
  'invitations.exported',
  'signups.exported',
  'meeting.updated',
  'meeting.cancelled',
  'meeting.messaged',
  'meeting.checkin_override',
  'consultation.updated',
  'consultation.report_published',
  'account.created',
  'account.updated',
  'account.password_changed',
  'account.password_reset_requested',
  'account.password_reset',
  'account.password_set_by_admin',
  'token.revoked',
  'study.created',
  'study.updated',
  'study.status_changed',
  'study.instrument_attached',
  'study.instrument_updated',
  'study.instrument_detached',
  'study.consent_versioned',
  'study.policy_updated',
  'study.meeting_linked',
  'study.meeting_unlinked',
  'study.withdrawal',
  'study.retention_applied',
];

/** Who did what, newest first, filtered by action and paged. Details are counts and field names, never personal values. */
export default function AuditPage() {
  const { a } = useAdminI18n();
  useTitle(a.auditTitle);
  return <AdminFrame>{() => <Audit />}</AdminFrame>;
}

function Audit() {
  const { lang, a } = useAdminI18n();
  const [action, setAction] = useState('');
  const [offset, setOffset] = useState(0);
  const page = useQuery({
    queryKey: ['audit', action, offset],
    queryFn: () => adminApi.audit({ action: action || undefined, limit: PAGE, offset }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <h1 className="page-title">{a.auditTitle}</h1>
      <p className="muted">{a.auditIntro}</p>
      <label className="field">
        <span className="field__label">{a.filter}</span>
        <select
          className="field__input"
          value={action}
          onChange={(e) => {
            setAction(e.target.value);
            setOffset(0);
          }}
          data-testid="audit-action"
        >
          <option value="">{a.allActions}</option>
          {ACTIONS.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      </label>
      {page.isPending && <Loading />}
      {page.isError && <ErrorBox error={page.error} onRetry={() => void page.refetch()} />}
      {page.data &&
        (page.data.items.length === 0 ? (
          <p className="notice">{a.noEntries}</p>
        ) : (
          <>
            <div className="table-scroll">
              <table className="table" data-testid="audit-log">
                <thead>
                  <tr>
                    <th scope="col">{a.colWhen}</th>
                    <th scope="col">{a.colWho}</th>
                    <th scope="col">{a.colAction}</th>
                    <th scope="col">{a.colTarget}</th>
                    <th scope="col">{a.colDetails}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.data.items.map((entry) => (
                    <tr key={entry.id} data-testid="audit-entry" data-action={entry.action}>
                      <td>{formatMoment(entry.at, lang)}</td>
                      <td>{entry.actorEmail ?? a.system}</td>
                      <td>{entry.action}</td>
                      <td>
                        {entry.targetType}
                        {entry.municipalityCode ? ` · ${entry.municipalityCode}` : ''}
                      </td>
                      <td>
                        <code className="small">{JSON.stringify(entry.details)}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="toolbar">
              <button type="button" className="button button--secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                {a.previous}
              </button>
              <span>{a.shown(offset + 1, offset + page.data.items.length, page.data.total)}</span>
              <button type="button" className="button button--secondary" disabled={offset + PAGE >= page.data.total} onClick={() => setOffset(offset + PAGE)}>
                {a.next}
              </button>
            </p>
          </>
        ))}
    </>
  );
}
