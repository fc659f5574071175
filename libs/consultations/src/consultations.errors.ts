import { DomainError } from '@app/http';

export const consultationNotFound = () => new DomainError('not_found', 'CONSULTATION_NOT_FOUND', 'No such consultation');
export const meetingNotFound = () => new DomainError('not_found', 'MEETING_NOT_FOUND', 'No such meeting');
export const outsideScope = (field: string) =>
  new DomainError('forbidden', 'MUNICIPALITY_OUTSIDE_SCOPE', 'You can only run consultations in the municipalities you work for', [
    { field, reason: 'names a municipality you do not work for' },
  ]);
export const invalidField = (code: string, field: string, reason: string) =>
  new DomainError('invalid', code, `${field} ${reason}`, [{ field, reason }]);
export const reportOnlyByPublishing = () =>
  invalidField('PHASE_NEEDS_REPORT', 'phase', 'becomes "reported" only by publishing the outcome report (PUT .../report)');
export const meetingCancelled = () => new DomainError('gone', 'MEETING_CANCELLED', 'This meeting has been cancelled');
export const meetingPast = () => new DomainError('gone', 'MEETING_PAST', 'This meeting has already started or taken place');
export const signupDeadlinePassed = () => new DomainError('gone', 'SIGNUP_DEADLINE_PASSED', 'The sign-up deadline for this meeting has passed');
export const signupNotOpen = (phase: string) =>
  new DomainError('conflict', 'SIGNUP_NOT_OPEN', `Sign-up is not open for this consultation (it is ${phase})`);
export const confirmationExpired = () =>
  new DomainError('gone', 'SIGNUP_CONFIRMATION_EXPIRED', 'This sign-up was not confirmed in time and holds no place; please sign up again');
export const alreadyCheckedIn = () =>
  new DomainError('conflict', 'SIGNUP_ATTENDED', 'This sign-up was checked in at the meeting and can no longer be cancelled', [
    { field: 'x-manage-token', reason: 'belongs to a sign-up already checked in' },
  ]);
export const manageTokenInvalid = () =>
  new DomainError('not_found', 'SIGNUP_NOT_FOUND', 'This manage link is not valid; use the link from your confirmation message');
export const signupPurged = () =>
  new DomainError('gone', 'SIGNUP_PURGED', 'The details of this sign-up were deleted when its retention period ended');
export const checkinCodeUnknown = () =>
  new DomainError('not_found', 'CHECKIN_CODE_UNKNOWN', 'No sign-up for this meeting has this check-in code', [
    { field: 'code', reason: 'matches no sign-up for this meeting' },
  ]);
export const checkinNotConfirmed = (status: string) =>
  new DomainError('conflict', 'CHECKIN_NOT_CONFIRMED', `This person holds no place (${status})`, [
    { field: 'code', reason: `belongs to a sign-up that is ${status}` },
  ]);
export const meetingAlreadyCancelled = () => new DomainError('conflict', 'MEETING_ALREADY_CANCELLED', 'This meeting is already cancelled');
export const capacityBelowConfirmed = (confirmed: number) =>
  new DomainError('conflict', 'CAPACITY_BELOW_CONFIRMED', `capacity cannot be lower than the ${confirmed} places already confirmed`, [
    { field: 'capacity', reason: `must be at least ${confirmed}: that many places are already confirmed (cancel sign-ups first)` },
  ]);
export const meetingNotEditable = (why: 'cancelled' | 'started') =>
  new DomainError(why === 'cancelled' ? 'conflict' : 'gone', 'MEETING_NOT_EDITABLE',
    why === 'cancelled' ? 'A cancelled meeting cannot be changed' : 'A meeting that has started or taken place cannot be changed');
export const checkinNotMeetingDay = (meetingDay: string) =>
  new DomainError('conflict', 'CHECKIN_NOT_MEETING_DAY', `Check-in is open on the meeting day (${meetingDay}, Vilnius time)`, [
    { field: 'overrideReason', reason: `is needed to check someone in on another day than ${meetingDay}` },
  ]);
export const meetingsNotHeld = (unheld: number) =>
  new DomainError('conflict', 'MEETINGS_NOT_HELD', `${unheld} meeting(s) of this consultation have not been held yet`, [
    { field: 'confirmUnheldMeetings', reason: `must be true to publish the report before all meetings are held (${unheld} not held yet)` },
  ]);
export const meetingHasSignups = (signups: number) =>
  new DomainError('conflict', 'MEETING_HAS_SIGNUPS', `${signups} people signed up under the meeting's current terms: its study cannot change now`, [
    { field: 'studyId', reason: 'can change only before anyone signs up' },
  ]);
