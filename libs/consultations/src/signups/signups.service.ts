import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '@app/database';
import { enqueueMessages } from '@app/mail';
import { enqueueConsentReceipt } from '@app/studies';
import {
  alreadyCheckedIn,
  confirmationExpired,
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
import { parseContact, type Contact } from './contact';
import { checkinUrlFor, publicBaseUrl } from './links';
import { signupIdOf } from './manage-tokens';
import { meetingCalendar, type CalendarMeeting } from './meeting-calendar';
import { promoteWaitlist } from './promotion';
import { signupMessage, type MeetingForMessage, type Recipient } from './signup-messages';
import { studyConsentRefusal } from './study-consent';
import { purgeUnconfirmedOf } from './unconfirmed';

interface LockedMeeting extends MeetingForMessage {
  id: string;
  capacity: number;
  confirmed_count: number;
  retention_days: number;
  signup_deadline: Date;
  ends_at: Date;
  cancelled_at: Date | null;
  phase: string;
  study_id: string | null;
  quotas: { partnerOrganisationId: string; seats: number; confirmed: number }[];
}

import { SIGNUP_PARTICIPANT_KIND } from './signup-participants';
import type { SignupRequested, SignupView } from './signup-view';
export type { SignupRequested, SignupView } from './signup-view';


/**
 * A sign-up is asked for again when its new check-in code clashes with one in use (one in hundreds
 * of millions); take_signup again when a place freed up while it queued for the waitlist's shared lock.
 */
const ATTEMPTS = 5;

/** What residents do, without an account: sign up, and through their manage link see, cancel, add to a calendar. */
@Injectable()
export class SignupsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Asks for a place: stores a pending sign-up (it holds no seat) and sends its contact a link to
   * confirm it. The answer is the same whether or not the contact already signed up, so it tells
   * nobody who registered; the real holder gets a message instead (at most one per 10 minutes).
   */
  async signUp(meetingId: string, dto: SignUpDto): Promise<SignupRequested> {
    const contact = parseContact(dto.contact);
    // The rules first, without a lock, for clear errors; take_signup checks them again under the lock.
    const meeting = await this.readMeeting(this.dataSource.manager, meetingId);
    assertOpenForSignUp(meeting);
    const quota = this.quotaFor(meeting, dto.partnerOrganisationId);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.dataSource.transaction((tx) => this.request(tx, meeting, quota?.partnerOrganisationId ?? null, contact, dto));
        break;
      } catch (error) {
        // A new check-in code that clashes with one in use (one in hundreds of millions): draw again.
        if (pgErrorCode(error) === PG_UNIQUE_VIOLATION && attempt < ATTEMPTS) continue;
        throw studyConsentRefusal(error) ?? error;
      }
    }
    return { status: 'pending', confirmWithinMinutes: this.config.SIGNUP_CONFIRM_MINUTES };
  }

  private async request(tx: EntityManager, meeting: LockedMeeting, partnerId: string | null, contact: Contact, dto: SignUpDto): Promise<void> {
    // A pending sign-up of this contact whose window passed no longer counts: it makes way.
    await purgeUnconfirmedOf(tx, meeting.id, contact.key);
    const id = randomUUID();
    // Under a study, the database checks the consent version is the study's current one (signup_study_consent).
    const consentVersionId = dto.studyConsent?.versionId ?? null;
    const [inserted]: { id: string }[] = await tx.query(
      `INSERT INTO signup (id, meeting_id, status, confirm_by, language, partner_organisation_id, name, email, phone, contact_key,
                           organisation, checkin_code, consent_text, consented_at, consent_version_id)
       VALUES ($1, $2, 'pending', now() + make_interval(mins => $3), $4, $5, $6, $7, $8, $9, $10, $11, $12, now(), $13)
       ON CONFLICT (meeting_id, contact_key) WHERE status <> 'cancelled' DO NOTHING
       RETURNING id`,
      [id, meeting.id, this.config.SIGNUP_CONFIRM_MINUTES, dto.language, partnerId, dto.name.trim(), contact.email, contact.phone,
        contact.key, dto.organisation?.trim() || null, newCheckinCode(), consentText(dto.language, meeting.retention_days), consentVersionId],
    );
    if (inserted) {
      const recipient = { id, language: dto.language, email: contact.email, phone: contact.phone, checkin_code: null };
      await enqueueMessages(tx, [signupMessage('confirm_request', meeting, recipient, { confirmMinutes: this.config.SIGNUP_CONFIRM_MINUTES })]);
      // The receipt of consent, with the text agreed to and the withdrawal link; purged with the sign-up.
      if (consentVersionId && contact.email) {
        await enqueueConsentReceipt(tx, { consentVersionId, language: dto.language, email: contact.email,
          participant: { kind: SIGNUP_PARTICIPANT_KIND, id }, signupId: id });
      }
      return;
    }
    // Someone already signed up with this contact: tell them, in their own language, unless told lately.
    // A pending holder gets the link again; one with a place or waitlist entry hears that someone tried.
    const [holder]: (Recipient & { kind: 'confirm_request' | 'duplicate'; recent: boolean })[] = await tx.query(
      `SELECT s.id, s.language, s.email, s.phone, s.checkin_code, k.kind,
              EXISTS (SELECT 1 FROM message m WHERE m.signup_id = s.id AND m.kind = k.kind
                        AND m.created_at > now() - interval '10 minutes') AS recent
         FROM signup s CROSS JOIN LATERAL (SELECT CASE s.status WHEN 'pending' THEN 'confirm_request' ELSE 'duplicate' END AS kind) k
        WHERE s.meeting_id = $1 AND s.contact_key = $2 AND s.status <> 'cancelled' FOR UPDATE OF s`,
      [meeting.id, contact.key],
    );
    if (!holder || holder.recent) return;
    const kind = holder.kind;
    await enqueueMessages(tx, [signupMessage(kind, meeting, holder, { confirmMinutes: this.config.SIGNUP_CONFIRM_MINUTES })]);
  }

  /**
   * The contact opened the link sent to them: now the sign-up takes a place (or a waitlist entry),
   * under the meeting's lock, and the confirmation with the check-in code goes out. A repeat changes nothing.
   */
  async confirm(token: string | undefined): Promise<SignupView> {
    const id = this.idFrom(token);
    // One read for what both possible messages need: the person and the meeting.
    const [row]: (Recipient & MeetingForMessage & { meeting_id: string })[] = await this.dataSource.query(
      `SELECT s.id, s.language, s.email, s.phone, s.checkin_code, s.meeting_id, m.title_lt, m.title_en, m.starts_at, m.place, m.online_url
         FROM signup s JOIN meeting m ON m.id = s.meeting_id WHERE s.id = $1`,
      [id],
    );
    if (!row) throw manageTokenInvalid();
    const meeting: MeetingForMessage = row;
    const recipient: Recipient = row;
    const confirmed = signupMessage('confirmation', meeting, recipient);
    const waitlisted = signupMessage('waitlisted', meeting, recipient);
    for (let attempt = 1; ; attempt++) {
      const [{ taken }] = await this.dataSource.query(`SELECT take_signup($1, $2, $3, $4, $5, $6) AS taken`, [
        id, randomUUID(), confirmed.subject, confirmed.body, waitlisted.subject, waitlisted.body,
      ]);
      if (taken === 'confirmed' || taken === 'waitlisted' || taken === 'already') break;
      if (taken === 'retry' && attempt < ATTEMPTS) continue;
      if (taken === 'expired') throw confirmationExpired();
      // The meeting changed since the sign-up was asked for (cancelled, started, closed): say so.
      assertOpenForSignUp(await this.readMeeting(this.dataSource.manager, row.meeting_id));
      throw new Error(`take_signup refused a confirmation the service allowed: ${taken}`);
    }
    return this.view(this.dataSource.manager, id);
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
      const [signup] = await tx.query(
        `SELECT id, status, language, email, phone, checkin_code, purged_at, attended_at FROM signup WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (signup.purged_at) throw signupPurged();
      if (signup.status === 'cancelled') return;
      if (signup.attended_at) throw alreadyCheckedIn();
      if (meeting.starts_at.getTime() <= Date.now()) throw meetingPast();
      await tx.query(`UPDATE signup SET status = 'cancelled', cancelled_at = now() WHERE id = $1`, [id]);
      // A pending sign-up was never confirmed: nothing to tell, no place to give back.
      if (signup.status !== 'pending') await enqueueMessages(tx, [signupMessage('cancelled', meeting, signup)]);
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
    // A study meeting keeps contacts no longer than the study's contacts retention either: the consent says the shorter.
    const [meeting] = await db.query(
      `SELECT m.id, m.title_lt, m.title_en, m.starts_at, m.ends_at, m.place, m.online_url, m.capacity, m.confirmed_count,
              LEAST(m.retention_days, (SELECT st.contacts_days FROM study st WHERE st.id = m.study_id)) AS retention_days,
              m.signup_deadline, m.cancelled_at, c.phase, m.study_id,
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
              s.confirmed_at IS NULL AND s.status = 'cancelled' AND s.cancelled_at = s.purged_at AS "neverConfirmed",
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
    if (row.purgedAt) throw row.neverConfirmed ? confirmationExpired() : signupPurged();
    delete row.purgedAt;
    delete row.neverConfirmed;
    if (row.status === 'pending') return { ...row, checkinCode: null, checkinUrl: null };
    return { ...row, checkinUrl: checkinUrlFor(this.config, row.meeting.id, row.checkinCode) };
  }
}

function assertOpenForSignUp(meeting: LockedMeeting): void {
  if (meeting.cancelled_at) throw meetingCancelled();
  if (meeting.starts_at.getTime() <= Date.now()) throw meetingPast();
  if (meeting.signup_deadline.getTime() <= Date.now()) throw signupDeadlinePassed();
  if (meeting.phase !== 'open') throw signupNotOpen(meeting.phase);
}
