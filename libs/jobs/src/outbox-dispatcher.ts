import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { bullPrefix, defaultJobOptions, producerConnection } from './queues';
import { isJobName, isQueueName, QUEUE_NAMES, type QueueName } from './registry';

interface OutboxRow {
  id: string;
  queue: string;
  job_name: string;
  job_id: string;
  payload: Record<string, unknown>;
  /** Milliseconds until run_at, for delayed jobs (reminders); 0 when due now. */
  delay_ms: number;
}

/** Rows per poll; the rest wait for the next poll a few hundred milliseconds later. */
const BATCH = 100;
/**
 * Before its first connection BullMQ waits for Redis instead of failing; past this the row is left
 * for the next poll. If the add completes later anyway, the next hand-over finds the job id taken.
 */
const ADD_TIMEOUT_MS = 3000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  promise.catch(() => undefined); // a late failure after the timeout is expected, not unhandled
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Moves due outbox rows into BullMQ. Runs in every worker process: rows are claimed with
 * FOR UPDATE SKIP LOCKED, so several workers never hand over the same row at once, and a job id
 * BullMQ already holds makes a repeated hand-over a no-op.
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxDispatcher.name);
  private readonly connection: Redis;
  private readonly queues = new Map<QueueName, Queue>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private redisDown = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.connection = producerConnection(config);
    // Outages are reported once by dispatch(); ioredis would otherwise print every reconnect attempt.
    this.connection.on('error', () => undefined);
  }

  /** The producer side of a queue (also used by the worker to schedule repeatable jobs). */
  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: this.connection,
        prefix: bullPrefix(this.config),
        defaultJobOptions: defaultJobOptions(this.config),
      });
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  onApplicationBootstrap(): void {
    for (const name of QUEUE_NAMES) this.queue(name);
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
    await Promise.all([...this.queues.values()].map((queue) => queue.close().catch(() => undefined)));
    this.connection.disconnect();
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.running = this.dispatch()
        .then(() => undefined)
        .catch((error: Error) => this.logger.error(`Outbox dispatch failed: ${error.message}`))
        .finally(() => {
          if (this.timer) this.schedule();
        });
    }, this.config.OUTBOX_POLL_MS);
  }

  /** Hands over due rows; returns how many. A row whose hand-over fails stays for the next poll. */
  async dispatch(): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const rows: OutboxRow[] = await tx.query(
        `SELECT id, queue, job_name, job_id, payload,
                GREATEST(0, ceil(extract(epoch FROM run_at - now()) * 1000))::float8 AS delay_ms
           FROM outbox
          WHERE dispatched_at IS NULL AND available_at <= now()
          ORDER BY available_at, id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      let dispatched = 0;
      for (const row of rows) {
        if (!isQueueName(row.queue) || !isJobName(row.queue, row.job_name)) {
          // Written by code that bypassed the registry: no worker would run it. Kept, loudly, for a person to look at.
          this.logger.error(`Outbox row ${row.id}: job ${row.queue}/${row.job_name} is not in the job registry`);
          await tx.query(
            `UPDATE outbox SET attempts = attempts + 1, last_error = 'not in the job registry', available_at = now() + interval '1 hour' WHERE id = $1`,
            [row.id],
          );
          continue;
        }
        try {
          await withTimeout(this.queue(row.queue).add(row.job_name, row.payload, { jobId: row.job_id, delay: row.delay_ms || undefined }), ADD_TIMEOUT_MS);
        } catch (error) {
          const reason = (error as Error).message.slice(0, 500);
          await tx.query(`UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [row.id, reason]);
          if (!this.redisDown) this.logger.warn(`Jobs wait in the outbox until Redis is reachable: ${reason}`);
          this.redisDown = true;
          break;
        }
        await tx.query(`UPDATE outbox SET dispatched_at = now(), attempts = attempts + 1 WHERE id = $1`, [row.id]);
        dispatched++;
      }
      if (dispatched && this.redisDown) {
        this.logger.log('Redis is reachable again; dispatching waiting jobs');
        this.redisDown = false;
      }
      return dispatched;
    });
  }
}
