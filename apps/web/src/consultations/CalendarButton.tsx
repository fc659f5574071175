import { useState } from 'react';
import { ErrorBox } from '../components/ErrorBox';
import { meetingsApi } from './api';
import { useMeetingsI18n } from './i18n';

/** The .ics needs the manage token in a header, so it is fetched and handed to the browser as a download. */
export function CalendarButton({ token }: { token: string }) {
  const { m } = useMeetingsI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const blob = await meetingsApi.calendar(token);
      const url = URL.createObjectURL(new Blob([blob], { type: 'text/calendar' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = 'meeting.ics';
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="button button--block" disabled={busy} onClick={download} data-testid="add-to-calendar">
        {m.addToCalendar}
      </button>
      {error !== null && <ErrorBox error={error} />}
    </>
  );
}
