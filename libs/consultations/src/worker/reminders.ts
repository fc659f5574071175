import type { EntityManager } from 'typeorm';
import type { AppConfig } from '@app/config';
import { rowsOf } from '@app/database';
import { sendBatch } from '../signups/message-batches';
import type { MeetingForMessage, Recipient } from '../signups/signup-messages';

/**
 * Sends the meeting's reminder to everyone holding a place who has not had one. Marking
 * reminded_at in the same transaction as storing the messages makes it once per person, however
 * often the job runs. Nothing goes out for a cancelled meeting or one already under way, nor
 * from a job planned for a start time the meeting no longer has (it was moved: a new job is planned).
 */
export async function sendReminders(tx: EntityManager, config: AppConfig, meetingId: string, plannedStartsAt?: string): Promise<number> {
  const [meeting]: MeetingForMessage[] = await tx.query(
    `SELECT title_lt, title_en, starts_at, place, online_url FROM meeting
      WHERE id = $1 AND cancelled_at IS NULL AND starts_at > now() AND ($2::timestamptz IS NULL OR starts_at = $2::timestamptz)
      FOR UPDATE`,
    [meetingId, plannedStartsAt ?? null],
  );
  if (!meeting) return 0;
  const recipients = rowsOf<Recipient>(await tx.query(
    `UPDATE signup SET reminded_at = now()
      WHERE meeting_id = $1 AND status = 'confirmed' AND reminded_at IS NULL AND purged_at IS NULL
      RETURNING id, language, email, phone, checkin_code`,
    [meetingId],
  ));
  if (!recipients.length) return 0;
  return sendBatch(tx, config, { meetingId, kind: 'reminder', meeting, recipients, actorAccountId: null });
}
