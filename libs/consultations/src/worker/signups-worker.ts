import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { JobReconciler, jobSpec, QueueWorker, QUEUES, unknownJob, type PendingJob, type QueueJob } from '@app/jobs';
import { Mailer } from '@app/mail';
import { sendReminders } from './reminders';
import { purgeExpiredContacts } from './retention';

/**
 * The signups queue: `remind` (a delayed job per meeting, due REMINDER_LEAD_MINUTES before it) and
 * the repeating `retention-sweep`. Both only write rows and queue messages; sending is the
 * messages queue's job. Logs carry ids and counts, never names or contacts.
 */
@Injectable()
export class SignupsWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SignupsWorker.name);
  private worker: QueueWorker<'signups'> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    reconciler: JobReconciler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mailer: Mailer,
  ) {
    reconciler.register({ queue: QUEUES.signups, pending: () => this.dueReminders() });
  }

  onApplicationBootstrap(): void {
    this.worker = new QueueWorker(this.config, QUEUES.signups, (job) => this.process(job), this.logger);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  private async process(job: QueueJob<'signups'>): Promise<{ reminded?: number; purgedMeetings?: number; unconfirmed?: number }> {
    switch (job.name) {
      case 'remind': {
        const reminded = await this.dataSource.transaction((tx) => sendReminders(tx, this.config, job.data.meetingId, job.data.startsAt));
        this.logger.log(`Meeting ${job.data.meetingId}: ${reminded} reminders queued`);
        return { reminded };
      }
      case 'retention-sweep': {
        // The mail files go inside the transaction: if deleting one fails, the rows stay due and the
        // next sweep tries again; a file deleted before a failed commit was purged anyway.
        const outcome = await this.dataSource.transaction(async (tx) => {
          const purged = await purgeExpiredContacts(tx);
          await this.mailer.forget(purged.messageIds);
          return purged;
        });
        if (outcome.meetings || outcome.unconfirmed) {
          this.logger.log(`Retention: contact details of ${outcome.meetings} meetings and ${outcome.unconfirmed} unconfirmed sign-ups deleted`);
        }
        return { purgedMeetings: outcome.meetings, unconfirmed: outcome.unconfirmed };
      }
      default:
        return unknownJob(job);
    }
  }

  /**
   * Reminders still to go: meetings that were given one (a remind row in the outbox), have not
   * started and were not cancelled, with someone holding a place who has not been reminded.
   */
  private async dueReminders(): Promise<PendingJob[]> {
    const rows: { id: string; starts_at: Date; run_at: Date }[] = await this.dataSource.query(
      `SELECT m.id, m.starts_at, m.starts_at - make_interval(mins => $1) AS run_at FROM meeting m
        WHERE m.cancelled_at IS NULL AND m.starts_at > now()
          AND EXISTS (SELECT 1 FROM outbox o WHERE o.queue = 'signups' AND o.job_name = 'remind' AND o.payload->>'meetingId' = m.id::text)
          AND EXISTS (SELECT 1 FROM signup s WHERE s.meeting_id = m.id AND s.status = 'confirmed' AND s.reminded_at IS NULL AND s.purged_at IS NULL)`,
      [this.config.REMINDER_LEAD_MINUTES],
    );
    return rows.map((row) => ({ spec: jobSpec('signups', 'remind', { meetingId: row.id, startsAt: row.starts_at.toISOString() }), runAt: row.run_at }));
  }
}
