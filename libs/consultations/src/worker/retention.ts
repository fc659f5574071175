import type { EntityManager } from 'typeorm';
import { rowsOf } from '@app/database';

/**
 * Deletes names, contacts, free-text organisations and check-in codes of every sign-up whose
 * meeting ended more than its retention period ago, and the addresses and texts of messages sent
 * to them, and the previews of messages sent to many. Status, partner organisation and attendance stay, so participation counts survive.
 */
export async function purgeExpiredContacts(tx: EntityManager): Promise<number> {
  const rows = rowsOf<{ id: string }>(await tx.query(
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
  return rows.length;
}
