import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { bullPrefix, QUEUES, workerConnection } from '@app/jobs';
import { Mailer, type OutgoingMessage } from './mailer';

/**
 * Sends messages. The row is locked while it is sent and marked sent in the same transaction, so
 * two workers never send one message twice, and a message already sent is skipped. A failed send
 * (mail server down) is retried by BullMQ with backoff; the reason is kept on the row, without
 * the address. A crash between sending and committing can repeat one message (at-least-once).
 */
@Injectable()
export class MessagesWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MessagesWorker.name);
  private worker: Worker | undefined;
  private connection: Redis | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.connection = workerConnection(this.config);
    this.worker = new Worker(QUEUES.messages, (job: Job<{ messageId: string }>) => this.send(job.data.messageId), {
      connection: this.connection,
      prefix: bullPrefix(this.config),
      concurrency: this.config.WORKER_CONCURRENCY,
      lockDuration: this.config.JOB_LOCK_MS,
      stalledInterval: this.config.JOB_LOCK_MS,
    });
    this.worker.on('error', (error) => this.logger.warn(`Messages worker: ${error.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    this.connection?.disconnect();
  }

  async send(messageId: string): Promise<'sent' | 'skipped'> {
    const outcome = await this.dataSource.transaction(async (tx) => {
      const [message]: (OutgoingMessage & { sent: boolean })[] = await tx.query(
        `SELECT id, channel, recipient, subject, body, sent_at IS NOT NULL AS sent FROM message WHERE id = $1 FOR UPDATE`,
        [messageId],
      );
      // Sent already, or purged before it could go (retention passed): nothing to do.
      if (!message || message.sent || message.recipient === null) return 'skipped' as const;
      try {
        await this.mailer.send(message);
      } catch (error) {
        // Mail servers quote the address back; the log and the row keep the reason without it.
        return { failed: (error as Error).message.replaceAll(message.recipient, '<recipient>').slice(0, 500) };
      }
      await tx.query(`UPDATE message SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1`, [messageId]);
      return 'sent' as const;
    });
    if (typeof outcome === 'string') return outcome;
    await this.dataSource.query(`UPDATE message SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [messageId, outcome.failed]);
    this.logger.warn(`Message ${messageId} not sent, will retry: ${outcome.failed}`);
    throw new Error(outcome.failed);
  }
}
