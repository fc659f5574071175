import { ErrorBox } from '../../components/ErrorBox';
import { studiesApi, type Study, type StudyStatus } from '../api';
import { useStudiesI18n } from '../i18n';
import { useStudyAction } from './useStudyAction';

/** Start, close or reopen fieldwork. The server says what is missing before a start (consent, ethics). */
export function StatusPanel({ study }: { study: Study }) {
  const { st } = useStudiesI18n();
  const action = useStudyAction(study.id);
  const next: { status: StudyStatus; label: string }[] =
    study.status === 'draft'
      ? [{ status: 'active', label: st.startFieldwork }]
      : study.status === 'active'
        ? [{ status: 'closed', label: st.closeFieldwork }]
        : [{ status: 'active', label: st.reopenFieldwork }];
  return (
    <section className="panel" data-testid="status-panel">
      <h2 className="section-title">{st.statusTitle}</h2>
      <p className="muted">{st.statusHint}</p>
      {study.canManage &&
        next.map(({ status, label }) => (
          <button
            key={status}
            type="button"
            className="button"
            disabled={action.busy}
            onClick={() => void action.run(() => studiesApi.setStatus(study.id, status), st.saved)}
            data-testid={`study-status-${status}`}
          >
            {label}
          </button>
        ))}
      {action.error !== null && <ErrorBox error={action.error} />}
    </section>
  );
}
