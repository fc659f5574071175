import { useState } from 'react';
import { ErrorBox } from '../../components/ErrorBox';
import { consultationsApi } from './api';
import { useStaffMeetingsI18n } from './i18n';

/** Cancels the meeting after an explicit second yes; everyone signed up is told. */
export function CancelMeeting({ meetingId, onCancelled }: { meetingId: string; onCancelled: (notified: number) => void }) {
  const { s } = useStaffMeetingsI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const cancel = async () => {
    setBusy(true);
    setError(null);
    try {
      const { notified } = await consultationsApi.cancelMeeting(meetingId);
      onCancelled(notified);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {confirming ? (
        <div className="notice notice--warning confirm" role="group" aria-label={s.cancelMeeting}>
          <p className="notice__text">{s.cancelConfirm}</p>
          <div className="actions actions--row">
            <button type="button" className="button button--danger" disabled={busy} onClick={cancel} data-testid="cancel-meeting-confirm">
              {s.cancelYes}
            </button>
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => setConfirming(false)}>
              {s.keep}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button button--danger" onClick={() => setConfirming(true)} data-testid="cancel-meeting">
          {s.cancelMeeting}
        </button>
      )}
      {error !== null && <ErrorBox error={error} />}
    </>
  );
}
