import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { rowsOf } from '@app/database';
import {
  StudyRegistry,
  type StudyParticipant,
  type StudyParticipantSource,
  type WithdrawalOutcome,
  type WithdrawalPolicy,
} from '@app/studies';
import { promoteWaitlist } from './promotion';

/** Withdrawal links and receipt placeholders of sign-ups say `signup.<id>...`. */
export const SIGNUP_PARTICIPANT_KIND = 'signup';

/** The personal columns of a sign-up, as the retention purge clears them. */
const PERSONAL_DATA_CLEARED = `name = NULL, email = NULL, phone = NULL, contact_key = NULL, organisation = NULL,
  checkin_code = NULL, checkin_override_reason = NULL, purged_at = now()`;

/**
 * Sign-ups for study meetings, as the study core sees its participants: found by a withdrawal
 * link, withdrawn (place given up and the waitlist moved up, then the personal data deleted or
 * anonymised), and purged by the study's contacts retention.
 */
@Injectable()
export class SignupParticipants implements StudyParticipantSource, OnModuleInit {
  readonly kind = SIGNUP_PARTICIPANT_KIND;

  constructor(
    private readonly registry: StudyRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.registerParticipants(this);
  }

  /** Nothing is held once the retention purge (or an expired confirmation) deleted the details, unless by withdrawal. */
  async find(db: EntityManager, id: string): Promise<StudyParticipant | null> {
    const [row]: (StudyParticipant & { purged: boolean })[] = await db.query(
      `SELECT m.study_id AS "studyId", s.consent_version_id AS "consentVersionId", c.municipality_id AS "municipalityId",
              s.withdrawn_at IS NOT NULL AS withdrawn, s.purged_at IS NOT NULL AS purged
         FROM signup s JOIN meeting m ON m.id = s.meeting_id JOIN consultation c ON c.id = m.consultation_id
        WHERE s.id = $1 AND s.consent_version_id IS NOT NULL AND m.study_id IS NOT NULL`,
      [id],
    );
    if (!row || (row.purged && !row.withdrawn)) return null;
    const { purged: _purged, ...participant } = row;
    return participant;
  }

  async withdraw(tx: EntityManager, id: string, policy: WithdrawalPolicy): Promise<WithdrawalOutcome> {
    // The meeting first, then the sign-up, as a cancellation locks them (no deadlock with one).
    const [{ meeting_id: meetingId }]: { meeting_id: string }[] = await tx.query(`SELECT meeting_id FROM signup WHERE id = $1`, [id]);
    const [meeting]: { starts_at: Date }[] = await tx.query(`SELECT starts_at FROM meeting WHERE id = $1 FOR UPDATE`, [meetingId]);
    const [signup]: { status: string }[] = await tx.query(`SELECT status FROM signup WHERE id = $1 FOR UPDATE`, [id]);
    const cancelledPlace = signup.status !== 'cancelled' && meeting.starts_at.getTime() > Date.now();
    if (cancelledPlace) {
      await tx.query(`UPDATE signup SET status = 'cancelled', cancelled_at = now() WHERE id = $1`, [id]);
      if (signup.status === 'confirmed') await promoteWaitlist(tx, this.config, meetingId);
    }
    // Messages to them lose address and text now (unsent ones are then never sent); the mail files
    // go with the next retention sweep, which deletes the files of every purged message.
    await tx.query(
      `UPDATE message SET recipient = NULL, subject = NULL, body = NULL, purged_at = now() WHERE signup_id = $1 AND purged_at IS NULL`,
      [id],
    );
    if (policy === 'delete') {
      await tx.query(`DELETE FROM signup WHERE id = $1`, [id]);
      return { deleted: true, cancelledPlace };
    }
    await tx.query(`UPDATE signup SET ${PERSONAL_DATA_CLEARED}, withdrawn_at = now() WHERE id = $1`, [id]);
    return { deleted: false, cancelledPlace };
  }

  /** Contacts of study sign-ups: the shorter of their consent version's and the study's period, from the meeting's end. */
  async purgeExpiredContacts(tx: EntityManager): Promise<{ purged: number; messageIds: string[] }> {
    const [row] = rowsOf<{ purged: number; messageIds: string[] }>(
      await tx.query(
        `WITH due AS (
         SELECT s.id FROM signup s JOIN meeting m ON m.id = s.meeting_id JOIN study st ON st.id = m.study_id
           JOIN consent_version cv ON cv.id = s.consent_version_id
          WHERE s.purged_at IS NULL AND m.ends_at + make_interval(days => LEAST(cv.contacts_days, st.contacts_days)) < now()
          FOR UPDATE OF s SKIP LOCKED
       ), people AS (
         UPDATE signup SET ${PERSONAL_DATA_CLEARED} WHERE id IN (SELECT id FROM due) RETURNING id
       ), messages AS (
         UPDATE message SET recipient = NULL, subject = NULL, body = NULL, purged_at = now(), files_forgotten_at = now()
          WHERE signup_id IN (SELECT id FROM people) AND purged_at IS NULL RETURNING id
       )
       SELECT (SELECT count(*)::int FROM people) AS purged, COALESCE((SELECT array_agg(id) FROM messages), '{}') AS "messageIds"`,
      ),
    );
    return row;
  }
}
