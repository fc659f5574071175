import { CHECKIN_CODE_PLACEHOLDER, MANAGE_URL_PLACEHOLDER, type NewMessage } from '@app/mail';
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
  | 'confirm_request'
  | 'duplicate'
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
    confirm_request: [
      'Patvirtinkite registraciją',
      'Gavome prašymą jus užregistruoti. Vieta dar neužimta: atidarykite žemiau esančią nuorodą per {minutes} min., kad ją gautumėte. Jei registracijos neprašėte, nieko nedarykite.',
    ],
    duplicate: [
      'Jūs jau užsiregistravę',
      'Kažkas (galbūt jūs) vėl bandė užsiregistruoti šiuo adresu. Jūsų registracija galioja, niekas nepasikeitė.',
    ],
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
    confirm: 'Patvirtinti',
  },
  en: {
    confirm_request: [
      'Confirm your sign-up',
      'We were asked to sign you up. No place is held yet: open the link below within {minutes} minutes to take one. If you did not ask, do nothing.',
    ],
    duplicate: [
      'You are already signed up',
      'Someone (perhaps you) tried to sign up again with this address. Your sign-up stands; nothing has changed.',
    ],
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
    confirm: 'Confirm',
  },
} as const;

/**
 * One message per recipient, by email (or text message for sign-ups from before email became
 * required). The manage link and check-in code are placeholders, filled in when the message is
 * sent (libs/mail message-secrets), so the stored message holds no working link.
 */
export function signupMessage(
  kind: MessageKind,
  meeting: MeetingForMessage,
  recipient: Recipient,
  extra: { staffText?: { subject: string; body: string }; confirmMinutes?: number } = {},
): NewMessage {
  const t = TEXT[recipient.language];
  const title = recipient.language === 'lt' ? meeting.title_lt : meeting.title_en;
  const [heading, rawLead] = kind === 'staff' ? [extra.staffText!.subject, extra.staffText!.body] : t[kind];
  const lead = kind === 'confirm_request' ? rawLead.replace('{minutes}', String(extra.confirmMinutes)) : rawLead;
  const showsCode = kind === 'confirmation' || kind === 'promoted' || kind === 'reminder';
  const lines = [
    lead,
    '',
    title,
    `${t.when}: ${when(meeting.starts_at, recipient.language)}`,
    meeting.place ? `${t.where}: ${meeting.place}` : null,
    meeting.online_url ? `${t.online}: ${meeting.online_url}` : null,
    showsCode && recipient.checkin_code ? `${t.code}: ${CHECKIN_CODE_PLACEHOLDER}` : null,
    kind === 'cancelled' || kind === 'meeting_cancelled' ? null : `${kind === 'confirm_request' ? t.confirm : t.manage}: ${MANAGE_URL_PLACEHOLDER}`,
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
