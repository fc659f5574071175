import type { Lang } from '../components/i18n';
import type { Meeting, MeetingDetails } from './api';
import type { MeetingsDict } from './i18n';

/** Texts the server keeps in both languages (titleLt/titleEn...); the other one if this one is empty. */
export function pick(lang: Lang, lt: string | null | undefined, en: string | null | undefined): string {
  return (lang === 'lt' ? lt || en : en || lt) ?? '';
}

const LOCALES: Record<Lang, string> = { lt: 'lt-LT', en: 'en-GB' };
const ZONE = 'Europe/Vilnius';

const dayFormat = (lang: Lang) =>
  new Intl.DateTimeFormat(LOCALES[lang], { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: ZONE });
const timeFormat = (lang: Lang) => new Intl.DateTimeFormat(LOCALES[lang], { hour: '2-digit', minute: '2-digit', timeZone: ZONE });

/** "Tuesday 3 March 2026, 18:00–20:00" in Lithuanian time; both days when it runs past midnight. */
export function formatWhen(startsAt: string, endsAt: string, lang: Lang): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return startsAt;
  const day = dayFormat(lang);
  const time = timeFormat(lang);
  if (day.format(start) === day.format(end)) return `${day.format(start)}, ${time.format(start)}–${time.format(end)}`;
  return `${day.format(start)}, ${time.format(start)} – ${day.format(end)}, ${time.format(end)}`;
}

/** Why a resident cannot sign up, or null when they can. */
export function closedReason(meeting: Meeting | MeetingDetails, m: MeetingsDict, now = Date.now()): string | null {
  if (meeting.signupOpen) return null;
  if (meeting.cancelledAt) return m.closedCancelled;
  if (new Date(meeting.startsAt).getTime() <= now) return m.closedPast;
  if (new Date(meeting.signupDeadline).getTime() <= now) return m.closedDeadline;
  return m.closedPhase;
}
