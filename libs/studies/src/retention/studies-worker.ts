import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { recordAudit } from '@app/audit';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { JobReconciler, QueueWorker, QUEUES, unknownJob, type QueueJob } from '@app/jobs';
import { Mailer } from '@app/mail';
import { StudyRegistry } from '../participants/study-registry';
import { FREE_TEXT_BATCH, purgeFreeTextBatch, purgeParadata } from './study-retention';

/** At most this many free-text batches per run; the next run (RETENTION_SWEEP_MS) continues. */
const MAX_FREE_TEXT_BATCHES = 40;

export interface StudyRetentionOutcome {
  contacts: number;
  freeText: number;
  paradata: number;
  /** Sweeps other features registered (exports), by data class. */
  other: Record<string, number>;
}

/**
 * The studies queue: the repeating `retention-sweep` that enforces each study's retention per data
 * class. Contacts are deleted by the features holding them (StudyRegistry sources), free text and
 * paradata here, other classes (exports) by the sweeps their features registered. Each class runs in
 * its own transaction; purged messages' mail files go inside it. Logs and audit hold counts only.
 */
@Injectable()
export class StudiesWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(StudiesWorker.name);
  private worker: QueueWorker<'studies'> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: StudyRegistry,
    private readonly mailer: Mailer,
    reconciler: JobReconciler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // Nothing one-off to restore; registering gets the repeating sweep scheduled.
    reconciler.register({ queue: QUEUES.studies, pending: () => Promise.resolve([]) });
  }

  onApplicationBootstrap(): void {
    this.worker = new QueueWorker(this.config, QUEUES.studies, (job) => this.process(job), this.logger);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  private process(job: QueueJob<'studies'>): Promise<StudyRetentionOutcome> {
    switch (job.name) {
      case 'retention-sweep':
        return this.sweep();
      default:
        // One job name: TypeScript does not narrow a lone Job type to never here; the registry check still holds.
        return unknownJob(job as never);
    }
  }

  async sweep(): Promise<StudyRetentionOutcome> {
    const outcome: StudyRetentionOutcome = { contacts: 0, freeText: 0, paradata: 0, other: {} };
    for (const source of this.registry.allParticipantSources()) {
      outcome.contacts += await this.dataSource.transaction(async (tx) => {
        const purged = await source.purgeExpiredContacts(tx);
        await this.mailer.forget(purged.messageIds);
        return purged.purged;
      });
    }
    for (let batch = 0; batch < MAX_FREE_TEXT_BATCHES; batch++) {
      const changed = await this.dataSource.transaction((tx) => purgeFreeTextBatch(tx));
      outcome.freeText += changed;
      if (changed < FREE_TEXT_BATCH) break;
    }
    outcome.paradata = await this.dataSource.transaction((tx) => purgeParadata(tx));
    for (const sweep of this.registry.retentionSweeps()) {
      outcome.other[sweep.dataClass] =
        (outcome.other[sweep.dataClass] ?? 0) +
        (await this.dataSource.transaction(async (tx) => {
          const purged = await sweep.sweep(tx);
          await this.mailer.forget(purged.messageIds ?? []);
          return purged.purged;
        }));
    }
    const total = outcome.contacts + outcome.freeText + outcome.paradata + Object.values(outcome.other).reduce((a, b) => a + b, 0);
    if (total) {
      await recordAudit(this.dataSource.manager, {
        actor: null,
        action: 'study.retention_applied',
        targetType: 'study',
        targetId: null,
        details: { contacts: outcome.contacts, freeText: outcome.freeText, paradata: outcome.paradata, ...prefixed(outcome.other) },
      });
      this.logger.log(`Study retention: ${outcome.contacts} contacts, ${outcome.freeText} free-text answers, ${outcome.paradata} paradata`);
    }
    return outcome;
  }
}

const prefixed = (other: Record<string, number>) => Object.fromEntries(Object.entries(other).map(([key, n]) => [`other.${key}`, n]));
