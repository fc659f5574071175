import { schema as s } from '@app/http';
import { MEETING_KINDS, PHASES } from './kinds';

const quota = s.object({ partnerOrganisationId: s.uuid, name: s.text, seats: s.int, confirmed: s.int, seatsLeft: s.int });
export const meetingSchema = s.object({
  id: s.uuid, consultationId: s.uuid, kind: s.enumOf(MEETING_KINDS), titleLt: s.text, titleEn: s.text, startsAt: s.time, endsAt: s.time,
  signupDeadline: s.time, place: s.textOrNull, onlineUrl: s.textOrNull, capacity: s.int, retentionDays: s.int, cancelledAt: s.timeOrNull,
  confirmed: s.int, seatsLeft: s.int, waitlisted: s.int, attended: s.int, quotas: s.list(quota), signupOpen: s.bool, studyId: s.nullable(s.uuid),
}, ['attended']);
const report = s.nullable(s.object({ heardLt: s.text, heardEn: s.text, decidedLt: s.text, decidedEn: s.text, publishedAt: s.time }));
export const consultationSchema = s.object({
  id: s.uuid, municipalityCode: s.text, municipalityNameLt: s.text, municipalityNameEn: s.text, titleLt: s.text, titleEn: s.text,
  descriptionLt: s.text, descriptionEn: s.text, institution: { type: 'string', description: 'The deciding institution, in Lithuanian' },
  institutionEn: s.text, phase: s.enumOf(PHASES), createdAt: s.time, report, meetings: s.list(meetingSchema),
}, ['meetings']);
export const publicMeetingSchema = {
  ...meetingSchema,
  properties: { ...meetingSchema.properties, consultationTitleLt: s.text, consultationTitleEn: s.text, institution: s.text, institutionEn: s.text,
    phase: s.enumOf(PHASES), municipalityCode: s.text, consent: s.object({ lt: s.text, en: s.text }),
    study: { ...s.json, nullable: true, description: 'The study the meeting belongs to and its current consent (as GET /api/public/surveys/:id/consent), or null' } },
};
export const signupRowSchema = s.object({
  id: s.uuid, position: s.int, status: s.enumOf(['confirmed', 'waitlisted', 'cancelled']), name: s.textOrNull, email: s.textOrNull,
  phone: s.textOrNull, organisation: s.textOrNull, partnerOrganisation: s.textOrNull, checkinCode: s.textOrNull, createdAt: s.time,
  cancelledAt: s.timeOrNull, attendedAt: s.timeOrNull, purged: s.bool,
});
export const signupViewSchema = s.object({
  id: s.uuid, status: s.enumOf(['confirmed', 'waitlisted', 'cancelled']), waitlistPosition: s.intOrNull, name: s.text, contact: s.text,
  organisation: s.textOrNull, partnerOrganisation: s.textOrNull, language: s.enumOf(['lt', 'en']),
  checkinCode: { type: 'string', nullable: true, description: 'Only for a confirmed place' },
  checkinUrl: { type: 'string', nullable: true, description: 'Only for a confirmed place' }, attended: s.bool,
  meeting: s.object({ id: s.uuid, consultationId: s.uuid, titleLt: s.text, titleEn: s.text, startsAt: s.time, endsAt: s.time,
    place: s.textOrNull, onlineUrl: s.textOrNull, cancelled: s.bool }),
});
/** A sign-up asked for: nothing is taken until the contact opens the emailed link. */
export const signupRequestedSchema = s.object({ status: s.enumOf(['pending']), confirmWithinMinutes: s.int });
export const checkInSchema = s.object({ signupId: s.uuid, name: s.textOrNull, attendedAt: s.time, alreadyCheckedIn: s.bool, overridden: s.bool });
export const messageHistorySchema = s.object({
  id: s.uuid, kind: s.text, createdAt: s.time, sentBy: { type: 'string', nullable: true, description: 'E-mail of the staff member; null for reminders' },
  recipients: s.int, sent: s.int, pending: s.int, failing: s.int, subjectPreview: s.textOrNull, bodyPreview: s.textOrNull,
});
export const attendanceSheetSchema = s.object({
  meeting: s.object({ id: s.uuid, titleLt: s.text, titleEn: s.text, startsAt: s.time, endsAt: s.time, place: s.textOrNull, onlineUrl: s.textOrNull,
    localDate: s.text, localTime: s.text, municipalityCode: s.text, municipalityNameLt: s.text, municipalityNameEn: s.text,
    consultationTitleLt: s.text, consultationTitleEn: s.text, institution: s.text, institutionEn: s.text }),
  people: s.list(s.object({ signupId: s.uuid, name: s.textOrNull, organisation: s.textOrNull, partnerOrganisation: s.textOrNull,
    checkinCode: s.textOrNull, attended: s.bool })),
  purged: s.bool,
});
export const meetingEditSchema = s.object({
  meeting: meetingSchema, changed: s.list(s.text), promoted: s.int, notified: s.int,
  reminderPlanned: { type: 'boolean', nullable: true, description: 'null when the time did not change' },
});
export const participationSchema = s.object({ municipalityCode: s.textOrNull, kind: s.enumOf(MEETING_KINDS), meetings: s.int, confirmed: s.int, attended: s.int, target: s.intOrNull });
