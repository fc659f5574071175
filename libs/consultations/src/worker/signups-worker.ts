import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { OutboxDispatcher, QueueWorker, QUEUES } from '@app/jobs';
import { sendReminders } from './reminders';
import { purgeExpiredContacts } from './retention';

export const REMIND = 'remind';
export const RETENTION_SWEEP = 'retention-sweep';

/**
 * The signups queue: `remind` (a delayed job per meeting, due REMINDER_LEAD_MINUTES before it) and
 * the repeating `retention-sweep`. Both only write rows and queue messages; sending is the
 * messages queue's job. Logs carry ids and counts, never names or contacts.
 */
@Injectable()
export class SignupsWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SignupsWorker.name);
  private worker: QueueWorker | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly dispatcher: OutboxDispatcher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new QueueWorker(this.config, QUEUES.signups, (job) => this.process(job), this.logger);
    this.worker.repeat(this.dispatcher, RETENTION_SWEEP, this.config.RETENTION_SWEEP_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  private async process(job: Job): Promise<{ reminded?: number; purgedMeetings?: number }> {
    if (job.name === REMIND) {
      const reminded = await this.dataSource.transaction((tx) => sendReminders(tx, this.config, job.data.meetingId, job.data.startsAt));
      this.logger.log(`Meeting ${job.data.meetingId}: ${reminded} reminders queued`);
      return { reminded };
    }
    const purgedMeetings = await this.dataSource.transaction((tx) => purgeExpiredContacts(tx));
    if (purgedMeetings) this.logger.log(`Retention: contact details of ${purgedMeetings} meetings deleted`);
    return { purgedMeetings };
  }
}
