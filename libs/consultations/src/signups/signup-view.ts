/**
 * A sign-up as its owner sees it through the manage link (and right after signing up). A
 * types-only file so the web app imports it type-only; relative imports only.
 */
import type { Language } from '../kinds';

export interface SignupView {
  id: string;
  /** pending: asked for, not yet confirmed by the link sent to the contact; holds no seat. */
  status: 'pending' | 'confirmed' | 'waitlisted' | 'cancelled';
  /** Places ahead in the waitlist, counting from 1; null unless waitlisted. */
  waitlistPosition: number | null;
  name: string;
  contact: string;
  organisation: string | null;
  partnerOrganisation: string | null;
  language: Language;
  /** Shown once the sign-up holds a place or a waitlist entry; null while pending. */
  checkinCode: string | null;
  checkinUrl: string | null;
  attended: boolean;
  meeting: {
    id: string;
    consultationId: string;
    titleLt: string;
    titleEn: string;
    startsAt: Date;
    endsAt: Date;
    place: string | null;
    onlineUrl: string | null;
    cancelled: boolean;
  };
}

/** What asking for a place answers, the same whoever's contact it was: no id, no token, no status of anyone. */
export interface SignupRequested {
  status: 'pending';
  confirmWithinMinutes: number;
}
