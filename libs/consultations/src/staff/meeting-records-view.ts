/**
 * What the staff meeting endpoints answer with (edit, message history, attendance sheet). A
 * types-only file (no decorators, no server imports) so the web app imports it type-only.
 */
import type { MeetingView } from '../meeting-view';

export interface MeetingEditResult {
  meeting: MeetingView;
  /** Fields whose value changed. */
  changed: string[];
  /** Waitlisted people given a place by a capacity increase. */
  promoted: number;
  /** People told about a new time or place. */
  notified: number;
  /** Whether a reminder is planned for the new time (none when its time has already passed). */
  reminderPlanned: boolean | null;
}

export interface MessageHistoryItem {
  id: string;
  kind: string;
  createdAt: Date;
  /** null: sent by the platform (reminders). */
  sentBy: string | null;
  recipients: number;
  sent: number;
  /** Not yet sent, or sending failed and is being retried. */
  pending: number;
  failing: number;
  /** Rendered for no one: no contact, no check-in code, a placeholder for the personal link; null once purged. */
  subjectPreview: string | null;
  bodyPreview: string | null;
}

export interface AttendanceSheet {
  meeting: {
    id: string;
    titleLt: string;
    titleEn: string;
    startsAt: Date;
    endsAt: Date;
    place: string | null;
    onlineUrl: string | null;
    /** The meeting day and time in Vilnius, as printed. */
    localDate: string;
    localTime: string;
    municipalityCode: string;
    municipalityNameLt: string;
    municipalityNameEn: string;
    consultationTitleLt: string;
    consultationTitleEn: string;
    institution: string;
    institutionEn: string;
  };
  /** Everyone holding a place, by name (Lithuanian alphabetical order), for signatures on paper. */
  people: { signupId: string; name: string | null; organisation: string | null; partnerOrganisation: string | null; checkinCode: string | null; attended: boolean }[];
  purged: boolean;
}
