import { request } from '../../surveys/api';
import type { Consultation, Meeting, MeetingKind, Phase } from '../api';
import { change } from '../../workspace/api';
import { noticeUnauthenticated } from '../../workspace/session';

/** The staff side of consultations; mirrors libs/consultations/src/staff/*.ts. Dates arrive as ISO strings. */

export interface StaffMeeting extends Meeting {
  attended: number;
}

export interface StaffConsultation extends Omit<Consultation, 'meetings'> {
  meetings?: StaffMeeting[];
}

export interface ConsultationBody {
  municipalityCode: string;
  titleLt: string;
  titleEn: string;
  descriptionLt: string;
  descriptionEn: string;
  institution: string;
}

export interface ReportBody {
  heardLt: string;
  heardEn: string;
  decidedLt: string;
  decidedEn: string;
}

export interface MeetingBody {
  kind: MeetingKind;
  titleLt: string;
  titleEn: string;
  startsAt: string;
  endsAt: string;
  signupDeadline?: string;
  place?: string;
  onlineUrl?: string;
  capacity: number;
  retentionDays: number;
  quotas?: { partnerOrganisationId: string; seats: number }[];
}

export interface SignupRow {
  id: string;
  position: number;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  name: string | null;
  email: string | null;
  phone: string | null;
  organisation: string | null;
  partnerOrganisation: string | null;
  checkinCode: string | null;
  createdAt: string;
  cancelledAt: string | null;
  attendedAt: string | null;
  purged: boolean;
}

export interface CheckInResult {
  signupId: string;
  name: string | null;
  attendedAt: string;
  alreadyCheckedIn: boolean;
}

export interface ParticipationRow {
  /** null: all municipalities together. */
  municipalityCode: string | null;
  kind: MeetingKind;
  meetings: number;
  confirmed: number;
  attended: number;
  target: number | null;
}

export interface PartnerOrganisation {
  id: string;
  name: string;
  country: string;
  municipality?: { code: string } | null;
}

const enc = encodeURIComponent;

/** Any 401 from a staff call means the session is gone: the frame then sends the person to sign in. */
function staff<T>(promise: Promise<T>): Promise<T> {
  return promise.catch((error: unknown) => {
    noticeUnauthenticated(error);
    throw error;
  });
}

export const consultationsApi = {
  list: (): Promise<StaffConsultation[]> => staff(request('GET', '/api/consultations', { retries: 1 })),
  get: (id: string): Promise<StaffConsultation> => staff(request('GET', `/api/consultations/${enc(id)}`, { retries: 1 })),
  create: (body: ConsultationBody): Promise<StaffConsultation> => staff(change('POST', '/api/consultations', { body })),
  setPhase: (id: string, phase: Exclude<Phase, 'reported'>): Promise<StaffConsultation> =>
    staff(change('PATCH', `/api/consultations/${enc(id)}`, { body: { phase } })),
  publishReport: (id: string, body: ReportBody): Promise<StaffConsultation> =>
    staff(change('PUT', `/api/consultations/${enc(id)}/report`, { body })),
  addMeeting: (id: string, body: MeetingBody): Promise<StaffMeeting> =>
    staff(change('POST', `/api/consultations/${enc(id)}/meetings`, { body })),

  signups: (meetingId: string): Promise<{ items: SignupRow[] }> =>
    staff(request('GET', `/api/meetings/${enc(meetingId)}/signups`, { retries: 1 })),
  signupsCsvUrl: (meetingId: string) => `/api/meetings/${enc(meetingId)}/signups.csv`,
  checkIn: (meetingId: string, code: string): Promise<CheckInResult> =>
    staff(change('POST', `/api/meetings/${enc(meetingId)}/attendance`, { body: { code } })),
  messageAll: (meetingId: string, body: { subject: string; body: string }): Promise<{ recipients: number }> =>
    staff(change('POST', `/api/meetings/${enc(meetingId)}/messages`, { body })),
  cancelMeeting: (meetingId: string): Promise<{ notified: number }> => staff(change('POST', `/api/meetings/${enc(meetingId)}/cancel`)),

  participation: (): Promise<{ items: ParticipationRow[] }> => staff(request('GET', '/api/participation', { retries: 1 })),
  /** Admins and researchers only (libs/municipalities); other roles get a 403. */
  partnerOrganisations: (): Promise<PartnerOrganisation[]> =>
    staff(request('GET', '/api/admin/partner-organisations', { retries: 1 })),
};
