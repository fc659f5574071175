import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { JobReconciler, jobSpec, OutboxDispatcher, QueueWorker, QUEUES, unknownJob, type PendingJob, type QueueJob } from '@app/jobs';
import { Mailer, NoSmsTransportError, type OutgoingMessage } from './mailer';
import { MANAGE_LINKS, renderSecrets, WITHDRAWAL_LINKS, type ManageLinks, type WithdrawalLinks } from './message-secrets';

/** Kinds of message whose text and address are deleted as soon as they are sent. */
const FORGOTTEN_ONCE_SENT = ['password_reset'];

/**
 * Sends messages. The row is locked while it is sent and marked sent in the same transaction, so
 * two workers never send one message twice, and a message already sent is skipped. A failed send
 * (mail server down) is retried by BullMQ with backoff; the reason is kept on the row, without
 * the address. A crash between sending and committing can repeat one message (at-least-once).
 */
@Injectable()
export class MessagesWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MessagesWorker.name);
  private worker: QueueWorker<'messages'> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly dispatcher: OutboxDispatcher,
    reconciler: JobReconciler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MANAGE_LINKS) private readonly links: ManageLinks,
    @Optional() @Inject(WITHDRAWAL_LINKS) private readonly withdrawals: WithdrawalLinks | null = null,
  ) {
    reconciler.register({ queue: QUEUES.messages, pending: () => this.unsentMessages() });
  }

  onApplicationBootstrap(): void {
    this.worker = new QueueWorker(this.config, QUEUES.messages, (job) => this.process(job), this.logger);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  private process(job: QueueJob<'messages'>): Promise<unknown> {
    switch (job.name) {
      case 'retry-sweep':
        return this.retryUnsent();
      case 'send':
        return this.send(job.data.messageId);
      default:
        return unknownJob(job);
    }
  }

  /** Every message not yet sent should have a send job (a failed one is the retry sweep's). */
  private async unsentMessages(): Promise<PendingJob[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM message WHERE sent_at IS NULL AND purged_at IS NULL AND channel = 'email' ORDER BY created_at LIMIT 5000`,
    );
    return rows.map((row) => ({ spec: jobSpec('messages', 'send', { messageId: row.id }) }));
  }

  /**
   * A mail server down for longer than a job's retries leaves its messages failed in BullMQ, and a
   * Redis that lost its data leaves them nowhere: either way the row is still unsent. The sweep
   * gives each such message its job again, so an outage delays messages but never loses them.
   */
  async retryUnsent(): Promise<{ requeued: number }> {
    // Young rows may still be on their way through the outbox: only a failed job is theirs to retry.
    const rows: { id: string; old: boolean }[] = await this.dataSource.query(
      `SELECT id, created_at < now() - interval '1 minute' AS old FROM message
        WHERE sent_at IS NULL AND purged_at IS NULL AND channel = 'email' ORDER BY created_at LIMIT 1000`,
    );
    const queue = this.dispatcher.queue(QUEUES.messages);
    let requeued = 0;
    for (const { id, old } of rows) {
      const spec = jobSpec('messages', 'send', { messageId: id });
      const job = await queue.getJob(spec.jobId);
      if (job && (await job.getState()) === 'failed') await job.retry();
      else if (!job && old) await queue.add(spec.name, spec.payload, { jobId: spec.jobId });
      else continue;
      requeued++;
    }
    if (requeued) this.logger.log(`${requeued} unsent messages queued again`);
    return { requeued };
  }

  async send(messageId: string): Promise<'sent' | 'skipped'> {
    const outcome = await this.dataSource.transaction(async (tx) => {
      const [message]: (OutgoingMessage & { sent: boolean; signupId: string | null; checkinCode: string | null })[] = await tx.query(
        `SELECT m.id, m.channel, m.recipient, m.subject, m.body, m.sent_at IS NOT NULL AS sent,
                m.signup_id AS "signupId", s.checkin_code AS "checkinCode"
           FROM message m LEFT JOIN signup s ON s.id = m.signup_id WHERE m.id = $1 FOR UPDATE OF m`,
        [messageId],
      );
      // Sent already, or purged before it could go (retention passed): nothing to do.
      if (!message || message.sent || message.recipient === null) return 'skipped' as const;
      // The link and the code are filled in only now: the stored body holds neither.
      const body = renderSecrets(message.body, {
        manageUrl: message.signupId ? this.links.manageUrlFor(message.signupId) : null,
        checkinCode: message.checkinCode,
        withdrawUrlFor: this.withdrawals ? (kind, id) => this.withdrawals!.withdrawUrlFor(kind, id) : undefined,
      });
      try {
        await this.mailer.send({ ...message, body });
      } catch (error) {
        if (error instanceof NoSmsTransportError) {
          // Not retried: it cannot succeed. Only sign-ups from before email became required have phones.
          await tx.query(`UPDATE message SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [messageId, error.message]);
          return 'skipped' as const;
        }
        // Mail servers quote the address back; the log and the row keep the reason without it.
        return { failed: (error as Error).message.replaceAll(message.recipient, '<recipient>').slice(0, 500) };
      }
      // A message carrying a secret (a password reset link) is not kept once sent: the database holds only the link's hash.
      await tx.query(
        `UPDATE message SET sent_at = now(), attempts = attempts + 1, last_error = NULL,
                recipient = CASE WHEN kind = ANY($2) THEN NULL ELSE recipient END,
                subject = CASE WHEN kind = ANY($2) THEN NULL ELSE subject END,
                body = CASE WHEN kind = ANY($2) THEN NULL ELSE body END,
                purged_at = CASE WHEN kind = ANY($2) THEN now() ELSE purged_at END
          WHERE id = $1`,
        [messageId, FORGOTTEN_ONCE_SENT],
      );
      return 'sent' as const;
    });
    if (typeof outcome === 'string') return outcome;
    await this.dataSource.query(`UPDATE message SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [messageId, outcome.failed]);
    this.logger.warn(`Message ${messageId} not sent, will retry: ${outcome.failed}`);
    throw new Error(outcome.failed);
  }
}
