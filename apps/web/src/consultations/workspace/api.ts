import type { MeetingKind, Phase } from '../api';
import { change, request, type Json } from '../../components/request';
import type {
  ConsultationView,
  MeetingView,
  ParticipationRow as ServerParticipationRow,
  SignupRow as ServerSignupRow,
} from '../../../../../libs/consultations/src/meeting-view';
import type {
  AttendanceSheet as ServerAttendanceSheet,
  MeetingEditResult as ServerMeetingEditResult,
  MessageHistoryItem as ServerMessageHistoryItem,
} from '../../../../../libs/consultations/src/staff/meeting-records-view';

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
  institutionEn?: string;
}

/** PATCH /api/meetings/:id: a field left out keeps its value. */
export interface MeetingChanges {
  startsAt?: string;
  endsAt?: string;
  signupDeadline?: string;
  place?: string | null;
  capacity?: number;
}

export type ConsultationTexts = Partial<Pick<ConsultationBody, 'titleLt' | 'titleEn' | 'descriptionLt' | 'descriptionEn' | 'institution'>> & {
  institutionEn?: string;
};

export type MeetingEditResult = Omit<Json<ServerMeetingEditResult>, 'meeting'> & { meeting: StaffMeeting };
export type MessageHistoryItem = Json<ServerMessageHistoryItem>;
export type AttendanceSheet = Json<ServerAttendanceSheet>;

export interface ReportBody {
  heardLt: string;
  heardEn: string;
  decidedLt: string;
  decidedEn: string;
  /** Needed when some meetings have not been held yet (else 409 MEETINGS_NOT_HELD). */
  confirmUnheldMeetings?: boolean;
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
  /** An active study running in the consultation's municipality: sign-ups then agree to its consent. */
  studyId?: string;
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
  /** On another day than the meeting's, the server wants a reason (409 CHECKIN_NOT_MEETING_DAY). */
  checkIn: (meetingId: string, code: string, overrideReason?: string): Promise<CheckInResult> =>
    change('POST', `/api/meetings/${enc(meetingId)}/attendance`, { body: { code, overrideReason } }),
  updateMeeting: (meetingId: string, body: MeetingChanges): Promise<MeetingEditResult> =>
    change('PATCH', `/api/meetings/${enc(meetingId)}`, { body }),
  messageHistory: (meetingId: string): Promise<{ items: MessageHistoryItem[] }> =>
    request('GET', `/api/meetings/${enc(meetingId)}/messages`, { retries: 1 }),
  attendanceSheet: (meetingId: string): Promise<AttendanceSheet> =>
    request('GET', `/api/meetings/${enc(meetingId)}/attendance-sheet`, { retries: 1 }),
  updateConsultation: (id: string, body: ConsultationTexts): Promise<StaffConsultation> =>
    change('PATCH', `/api/consultations/${enc(id)}`, { body }),
  messageAll: (meetingId: string, body: { subject: string; body: string }): Promise<{ recipients: number }> =>
    change('POST', `/api/meetings/${enc(meetingId)}/messages`, { body }),
  cancelMeeting: (meetingId: string): Promise<{ notified: number }> => change('POST', `/api/meetings/${enc(meetingId)}/cancel`),

  participation: (): Promise<{ items: ParticipationRow[] }> => request('GET', '/api/participation', { retries: 1 }),
  /** Admins and researchers only (libs/municipalities); other roles get a 403. */
  partnerOrganisations: (): Promise<PartnerOrganisation[]> =>
    request('GET', '/api/admin/partner-organisations', { retries: 1 }),
};
