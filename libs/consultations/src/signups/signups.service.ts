import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '@app/database';
import { enqueueMessages } from '@app/mail';
import {
  alreadySignedUp,
  invalidField,
  manageTokenInvalid,
  meetingCancelled,
  meetingNotFound,
  meetingPast,
  signupDeadlinePassed,
  signupNotOpen,
  signupPurged,
} from '../consultations.errors';
import type { SignUpDto } from '../dto/signup.dto';
import type { Language } from '../kinds';
import { newCheckinCode } from './checkin-codes';
import { consentText } from './consent';
import { parseContact } from './contact';
import { checkinUrlFor, manageUrlFor, publicBaseUrl } from './links';
import { manageTokenFor, signupIdOf } from './manage-tokens';
import { meetingCalendar, type CalendarMeeting } from './meeting-calendar';
import { promoteWaitlist } from './promotion';
import { signupMessage, type MeetingForMessage } from './signup-messages';

interface LockedMeeting extends MeetingForMessage {
  id: string;
  capacity: number;
  confirmed_count: number;
  retention_days: number;
  signup_deadline: Date;
  ends_at: Date;
  cancelled_at: Date | null;
  phase: string;
  quotas: { partnerOrganisationId: string; seats: number; confirmed: number }[];
}

import type { SignupView } from './signup-view';
export type { SignupView } from './signup-view';

/**
 * take_signup asks again when a new check-in code clashes with one in use (one in hundreds of
 * millions) or a place freed up while it queued for the waitlist's shared lock.
 */
const ATTEMPTS = 5;

/** What residents do, without an account: sign up, and through their manage link see, cancel, add to a calendar. */
@Injectable()
export class SignupsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async signUp(meetingId: string, dto: SignUpDto): Promise<SignupView & { manageToken: string; manageUrl: string }> {
    const contact = parseContact(dto.contact);
    // The rules first, without a lock, for clear errors; take_signup checks them again under the lock.
    const meeting = await this.readMeeting(this.dataSource.manager, meetingId);
    assertOpenForSignUp(meeting);
    const quota = this.quotaFor(meeting, dto.partnerOrganisationId);
    const id = randomUUID();
    const manageUrl = manageUrlFor(this.config, id);
    for (let attempt = 1; ; attempt++) {
      const code = newCheckinCode();
      const recipient = { id, language: dto.language, email: contact.email, phone: contact.phone, checkin_code: code };
      const confirmed = signupMessage('confirmation', meeting, recipient, manageUrl);
      const waitlisted = signupMessage('waitlisted', meeting, recipient, manageUrl);
      const [{ taken }] = await this.dataSource
        .query(
          `SELECT take_signup($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) AS taken`,
          [id, meeting.id, quota?.partnerOrganisationId ?? null, dto.language, dto.name.trim(), contact.email, contact.phone,
            contact.key, dto.organisation?.trim() || null, code, consentText(dto.language, meeting.retention_days),
            randomUUID(), confirmed.channel, confirmed.recipient, confirmed.subject, confirmed.body, waitlisted.subject, waitlisted.body],
        )
        .catch((error) => {
          throw pgErrorCode(error) === PG_UNIQUE_VIOLATION ? alreadySignedUp() : error;
        });
      if (taken === 'confirmed' || taken === 'waitlisted') break;
      if ((taken === 'code_taken' || taken === 'retry') && attempt < ATTEMPTS) continue;
      // The meeting changed between the check above and the lock (cancelled, closed, quotas): say so.
      assertOpenForSignUp(await this.readMeeting(this.dataSource.manager, meetingId));
      throw new Error(`take_signup refused a sign-up the service allowed: ${taken}`);
    }
    return { ...(await this.view(this.dataSource.manager, id)), manageToken: manageTokenFor(this.config.APP_SECRET, id), manageUrl };
  }

  async get(token: string | undefined): Promise<SignupView> {
    return this.view(this.dataSource.manager, this.idFrom(token));
  }

  /**
   * Cancelling twice is fine (the second changes nothing). A freed place goes to the waitlist at
   * once, in the same transaction, so it is never open to a newcomer who skipped the queue.
   */
  async cancel(token: string | undefined): Promise<SignupView> {
    const id = this.idFrom(token);
    await this.dataSource.transaction(async (tx) => {
      const [found] = await tx.query(`SELECT meeting_id FROM signup WHERE id = $1`, [id]);
      if (!found) throw manageTokenInvalid();
      const meetingId: string = found.meeting_id;
      const meeting = await this.lockMeeting(tx, meetingId);
      const [signup] = await tx.query(`SELECT id, status, language, email, phone, checkin_code, purged_at FROM signup WHERE id = $1 FOR UPDATE`, [id]);
      if (signup.purged_at) throw signupPurged();
      if (signup.status === 'cancelled') return;
      if (meeting.starts_at.getTime() <= Date.now()) throw meetingPast();
      await tx.query(`UPDATE signup SET status = 'cancelled', cancelled_at = now() WHERE id = $1`, [id]);
      await enqueueMessages(tx, [signupMessage('cancelled', meeting, signup, manageUrlFor(this.config, id))]);
      if (signup.status === 'confirmed') await promoteWaitlist(tx, this.config, meetingId);
    });
    return this.view(this.dataSource.manager, id);
  }

  async calendar(token: string | undefined): Promise<string> {
    const id = this.idFrom(token);
    const [row]: (CalendarMeeting & { language: Language })[] = await this.dataSource.query(
      `SELECT m.id, m.title_lt, m.title_en, m.starts_at, m.ends_at, m.place, m.online_url, m.cancelled_at,
              CASE s.language WHEN 'en' THEN c.institution_en ELSE c.institution END AS institution, s.language
         FROM signup s JOIN meeting m ON m.id = s.meeting_id JOIN consultation c ON c.id = m.consultation_id WHERE s.id = $1`,
      [id],
    );
    if (!row) throw manageTokenInvalid();
    return meetingCalendar(row, row.language, new URL(publicBaseUrl(this.config)).hostname);
  }

  private idFrom(token: string | undefined): string {
    const id = signupIdOf(this.config.APP_SECRET, token);
    if (!id) throw manageTokenInvalid();
    return id;
  }

  private lockMeeting(tx: EntityManager, meetingId: string): Promise<LockedMeeting> {
    return this.readMeeting(tx, meetingId, 'FOR UPDATE OF m');
  }

  private async readMeeting(db: EntityManager, meetingId: string, lock = ''): Promise<LockedMeeting> {
    const [meeting] = await db.query(
      `SELECT m.id, m.title_lt, m.title_en, m.starts_at, m.ends_at, m.place, m.online_url, m.capacity, m.confirmed_count,
              m.retention_days, m.signup_deadline, m.cancelled_at, c.phase,
              (SELECT COALESCE(json_agg(json_build_object('partnerOrganisationId', q.partner_organisation_id, 'seats', q.seats,
                      'confirmed', q.confirmed_count)), '[]') FROM meeting_quota q WHERE q.meeting_id = m.id) AS quotas
         FROM meeting m JOIN consultation c ON c.id = m.consultation_id
        WHERE m.id = $1 ${lock}`,
      [meetingId],
    );
    if (!meeting) throw meetingNotFound();
    return meeting;
  }

  /** A meeting with quotas takes each seat for a partner organisation; one without takes none. */
  private quotaFor(meeting: LockedMeeting, partnerOrganisationId: string | undefined) {
    if (!meeting.quotas.length) {
      if (partnerOrganisationId) throw invalidField('NO_QUOTAS', 'partnerOrganisationId', 'must be left out: this meeting has no per-organisation quotas');
      return null;
    }
    if (!partnerOrganisationId) throw invalidField('PARTNER_REQUIRED', 'partnerOrganisationId', 'is required: places at this meeting are shared out per partner organisation');
    const quota = meeting.quotas.find((q) => q.partnerOrganisationId === partnerOrganisationId);
    if (!quota) throw invalidField('PARTNER_NOT_IN_QUOTAS', 'partnerOrganisationId', 'is not one of the organisations this meeting has places for');
    return quota;
  }

  private async view(db: EntityManager, id: string): Promise<SignupView> {
    const [row] = await db.query(
      `SELECT s.id, s.status, s.name, COALESCE(s.email, s.phone) AS contact, s.organisation, p.name AS "partnerOrganisation",
              s.language, s.checkin_code AS "checkinCode", s.attended_at IS NOT NULL AS attended, s.purged_at AS "purgedAt",
              CASE WHEN s.status = 'waitlisted' THEN (SELECT count(*)::int FROM signup w WHERE w.meeting_id = s.meeting_id
                   AND w.status = 'waitlisted' AND w.position <= s.position) END AS "waitlistPosition",
              json_build_object('id', m.id, 'consultationId', m.consultation_id, 'titleLt', m.title_lt, 'titleEn', m.title_en,
                'startsAt', m.starts_at, 'endsAt', m.ends_at, 'place', m.place, 'onlineUrl', m.online_url,
                'cancelled', m.cancelled_at IS NOT NULL) AS meeting
         FROM signup s JOIN meeting m ON m.id = s.meeting_id
         LEFT JOIN partner_organisation p ON p.id = s.partner_organisation_id
        WHERE s.id = $1`,
      [id],
    );
    if (!row) throw manageTokenInvalid();
    if (row.purgedAt) throw signupPurged();
    delete row.purgedAt;
    return { ...row, checkinUrl: checkinUrlFor(this.config, row.meeting.id, row.checkinCode) };
  }
}

function assertOpenForSignUp(meeting: LockedMeeting): void {
  if (meeting.cancelled_at) throw meetingCancelled();
  if (meeting.starts_at.getTime() <= Date.now()) throw meetingPast();
  if (meeting.signup_deadline.getTime() <= Date.now()) throw signupDeadlinePassed();
  if (meeting.phase !== 'open') throw signupNotOpen(meeting.phase);
}
