import type { EntityManager } from 'typeorm';
import type { AppConfig } from '@app/config';
import { addToOutbox, jobSpec } from '@app/jobs';

/**
 * The reminder is a delayed BullMQ job, handed over by the outbox with its due time (run_at). Its
 * payload carries the start time it was planned for, and its id is derived from it: when the
 * meeting moves, a new job (new id) is planned and the old one, already in Redis, finds the time
 * changed and sends nothing. Returns whether a reminder was planned (none when its time has passed).
 */
export async function scheduleReminder(tx: EntityManager, config: AppConfig, meetingId: string): Promise<boolean> {
  // A reminder still waiting in the outbox (Redis down) is for the old time: drop it.
  await tx.query(
    `DELETE FROM outbox WHERE queue = 'signups' AND job_name = 'remind' AND payload->>'meetingId' = $1::text AND dispatched_at IS NULL`,
    [meetingId],
  );
  const [meeting]: { starts_at: Date }[] = await tx.query(`SELECT starts_at FROM meeting WHERE id = $1`, [meetingId]);
  if (!meeting) return false;
  const runAt = new Date(meeting.starts_at.getTime() - config.REMINDER_LEAD_MINUTES * 60_000);
  if (runAt.getTime() <= Date.now()) return false;
  await addToOutbox(tx, [jobSpec('signups', 'remind', { meetingId, startsAt: meeting.starts_at.toISOString() })], { runAt });
  return true;
}
