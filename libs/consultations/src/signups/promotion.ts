import type { EntityManager } from 'typeorm';
import type { AppConfig } from '@app/config';
import { enqueueMessages } from '@app/mail';
import { signupMessage, type MeetingForMessage, type Recipient } from './signup-messages';

/**
 * Gives free places to the waitlist in sign-up order, within quotas, and tells each person promoted.
 * The caller holds the meeting's row lock, so no new sign-up can take a freed place in between;
 * nobody is promoted once the meeting is cancelled or has started.
 */
export async function promoteWaitlist(tx: EntityManager, _config: AppConfig, meetingId: string): Promise<number> {
  let promoted = 0;
  for (;;) {
    const [next]: (Recipient & MeetingForMessage)[] = await tx.query(
      `SELECT s.id, s.language, s.email, s.phone, s.checkin_code, m.title_lt, m.title_en, m.starts_at, m.place, m.online_url
         FROM signup s
         JOIN meeting m ON m.id = s.meeting_id
         LEFT JOIN meeting_quota q ON q.meeting_id = s.meeting_id AND q.partner_organisation_id = s.partner_organisation_id
        WHERE s.meeting_id = $1 AND s.status = 'waitlisted' AND s.purged_at IS NULL
          AND m.cancelled_at IS NULL AND m.starts_at > now() AND m.confirmed_count < m.capacity
          AND (q.meeting_id IS NULL OR q.confirmed_count < q.seats)
        ORDER BY s.position LIMIT 1`,
      [meetingId],
    );
    if (!next) return promoted;
    await tx.query(`UPDATE signup SET status = 'confirmed', promoted_at = now() WHERE id = $1`, [next.id]);
    await enqueueMessages(tx, [signupMessage('promoted', next, next)]);
    promoted++;
  }
}
