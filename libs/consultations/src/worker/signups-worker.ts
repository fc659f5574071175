import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { bullPrefix, OutboxDispatcher, QUEUES, workerConnection } from '@app/jobs';
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
  private worker: Worker | undefined;
  private connection: Redis | undefined;
  private scheduling: NodeJS.Timeout | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly dispatcher: OutboxDispatcher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.connection = workerConnection(this.config);
    this.worker = new Worker(QUEUES.signups, (job) => this.process(job), {
      connection: this.connection,
      prefix: bullPrefix(this.config),
      concurrency: this.config.WORKER_CONCURRENCY,
      lockDuration: this.config.JOB_LOCK_MS,
      stalledInterval: this.config.JOB_LOCK_MS,
    });
    this.worker.on('error', (error) => this.logger.warn(`Signups worker: ${error.message}`));
    void this.scheduleRetentionSweep();
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.scheduling);
    await this.worker?.close();
    this.connection?.disconnect();
  }

  private async process(job: Job): Promise<{ reminded?: number; purgedMeetings?: number }> {
    if (job.name === REMIND) {
      const reminded = await this.dataSource.transaction((tx) => sendReminders(tx, this.config, job.data.meetingId));
      this.logger.log(`Meeting ${job.data.meetingId}: ${reminded} reminders queued`);
      return { reminded };
    }
    const purgedMeetings = await this.dataSource.transaction((tx) => purgeExpiredContacts(tx));
    if (purgedMeetings) this.logger.log(`Retention: contact details of ${purgedMeetings} meetings deleted`);
    return { purgedMeetings };
  }

  /** Registers the repeating sweep; retried until Redis answers, without holding up startup. */
  private async scheduleRetentionSweep(): Promise<void> {
    try {
      await this.dispatcher
        .queue(QUEUES.signups)
        .upsertJobScheduler(RETENTION_SWEEP, { every: this.config.RETENTION_SWEEP_MS }, { name: RETENTION_SWEEP });
    } catch {
      this.scheduling = setTimeout(() => void this.scheduleRetentionSweep(), 5000);
    }
  }
}
