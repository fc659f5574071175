/**
 * A sign-up as its owner sees it through the manage link (and right after signing up). A
 * types-only file so the web app imports it type-only; relative imports only.
 */
import type { Language } from '../kinds';

export interface SignupView {
  id: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  /** Places ahead in the waitlist, counting from 1; null unless waitlisted. */
  waitlistPosition: number | null;
  name: string;
  contact: string;
  organisation: string | null;
  partnerOrganisation: string | null;
  language: Language;
  checkinCode: string;
  checkinUrl: string;
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
