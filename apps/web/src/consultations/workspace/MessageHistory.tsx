import { useQuery } from '@tanstack/react-query';
import { ErrorBox } from '../../components/ErrorBox';
import { formatMoment } from '../../components/i18n';
import { Loading } from '../../components/Loading';
import { consultationsApi } from './api';
import { useStaffMeetingsI18n } from './i18n';

/** Every message this meeting's people were sent: when, what, to how many, and a preview with no one's details. */
export function MessageHistory({ meetingId }: { meetingId: string }) {
  const { lang, s } = useStaffMeetingsI18n();
  const history = useQuery({ queryKey: ['meeting-messages', meetingId], queryFn: () => consultationsApi.messageHistory(meetingId) });
  if (history.isPending) return <Loading />;
  if (history.isError) return <ErrorBox error={history.error} onRetry={() => void history.refetch()} />;
  if (!history.data.items.length) return <p className="muted">{s.noMessages}</p>;
  return (
    <ul className="plain-list" data-testid="message-history">
      {history.data.items.map((item) => (
        <li key={item.id} className="version-row" data-testid="message-history-item" data-kind={item.kind}>
          <strong>{s.messageKinds[item.kind] ?? item.kind}</strong> · {formatMoment(item.createdAt, lang)} · {item.sentBy ?? s.sentByPlatform} ·{' '}
          {s.colRecipients}: {item.recipients} · {s.colSent}: {item.sent} · {s.colPending}: {item.pending}
          {item.subjectPreview && (
            <details>
              <summary>{s.previewLabel}</summary>
              <p>
                <strong>{item.subjectPreview}</strong>
              </p>
              <pre className="message-preview">{item.bodyPreview}</pre>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
