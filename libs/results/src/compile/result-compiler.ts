import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { ResultPlans } from '../definition/result-plans';
import { countCube, countGroups, numericStats } from './aggregate-queries';
import { buildResults, type CompiledResults } from './build-results';

export interface CompileTarget {
  surveyVersionId: string;
  municipalityId: string;
  /** The compile request this run answers (result_compilation.requested_seq). */
  seq: number;
}

interface Source {
  definition: Record<string, unknown>;
  breakdowns: string[];
  disclosure_k: number;
}

/**
 * Compiles one (survey version, municipality): three aggregate queries in one snapshot, disclosure
 * control in Node over the aggregates, and one transaction that replaces the stored results. Run
 * twice on the same data it stores the same rows, so retries and a killed worker's re-run are safe.
 */
@Injectable()
export class ResultCompiler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: ResultPlans,
  ) {}

  async compile(target: CompileTarget, progress: (percent: number) => Promise<void>): Promise<CompiledResults> {
    const { surveyVersionId, municipalityId } = target;
    const [source]: Source[] = await this.dataSource.query(
      `SELECT sv.definition, s.breakdowns, s.disclosure_k
         FROM survey_version sv JOIN survey s ON s.id = sv.survey_id
        WHERE sv.id = $1 AND sv.published_at IS NOT NULL`,
      [surveyVersionId],
    );
    // Retrying cannot make a missing version appear.
    if (!source) throw new UnrecoverableError('the survey version does not exist or is not published');
    const plan = this.plans.get(surveyVersionId, source.definition, source.breakdowns);
    await progress(10);

    // One snapshot: the totals of the three queries must agree for the suppression to hold.
    const aggregates = await this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      const groupSizes = await countGroups(tx, surveyVersionId, municipalityId, plan);
      await progress(20);
      const cube = await countCube(tx, surveyVersionId, municipalityId, plan);
      await progress(70);
      const numeric = await numericStats(tx, surveyVersionId, municipalityId, plan);
      await progress(80);
      return { groupSizes, cube, numeric };
    });
    const results = buildResults({ plan, k: source.disclosure_k, ...aggregates });
    await progress(90);
    await this.save(target, source.disclosure_k, results);
    return results;
  }

  /** Results and the compile's state change together, or not at all. */
  private async save(target: CompileTarget, k: number, results: CompiledResults): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO result_set AS r (survey_version_id, municipality_id, response_count, disclosure_k, below_threshold, items, source_seq)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (survey_version_id, municipality_id) DO UPDATE
           SET response_count = EXCLUDED.response_count, disclosure_k = EXCLUDED.disclosure_k,
               below_threshold = EXCLUDED.below_threshold, items = EXCLUDED.items,
               source_seq = EXCLUDED.source_seq, compiled_at = now()
           WHERE r.source_seq <= EXCLUDED.source_seq`,
        [
          target.surveyVersionId,
          target.municipalityId,
          results.responses,
          k,
          results.belowThreshold,
          JSON.stringify(results.items),
          target.seq,
        ],
      );
      await tx.query(
        `UPDATE result_compilation
            SET status = CASE WHEN started_seq > $3 THEN status WHEN requested_seq > started_seq THEN 'queued' ELSE 'done' END,
                progress = CASE WHEN started_seq > $3 THEN progress ELSE 100 END,
                last_error = NULL, finished_at = now()
          WHERE survey_version_id = $1 AND municipality_id = $2`,
        [target.surveyVersionId, target.municipalityId, target.seq],
      );
    });
  }
}
