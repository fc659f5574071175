import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { OutboxDispatcher } from './outbox-dispatcher';
import { repeatingJobs, type JobSpec, type QueueName } from './registry';

/** A job PostgreSQL says should exist, and when it is due (reminders); null or past: now. */
export interface PendingJob {
  spec: JobSpec;
  runAt?: Date | null;
}

/** What a queue's worker contributes: the jobs its tables say are still to be done. */
export interface ReconcileSource {
  queue: QueueName;
  pending(): Promise<PendingJob[]>;
}

export interface ReconcileReport {
  /** One-off jobs added because BullMQ did not hold them, per job name. */
  restored: Record<string, number>;
  /** Repeating jobs registered (an upsert: unchanged when present). */
  repeating: string[];
}

/**
 * PostgreSQL is the source of truth for jobs; BullMQ only holds copies. Redis may lose them (a
 * restart without persistence, FLUSHALL, an eviction): at start and every JOB_RECONCILE_MS each
 * worker re-creates from the database whatever BullMQ should hold: the repeating sweeps, and each
 * job a feature reports as pending (a compile requested and not yet run, a reminder not yet sent,
 * a message not yet sent) that is neither waiting in the outbox nor known to BullMQ. Job ids come
 * from the registry, so adding a job BullMQ already has is a no-op: several workers reconciling at
 * once, or a reconcile racing the outbox, add each job once.
 */
@Injectable()
export class JobReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobReconciler.name);
  private readonly sources: ReconcileSource[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly dispatcher: OutboxDispatcher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Called by each queue's worker from its constructor, so every source is known at bootstrap. */
  register(source: ReconcileSource): void {
    this.sources.push(source);
  }

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.running = this.reconcile()
        .catch((error: Error) => {
          // Redis or PostgreSQL down: the next round (or the outbox) will do it.
          this.logger.warn(`Job reconcile postponed: ${error.message}`);
          return null;
        })
        .then((report) => {
          // Until the first complete round, retry soon: a worker started during an outage should
          // not wait minutes for its sweeps.
          if (!this.stopped) this.schedule(report ? this.config.JOB_RECONCILE_MS : Math.min(5000, this.config.JOB_RECONCILE_MS));
        });
    }, delayMs);
  }

  /** One round over every registered queue. Safe to run at any time, in any number of workers. */
  async reconcile(): Promise<ReconcileReport> {
    const report: ReconcileReport = { restored: {}, repeating: [] };
    for (const source of this.sources) {
      const queue = this.dispatcher.queue(source.queue);
      for (const { name, everyMs } of repeatingJobs(source.queue, this.config)) {
        await queue.upsertJobScheduler(name, { every: everyMs }, { name });
        report.repeating.push(`${source.queue}/${name}`);
      }
      const pending = await source.pending();
      if (!pending.length) continue;
      // Rows still in the outbox are the dispatcher's to hand over (some wait for a debounce).
      const waiting = new Set(
        (
          await this.dataSource.query<{ job_id: string }[]>(`SELECT job_id FROM outbox WHERE dispatched_at IS NULL AND job_id = ANY($1)`, [
            pending.map((p) => p.spec.jobId),
          ])
        ).map((row) => row.job_id),
      );
      for (const { spec, runAt } of pending) {
        if (waiting.has(spec.jobId) || (await queue.getJob(spec.jobId))) continue;
        const delay = runAt ? Math.max(0, runAt.getTime() - Date.now()) : 0;
        await queue.add(spec.name, spec.payload, { jobId: spec.jobId, delay: delay || undefined });
        const key = `${spec.queue}/${spec.name}`;
        report.restored[key] = (report.restored[key] ?? 0) + 1;
      }
    }
    const restored = Object.entries(report.restored);
    if (restored.length) {
      this.logger.warn(`Jobs re-created from the database (BullMQ had lost them): ${restored.map(([k, n]) => `${k} ${n}`).join(', ')}`);
    }
    return report;
  }
}
