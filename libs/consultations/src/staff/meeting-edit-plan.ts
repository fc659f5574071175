import { capacityBelowConfirmed, invalidField } from '../consultations.errors';
import type { UpdateMeetingDto } from '../dto/meeting.dto';

export interface MeetingNow {
  title_lt: string;
  title_en: string;
  starts_at: Date;
  ends_at: Date;
  signup_deadline: Date;
  place: string | null;
  online_url: string | null;
  capacity: number;
  confirmed_count: number;
  quota_seats: number;
}

export interface MeetingEditPlan {
  titleLt: string;
  titleEn: string;
  startsAt: Date;
  endsAt: Date;
  signupDeadline: Date;
  place: string | null;
  onlineUrl: string | null;
  capacity: number;
  /** Names of the fields whose value changes (for the audit log and the reply). */
  changed: string[];
  timeChanged: boolean;
  placeChanged: boolean;
  capacityIncreased: boolean;
}

/**
 * The meeting after an edit, checked as a whole. Moving the start without an end keeps the
 * duration; a deadline that was "at the start" moves with it. Errors name the field to correct.
 */
export function planMeetingEdit(now: MeetingNow, dto: UpdateMeetingDto, clock = new Date()): MeetingEditPlan {
  const startsAt = dto.startsAt ?? now.starts_at;
  const shift = startsAt.getTime() - now.starts_at.getTime();
  const endsAt = dto.endsAt ?? new Date(now.ends_at.getTime() + shift);
  const deadlineWasStart = now.signup_deadline.getTime() === now.starts_at.getTime();
  const signupDeadline = dto.signupDeadline ?? (deadlineWasStart ? startsAt : now.signup_deadline);
  const place = dto.place === undefined ? now.place : dto.place;
  const onlineUrl = dto.onlineUrl === undefined ? now.online_url : dto.onlineUrl;
  const capacity = dto.capacity ?? now.capacity;

  if (dto.startsAt && startsAt.getTime() <= clock.getTime()) throw invalidField('MEETING_TIME_INVALID', 'startsAt', 'must be in the future');
  if (endsAt <= startsAt) throw invalidField('MEETING_TIME_INVALID', 'endsAt', 'must be after startsAt');
  if (signupDeadline > startsAt) throw invalidField('MEETING_TIME_INVALID', 'signupDeadline', 'must not be after startsAt');
  if (!place && !onlineUrl) throw invalidField('MEETING_PLACE_MISSING', 'place', 'or onlineUrl must be given');
  if (capacity < now.quota_seats) {
    throw invalidField('QUOTA_INVALID', 'capacity', `must be at least the ${now.quota_seats} seats reserved for partner organisations`);
  }
  if (capacity < now.confirmed_count) throw capacityBelowConfirmed(now.confirmed_count);

  const next = { titleLt: dto.titleLt ?? now.title_lt, titleEn: dto.titleEn ?? now.title_en, startsAt, endsAt, signupDeadline, place, onlineUrl, capacity };
  const before = { titleLt: now.title_lt, titleEn: now.title_en, startsAt: now.starts_at, endsAt: now.ends_at, signupDeadline: now.signup_deadline, place: now.place, onlineUrl: now.online_url, capacity: now.capacity };
  const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((key) => !same(next[key], before[key]));
  return {
    ...next,
    changed,
    timeChanged: changed.includes('startsAt') || changed.includes('endsAt'),
    placeChanged: changed.includes('place') || changed.includes('onlineUrl'),
    capacityIncreased: capacity > now.capacity,
  };
}
