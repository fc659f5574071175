import { ApiError, errorFrom, request } from '../components/request';
import type { Lang } from '../components/i18n';
import type { Json } from '../components/request';
import type { MeetingKind, Phase } from '../../../../libs/consultations/src/kinds';
import type { ConsultationView, MeetingView } from '../../../../libs/consultations/src/meeting-view';
import type { SignupRequested as ServerSignupRequested, SignupView } from '../../../../libs/consultations/src/signups/signup-view';
import type { PublicStudyConsent } from '../../../../libs/studies/src/study-view';

/** The public (no sign-in) consultations and sign-up API. */

export type { MeetingKind, Phase } from '../../../../libs/consultations/src/kinds';

/** The server's views, imported type-only; `kind` and `phase` narrowed to the server's own unions. */
export type Meeting = Omit<Json<MeetingView>, 'kind' | 'attended'> & {
  kind: MeetingKind;
  attended?: number;
  consultationTitleLt?: string;
  consultationTitleEn?: string;
};
export type Quota = Meeting['quotas'][number];
export type Consultation = Omit<Json<ConsultationView>, 'phase' | 'meetings'> & { phase: Phase; meetings?: Meeting[] };
export type OutcomeReport = NonNullable<Consultation['report']>;
export type Signup = Json<SignupView>;

export interface MeetingDetails extends Meeting {
  institution: string;
  institutionEn?: string;
  phase: Phase;
  municipalityCode: string;
  consent: Record<Lang, string>;
  /** The study the meeting belongs to and its current consent; its sign-up form asks for that too. */
  study: PublicStudyConsent | null;
}

/** pending: asked for, not yet confirmed by the emailed link; it holds no place. */
export type SignupStatus = Signup['status'];

export type SignupRequested = ServerSignupRequested;

export interface SignupBody {
  name: string;
  contact: string;
  organisation?: string;
  partnerOrganisationId?: string;
  consent: true;
  language: Lang;
  studyConsent?: { versionId: string; agreed: true };
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
