import type { EntityManager } from 'typeorm';
import type { AppConfig } from '@app/config';

/**
 * The reminder is a delayed BullMQ job, handed over by the outbox with its due time (run_at). Its
 * payload carries the start time it was planned for: when the meeting moves, a new job (new id) is
 * planned and the old one, already in Redis, finds the time changed and sends nothing.
 * Returns whether a reminder was planned (none when its time has already passed).
 */
export async function scheduleReminder(tx: EntityManager, config: AppConfig, meetingId: string, jobId: string): Promise<boolean> {
  // A reminder still waiting in the outbox (Redis down) is for the old time: drop it.
  await tx.query(`DELETE FROM outbox WHERE job_name = 'remind' AND payload->>'meetingId' = $1::text AND dispatched_at IS NULL`, [meetingId]);
  const planned = await tx.query(
    `INSERT INTO outbox (queue, job_name, job_id, payload, run_at)
     SELECT 'signups', 'remind', $3, jsonb_build_object('meetingId', m.id, 'startsAt', m.starts_at), m.starts_at - make_interval(mins => $2)
       FROM meeting m WHERE m.id = $1 AND m.starts_at - make_interval(mins => $2) > now()
     RETURNING id`,
    [meetingId, config.REMINDER_LEAD_MINUTES, jobId],
  );
  return planned.length > 0;
}
