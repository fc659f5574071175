import type { EntityManager } from 'typeorm';
import { rowsOf } from '@app/database';
import { purgeUnconfirmedOf } from '../signups/unconfirmed';

export interface PurgeOutcome {
  /** Meetings whose sign-ups' contact details were deleted. */
  meetings: number;
  /** Pending sign-ups never confirmed in time, deleted (their contacts may be anyone's). */
  unconfirmed: number;
  /** Messages whose address and text were deleted: the caller deletes their mail files too. */
  messageIds: string[];
}

/**
 * Deletes names, contacts, free-text organisations and check-in codes of every sign-up whose
 * meeting ended more than its retention period ago, and of every sign-up left unconfirmed past
 * its window, and the addresses and texts of messages sent to them, and the previews of messages
 * sent to many. Status, partner organisation and attendance stay, so participation counts survive.
 */
export async function purgeExpiredContacts(tx: EntityManager): Promise<PurgeOutcome> {
  const meetings = rowsOf<{ id: string }>(await tx.query(
    `WITH due AS (
       SELECT id FROM meeting
        WHERE contacts_purged_at IS NULL AND ends_at + make_interval(days => retention_days) < now()
        FOR UPDATE SKIP LOCKED
     ), people AS (
       UPDATE signup SET name = NULL, email = NULL, phone = NULL, contact_key = NULL, organisation = NULL,
                         checkin_code = NULL, checkin_override_reason = NULL, purged_at = now()
        WHERE meeting_id IN (SELECT id FROM due) AND purged_at IS NULL
       RETURNING id
     ), messages AS (
       UPDATE message SET recipient = NULL, subject = NULL, body = NULL, purged_at = now()
        WHERE signup_id IN (SELECT id FROM people) AND purged_at IS NULL
     ), previews AS (
       UPDATE meeting_message SET subject_preview = NULL, body_preview = NULL WHERE meeting_id IN (SELECT id FROM due)
     )
     UPDATE meeting SET contacts_purged_at = now() WHERE id IN (SELECT id FROM due) RETURNING id`,
  ));
  const unconfirmed = await purgeUnconfirmedOf(tx, null, null);
  // Every message purged and not yet forgotten, whichever path purged it (also earlier runs'
  // messages, should deleting their files have failed): the files go with them.
  const messages = rowsOf<{ id: string }>(await tx.query(
    `UPDATE message SET files_forgotten_at = now() WHERE purged_at IS NOT NULL AND files_forgotten_at IS NULL RETURNING id`,
  ));
  return { meetings: meetings.length, unconfirmed, messageIds: messages.map((m) => m.id) };
}
