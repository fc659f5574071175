import type { Consultation, Meeting, MeetingKind, Phase } from '../api';
import { change, request, type Json } from '../../components/request';
import type {
  ConsultationView,
  MeetingView,
  ParticipationRow as ServerParticipationRow,
  SignupRow as ServerSignupRow,
} from '../../../../../libs/consultations/src/meeting-view';

/** The staff side of consultations. Response types are the server's own (type-only imports). */
export type StaffMeeting = Json<MeetingView> & { kind: MeetingKind };
export type StaffConsultation = Omit<Json<ConsultationView>, 'meetings' | 'phase'> & { phase: Phase; meetings?: StaffMeeting[] };
export type SignupRow = Json<ServerSignupRow> & { status: 'confirmed' | 'waitlisted' | 'cancelled' };
export type ParticipationRow = Json<ServerParticipationRow> & { kind: MeetingKind };

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


export interface CheckInResult {
  signupId: string;
  name: string | null;
  attendedAt: string;
  alreadyCheckedIn: boolean;
}


export interface PartnerOrganisation {
  id: string;
  name: string;
  country: string;
  municipality?: { code: string } | null;
}

const enc = encodeURIComponent;


export const consultationsApi = {
  list: (): Promise<StaffConsultation[]> => request('GET', '/api/consultations', { retries: 1 }),
  get: (id: string): Promise<StaffConsultation> => request('GET', `/api/consultations/${enc(id)}`, { retries: 1 }),
  create: (body: ConsultationBody): Promise<StaffConsultation> => change('POST', '/api/consultations', { body }),
  setPhase: (id: string, phase: Exclude<Phase, 'reported'>): Promise<StaffConsultation> =>
    change('PATCH', `/api/consultations/${enc(id)}`, { body: { phase } }),
  publishReport: (id: string, body: ReportBody): Promise<StaffConsultation> =>
    change('PUT', `/api/consultations/${enc(id)}/report`, { body }),
  addMeeting: (id: string, body: MeetingBody): Promise<StaffMeeting> =>
    change('POST', `/api/consultations/${enc(id)}/meetings`, { body }),

  signups: (meetingId: string): Promise<{ items: SignupRow[] }> =>
    request('GET', `/api/meetings/${enc(meetingId)}/signups`, { retries: 1 }),
  signupsCsvUrl: (meetingId: string) => `/api/meetings/${enc(meetingId)}/signups.csv`,
  checkIn: (meetingId: string, code: string): Promise<CheckInResult> =>
    change('POST', `/api/meetings/${enc(meetingId)}/attendance`, { body: { code } }),
  messageAll: (meetingId: string, body: { subject: string; body: string }): Promise<{ recipients: number }> =>
    change('POST', `/api/meetings/${enc(meetingId)}/messages`, { body }),
  cancelMeeting: (meetingId: string): Promise<{ notified: number }> => change('POST', `/api/meetings/${enc(meetingId)}/cancel`),

  participation: (): Promise<{ items: ParticipationRow[] }> => request('GET', '/api/participation', { retries: 1 }),
  /** Admins and researchers only (libs/municipalities); other roles get a 403. */
  partnerOrganisations: (): Promise<PartnerOrganisation[]> =>
    request('GET', '/api/admin/partner-organisations', { retries: 1 }),
};
