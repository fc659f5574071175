import type { EntityManager } from 'typeorm';
import { rowsOf } from '@app/database';
import { enqueueMessages } from '@app/mail';
import { signupMessage, type MeetingForMessage, type Recipient } from '../signups/signup-messages';

/**
 * Sends the meeting's reminder to everyone holding a place who has not had one. Marking
 * reminded_at in the same transaction as storing the messages makes it once per person, however
 * often the job runs. Nothing goes out for a cancelled meeting or one already under way.
 */
export async function sendReminders(tx: EntityManager, meetingId: string): Promise<number> {
  const [meeting]: MeetingForMessage[] = await tx.query(
    `SELECT title_lt, title_en, starts_at, place, online_url FROM meeting
      WHERE id = $1 AND cancelled_at IS NULL AND starts_at > now() FOR UPDATE`,
    [meetingId],
  );
  if (!meeting) return 0;
  const recipients = rowsOf<Recipient>(await tx.query(
    `UPDATE signup SET reminded_at = now()
      WHERE meeting_id = $1 AND status = 'confirmed' AND reminded_at IS NULL AND purged_at IS NULL
      RETURNING id, language, email, phone, checkin_code`,
    [meetingId],
  ));
  await enqueueMessages(tx, recipients.map((r) => signupMessage('reminder', meeting, r)));
  return recipients.length;
}
