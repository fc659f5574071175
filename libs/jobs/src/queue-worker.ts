import type { Logger } from '@nestjs/common';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type Redis from 'ioredis';
import type { AppConfig } from '@app/config';
import { bullPrefix, workerConnection } from './queues';
import { isJobName, type JobData, type JobName, type QueueName } from './registry';

/** A job of queue Q, narrowed by `switch (job.name)` to its payload type. */
export type QueueJob<Q extends QueueName> = { [N in JobName<Q>]: Job<JobData<Q, N>, unknown, N> }[JobName<Q>];

/**
 * The `default` of a processor's switch over its job names: unreachable for the names the
 * registry declares (the compiler checks the switch is exhaustive), and a clear, final failure
 * for anything else.
 */
export function unknownJob(job: never): never {
  const { name, queueName } = job as Job;
  throw new UnrecoverableError(`No processor for job "${name}" on queue ${queueName}`);
}

/**
 * A BullMQ worker on one queue with the platform's settings: its own blocking connection (BullMQ
 * leaves a passed-in connection open, so this closes it) and locks of JOB_LOCK_MS. A job whose
 * name the registry does not declare for the queue fails at once, without retries.
 */
export class QueueWorker<Q extends QueueName> {
  private readonly worker: Worker;
  private readonly connection: Redis;

  constructor(
    config: AppConfig,
    readonly queue: Q,
    processor: (job: QueueJob<Q>) => Promise<unknown>,
    logger: Logger,
    options: { maxStalledCount?: number } = {},
  ) {
    this.connection = workerConnection(config);
    this.worker = new Worker(
      queue,
      (job: Job) => {
        if (!isJobName(queue, job.name)) throw new UnrecoverableError(`No processor for job "${job.name}" on queue ${queue}`);
        return processor(job as QueueJob<Q>);
      },
      {
        connection: this.connection,
        prefix: bullPrefix(config),
        concurrency: config.WORKER_CONCURRENCY,
        lockDuration: config.JOB_LOCK_MS,
        stalledInterval: config.JOB_LOCK_MS,
        ...options,
      },
    );
    let down = false;
    this.worker.on('error', (error) => {
      // One line per outage: BullMQ reports every failed reconnect.
      if (!down) logger.warn(`${queue} worker: ${error.message}`);
      down = true;
    });
    this.worker.on('ready', () => (down = false));
  }

  async close(): Promise<void> {
    await this.worker.close();
    this.connection.disconnect();
  }
}
