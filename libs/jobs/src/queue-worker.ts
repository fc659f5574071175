import type { Logger } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import type Redis from 'ioredis';
import type { AppConfig } from '@app/config';
import type { OutboxDispatcher } from './outbox-dispatcher';
import { bullPrefix, workerConnection, type QueueName } from './queues';

/**
 * A BullMQ worker on one queue with the platform's settings: its own blocking connection (BullMQ
 * leaves a passed-in connection open, so this closes it), locks of JOB_LOCK_MS, and a repeating
 * job registered as soon as Redis answers, without holding up startup.
 */
export class QueueWorker {
  private readonly worker: Worker;
  private readonly connection: Redis;
  private scheduling: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly config: AppConfig,
    readonly queue: QueueName,
    processor: (job: Job) => Promise<unknown>,
    logger: Logger,
    options: { maxStalledCount?: number } = {},
  ) {
    this.connection = workerConnection(config);
    this.worker = new Worker(queue, processor, {
      connection: this.connection,
      prefix: bullPrefix(config),
      concurrency: config.WORKER_CONCURRENCY,
      lockDuration: config.JOB_LOCK_MS,
      stalledInterval: config.JOB_LOCK_MS,
      ...options,
    });
    this.worker.on('error', (error) => logger.warn(`${queue} worker: ${error.message}`));
  }

  /** Registers (or updates) a job named `name` every `everyMs`; retried every 5 s until Redis answers. */
  repeat(dispatcher: OutboxDispatcher, name: string, everyMs: number): void {
    dispatcher
      .queue(this.queue)
      .upsertJobScheduler(name, { every: everyMs }, { name })
      .catch(() => {
        if (this.closed) return;
        this.scheduling = setTimeout(() => this.repeat(dispatcher, name, everyMs), 5000);
      });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.scheduling);
    await this.worker.close();
    this.connection.disconnect();
  }
}
