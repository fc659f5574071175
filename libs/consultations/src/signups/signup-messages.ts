import type { NewMessage } from '@app/mail';
import type { Language } from '../kinds';

/** What a message about a meeting needs to say; the sign-up's own language picks the text. */
export interface MeetingForMessage {
  title_lt: string;
  title_en: string;
  starts_at: Date;
  place: string | null;
  online_url: string | null;
}

export interface Recipient {
  id: string;
  language: Language;
  email: string | null;
  phone: string | null;
  checkin_code: string | null;
}

export type MessageKind =
  | 'confirmation'
  | 'waitlisted'
  | 'promoted'
  | 'cancelled'
  | 'meeting_cancelled'
  | 'meeting_changed'
  | 'reminder'
  | 'staff';

/**
 * Meetings are in Lithuania (the Norwegian visit aside); times are written in Vilnius time.
 * Formatters are built once: building one costs more than the rest of a message.
 */
const FORMATS: Record<Language, Intl.DateTimeFormat> = {
  lt: new Intl.DateTimeFormat('lt-LT', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Vilnius' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Vilnius' }),
};
const when = (date: Date, language: Language) => FORMATS[language].format(date);

const TEXT = {
  lt: {
    confirmation: ['Registracija patvirtinta', 'Jūsų vieta užregistruota.'],
    waitlisted: ['Jūs laukiančiųjų sąraše', 'Vietų neliko, todėl esate laukiančiųjų sąraše. Atsilaisvinus vietai, ją gausite automatiškai ir jums pranešime.'],
    promoted: ['Gavote vietą', 'Atsilaisvino vieta, ir ji dabar jūsų.'],
    cancelled: ['Registracija atšaukta', 'Jūsų registracija atšaukta.'],
    meeting_cancelled: ['Renginys atšauktas', 'Deja, šis renginys atšauktas.'],
    meeting_changed: ['Renginys pakeistas', 'Pasikeitė renginio laikas arba vieta. Štai naujausia informacija.'],
    reminder: ['Priminimas', 'Primename apie renginį, į kurį užsiregistravote.'],
    when: 'Laikas',
    where: 'Vieta',
    online: 'Nuoroda',
    code: 'Registracijos kodas',
    manage: 'Peržiūrėti ar atšaukti',
  },
  en: {
    confirmation: ['Your place is confirmed', 'Your place is booked.'],
    waitlisted: ['You are on the waitlist', 'The meeting is full, so you are on the waitlist. If a place frees up it becomes yours automatically, and we will tell you.'],
    promoted: ['You have a place', 'A place became free, and it is now yours.'],
    cancelled: ['Sign-up cancelled', 'Your sign-up is cancelled.'],
    meeting_cancelled: ['Meeting cancelled', 'We are sorry: this meeting has been cancelled.'],
    meeting_changed: ['Meeting changed', 'The time or place of the meeting has changed. Here are the latest details.'],
    reminder: ['Reminder', 'A reminder of the meeting you signed up for.'],
    when: 'When',
    where: 'Where',
    online: 'Link',
    code: 'Check-in code',
    manage: 'See or cancel',
  },
} as const;

/** One message per recipient, by email or text message, whichever contact they gave. */
export function signupMessage(
  kind: MessageKind,
  meeting: MeetingForMessage,
  recipient: Recipient,
  manageUrl: string,
  staffText?: { subject: string; body: string },
): NewMessage {
  const t = TEXT[recipient.language];
  const title = recipient.language === 'lt' ? meeting.title_lt : meeting.title_en;
  const [heading, lead] = kind === 'staff' ? [staffText!.subject, staffText!.body] : t[kind];
  const showsCode = kind === 'confirmation' || kind === 'promoted' || kind === 'reminder';
  const lines = [
    lead,
    '',
    title,
    `${t.when}: ${when(meeting.starts_at, recipient.language)}`,
    meeting.place ? `${t.where}: ${meeting.place}` : null,
    meeting.online_url ? `${t.online}: ${meeting.online_url}` : null,
    showsCode && recipient.checkin_code ? `${t.code}: ${recipient.checkin_code}` : null,
    kind === 'cancelled' || kind === 'meeting_cancelled' ? null : `${t.manage}: ${manageUrl}`,
  ].filter((line): line is string => line !== null);
  return {
    signupId: recipient.id,
    kind,
    channel: recipient.email ? 'email' : 'sms',
    recipient: (recipient.email ?? recipient.phone)!,
    subject: `${heading}: ${title}`.slice(0, 300),
    body: lines.join('\n'),
  };
}
