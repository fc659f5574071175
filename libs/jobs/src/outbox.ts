import type { EntityManager } from 'typeorm';
import type { JobSpec } from './registry';

export interface OutboxTiming {
  /** Hand the job to BullMQ this many seconds from now (debounce); default now. */
  delaySeconds?: number;
  /** Hand it over as a delayed job due at this time (reminders); default run at once. */
  runAt?: Date | null;
}

/**
 * The one way TypeScript code enqueues work: outbox rows written in the caller's transaction, so
 * the job exists exactly when the change that asked for it commits. Build the specs with
 * `jobSpec` (libs/jobs/src/registry.ts), which derives each id. A job already waiting in the
 * outbox is not written twice.
 */
export async function addToOutbox(tx: EntityManager, specs: JobSpec[], timing: OutboxTiming = {}): Promise<void> {
  if (!specs.length) return;
  await tx.query(
    `INSERT INTO outbox (queue, job_name, job_id, payload, available_at, run_at)
     SELECT queue, job_name, job_id, payload, now() + make_interval(secs => $5), $6
       FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[]) AS j(queue, job_name, job_id, payload)
     ON CONFLICT DO NOTHING`,
    [
      specs.map((s) => s.queue),
      specs.map((s) => s.name),
      specs.map((s) => s.jobId),
      specs.map((s) => JSON.stringify(s.payload)),
      timing.delaySeconds ?? 0,
      timing.runAt ?? null,
    ],
  );
}
