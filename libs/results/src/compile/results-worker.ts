import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { JobReconciler, jobSpec, QueueWorker, QUEUES, unknownJob, type PendingJob, type QueueJob } from '@app/jobs';
import { requestCompilesForClosedSurveys } from '@app/surveys';
import { classifyFailure } from './compile-failures';
import { ResultCompiler, type CompileTarget } from './result-compiler';

/**
 * Processes the results queue: `compile` jobs (one survey version in one municipality) and the
 * repeating `close-sweep` that asks for compiles when surveys close on their own. The state each
 * compile is in lives in PostgreSQL (result_compilation), so the web page shows it even while
 * Redis is down.
 */
@Injectable()
export class ResultsWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ResultsWorker.name);
  private worker: QueueWorker<'results'> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly compiler: ResultCompiler,
    reconciler: JobReconciler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    reconciler.register({ queue: QUEUES.results, pending: () => this.pendingCompiles() });
  }

  onApplicationBootstrap(): void {
    // A job whose worker died is taken up again; twice is an accident, three times a pattern.
    this.worker = new QueueWorker(this.config, QUEUES.results, (job) => this.process(job), this.logger, { maxStalledCount: 2 });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  private async process(job: QueueJob<'results'>): Promise<unknown> {
    switch (job.name) {
      case 'close-sweep':
        return this.dataSource.transaction((tx) => requestCompilesForClosedSurveys(tx));
      case 'compile':
        return this.compile(job);
      default:
        return unknownJob(job);
    }
  }

  /**
   * Compiles asked for and not yet finished: the newest request of each pair that has one pending,
   * or is running or retrying (its job is lost if Redis lost its data mid-run; a re-run stores
   * what one clean run stores).
   */
  private async pendingCompiles(): Promise<PendingJob[]> {
    const rows: { survey_version_id: string; municipality_id: string; requested_seq: number }[] = await this.dataSource.query(
      `SELECT survey_version_id, municipality_id, requested_seq FROM result_compilation
        WHERE requested_seq > started_seq OR status IN ('running', 'retrying')`,
    );
    return rows.map((row) => ({
      spec: jobSpec('results', 'compile', { surveyVersionId: row.survey_version_id, municipalityId: row.municipality_id, seq: row.requested_seq }),
    }));
  }

  private async compile(job: Job<CompileTarget>): Promise<{ release: string | null }> {
    const target = job.data;
    const attempt = job.attemptsMade + 1;
    await this.dataSource.query(
      `UPDATE result_compilation
          SET started_seq = GREATEST(started_seq, $3), status = 'running', progress = 0, attempt = $4, started_at = now()
        WHERE survey_version_id = $1 AND municipality_id = $2`,
      [target.surveyVersionId, target.municipalityId, target.seq, attempt],
    );
    const progress = async (percent: number) => {
      await job.updateProgress(percent);
      await this.dataSource.query(
        `UPDATE result_compilation SET progress = $4
          WHERE survey_version_id = $1 AND municipality_id = $2 AND started_seq = $3 AND status = 'running'`,
        [target.surveyVersionId, target.municipalityId, target.seq, percent],
      );
    };
    try {
      // Counts only: the true response count stays out of the job's return value (Redis).
      const results = await this.compiler.compile(target, progress);
      return { release: results.release };
    } catch (error) {
      // Stored and logged as a code: database messages carry the statement's parameters (answers).
      const { code, retryable } = classifyFailure(error);
      const final = !retryable || attempt >= (job.opts.attempts ?? 1);
      this.logger.warn(`Compile ${job.id} failed (attempt ${attempt}${final ? ', giving up' : ', will retry'}): ${code}`);
      await this.dataSource.query(
        `UPDATE result_compilation SET status = $4, last_error = $5, finished_at = now()
          WHERE survey_version_id = $1 AND municipality_id = $2 AND started_seq = $3`,
        [target.surveyVersionId, target.municipalityId, target.seq, final ? 'failed' : 'retrying', code],
      );
      // BullMQ does not retry an UnrecoverableError: a data error fails the same way every time.
      throw retryable ? error : new UnrecoverableError(code);
    }
  }
}
