import type { EntityManager } from 'typeorm';
import { rowsOf } from '@app/database';

/**
 * Pending sign-ups past their window hold no seat and may carry a stranger's contact (anyone can
 * type anyone's address): they are cancelled and their details and messages deleted at once.
 * Called by the retention sweep for all, and before a new sign-up for that one contact.
 */
export async function purgeUnconfirmedOf(tx: EntityManager, meetingId: string | null, contactKey: string | null): Promise<number> {
  const rows = rowsOf<{ id: string }>(await tx.query(
    `WITH expired AS (
       UPDATE signup SET status = 'cancelled', cancelled_at = now(), name = NULL, email = NULL, phone = NULL,
                         contact_key = NULL, organisation = NULL, checkin_code = NULL, purged_at = now()
        WHERE status = 'pending' AND confirm_by <= now()
          AND ($1::uuid IS NULL OR meeting_id = $1) AND ($2::text IS NULL OR contact_key = $2)
       RETURNING id
     ), messages AS (
       UPDATE message SET recipient = NULL, subject = NULL, body = NULL, purged_at = now()
        WHERE signup_id IN (SELECT id FROM expired) AND purged_at IS NULL
     )
     SELECT id FROM expired`,
    [meetingId, contactKey],
  ));
  return rows.length;
}
