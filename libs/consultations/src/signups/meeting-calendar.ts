import { createEvent } from 'ics';
import type { Language } from '../kinds';

export interface CalendarMeeting {
  id: string;
  title_lt: string;
  title_en: string;
  starts_at: Date;
  ends_at: Date;
  place: string | null;
  online_url: string | null;
  cancelled_at: Date | null;
  institution: string;
}

/** The meeting as an iCalendar event (RFC 5545), written by the `ics` library. */
export function meetingCalendar(meeting: CalendarMeeting, language: Language, host: string): string {
  const { error, value } = createEvent({
    uid: `meeting-${meeting.id}@${host}`,
    productId: 'local-democracy-platform',
    title: language === 'lt' ? meeting.title_lt : meeting.title_en,
    description: meeting.institution,
    start: meeting.starts_at.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: meeting.ends_at.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    location: meeting.place ?? meeting.online_url ?? undefined,
    url: meeting.online_url ?? undefined,
    status: meeting.cancelled_at ? 'CANCELLED' : 'CONFIRMED',
  });
  if (error || !value) throw error ?? new Error('the calendar event could not be written');
  return value;
}
