import { ApiError, errorFrom, request } from '../components/request';
import type { Lang } from '../components/i18n';

/** The public (no sign-in) consultations and sign-up API; mirrors libs/consultations/src/meeting-view.ts. */

export type MeetingKind = 'consultation' | 'discussion' | 'training' | 'visit';
export type Phase = 'announced' | 'open' | 'held' | 'reported';

export interface Quota {
  partnerOrganisationId: string;
  name: string;
  seats: number;
  confirmed: number;
  seatsLeft: number;
}

export interface Meeting {
  id: string;
  consultationId: string;
  kind: MeetingKind;
  titleLt: string;
  titleEn: string;
  startsAt: string;
  endsAt: string;
  signupDeadline: string;
  place: string | null;
  onlineUrl: string | null;
  capacity: number;
  retentionDays: number;
  cancelledAt: string | null;
  confirmed: number;
  seatsLeft: number;
  waitlisted: number;
  quotas: Quota[];
  signupOpen: boolean;
  consultationTitleLt?: string;
  consultationTitleEn?: string;
}

export interface MeetingDetails extends Meeting {
  institution: string;
  institutionEn?: string;
  phase: Phase;
  municipalityCode: string;
  consent: Record<Lang, string>;
}

export interface OutcomeReport {
  heardLt: string;
  heardEn: string;
  decidedLt: string;
  decidedEn: string;
  publishedAt: string;
}

export interface Consultation {
  id: string;
  municipalityCode: string;
  municipalityNameLt?: string;
  municipalityNameEn?: string;
  titleLt: string;
  titleEn: string;
  descriptionLt: string;
  descriptionEn: string;
  institution: string;
  /** The institution in English (the Lithuanian name where none was given). */
  institutionEn?: string;
  phase: Phase;
  createdAt?: string;
  report: OutcomeReport | null;
  meetings?: Meeting[];
}

/** pending: asked for, not yet confirmed by the emailed link; it holds no place. */
export type SignupStatus = 'pending' | 'confirmed' | 'waitlisted' | 'cancelled';

export interface Signup {
  id: string;
  status: SignupStatus;
  /** Counting from 1; null unless waitlisted. */
  waitlistPosition: number | null;
  name: string;
  contact: string;
  organisation: string | null;
  partnerOrganisation: string | null;
  language: Lang;
  /** Null while pending. */
  checkinCode: string | null;
  checkinUrl: string | null;
  attended: boolean;
  meeting: {
    id: string;
    consultationId: string;
    titleLt: string;
    titleEn: string;
    startsAt: string;
    endsAt: string;
    place: string | null;
    onlineUrl: string | null;
    cancelled: boolean;
  };
}

export interface SignupRequested {
  status: 'pending';
  confirmWithinMinutes: number;
}

export interface SignupBody {
  name: string;
  contact: string;
  organisation?: string;
  partnerOrganisationId?: string;
  consent: true;
  language: Lang;
}

const enc = encodeURIComponent;
const MANAGE_HEADER = 'X-Manage-Token';

export const meetingsApi = {
  upcoming(municipalityCode: string): Promise<Meeting[]> {
    return request('GET', `/api/public/municipalities/${enc(municipalityCode)}/meetings`, { retries: 1 });
  },

  consultations(municipalityCode: string): Promise<Consultation[]> {
    return request('GET', `/api/public/municipalities/${enc(municipalityCode)}/consultations`, { retries: 1 });
  },

  consultation(id: string): Promise<Consultation> {
    return request('GET', `/api/public/consultations/${enc(id)}`, { retries: 1 });
  },

  meeting(id: string): Promise<MeetingDetails> {
    return request('GET', `/api/public/meetings/${enc(id)}`, { retries: 1 });
  },

  /** The same answer whether or not this address had signed up: the link goes to the address. */
  signUp(meetingId: string, body: SignupBody): Promise<SignupRequested> {
    return request('POST', `/api/public/meetings/${enc(meetingId)}/signups`, { body });
  },

  signup(token: string): Promise<Signup> {
    return request('GET', '/api/public/signup', { headers: { [MANAGE_HEADER]: token }, retries: 1 });
  },

  /** Opening the emailed link takes the place (or a waitlist entry); a repeat changes nothing, so a retry is safe. */
  confirm(token: string): Promise<Signup> {
    return request('POST', '/api/public/signup/confirm', { headers: { [MANAGE_HEADER]: token }, retries: 1 });
  },

  /** Cancelling twice changes nothing, so a retry is safe. */
  cancel(token: string): Promise<Signup> {
    return request('POST', '/api/public/signup/cancel', { headers: { [MANAGE_HEADER]: token }, retries: 1 });
  },

  /** The token travels in a header, so a plain link cannot fetch the file: it comes back as a Blob. */
  async calendar(token: string): Promise<Blob> {
    let res: Response;
    try {
      res = await fetch('/api/public/signup/calendar.ics', { headers: { [MANAGE_HEADER]: token }, credentials: 'same-origin' });
    } catch {
      throw new ApiError(0, 'NETWORK', 'Network error');
    }
    if (!res.ok) throw await errorFrom(res);
    return res.blob();
  },
};
