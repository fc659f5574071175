import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuditTables } from '../audit';
import { ResultPlans } from '../definition/result-plans';
import { auditAndProtect, type AuditSummary } from '../disclosure/release-audit';
import { countCube, countGroups, numericStats } from './aggregate-queries';
import { Tabulation, type CompiledResults } from './build-results';
import { COMPILE_FAILURE } from './compile-failures';
import { releaseRule } from './release-rule';

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
  release_min_responses: number | null;
}

export type ReleaseOutcome = 'released' | 'too_few_new' | null;

/**
 * Compiles one (survey version, municipality): three aggregate queries in one snapshot; in Node,
 * the cells, their perturbed values and the auditor against the earlier releases; then one
 * transaction that replaces the prepared results (not served) and, when a release was asked for,
 * stores the release (served). Run twice on the same data it stores the same rows: the noise is a
 * function of the data, so retries and a killed worker's re-run are safe.
 */
@Injectable()
export class ResultCompiler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: ResultPlans,
  ) {}

  async compile(target: CompileTarget, progress: (percent: number) => Promise<void>): Promise<CompiledResults & { release: ReleaseOutcome }> {
    const { surveyVersionId, municipalityId } = target;
    const [source]: Source[] = await this.dataSource.query(
      `SELECT sv.definition, s.breakdowns, s.disclosure_k, s.release_min_responses
         FROM survey_version sv JOIN survey s ON s.id = sv.survey_id
        WHERE sv.id = $1 AND sv.published_at IS NOT NULL`,
      [surveyVersionId],
    );
    // Retrying cannot make a missing version appear.
    if (!source) throw new UnrecoverableError(COMPILE_FAILURE.versionNotPublished);
    const plan = this.plans.get(surveyVersionId, source.definition, source.breakdowns);
    await progress(10);

    // One snapshot: the totals of the three queries must agree, for the identities the auditor uses.
    const aggregates = await this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      const groupSizes = await countGroups(tx, surveyVersionId, municipalityId, plan);
      await progress(20);
      const cube = await countCube(tx, surveyVersionId, municipalityId, plan);
      await progress(70);
      const numeric = await numericStats(tx, surveyVersionId, municipalityId, plan);
      await progress(80);
      return { groupSizes, cube, numeric };
    });
    const k = source.disclosure_k;
    const tabulation = new Tabulation({ plan, k, ...aggregates });
    const earlier = await this.earlierReleases(target);
    const { results, tables, audit } = await auditAndProtect(tabulation, k, earlier);
    await progress(90);
    const release = await this.save(target, k, releaseRule(k, source.release_min_responses), results, tables, audit);
    return { ...results, release };
  }

  /** What this municipality's earlier releases of the version published, with their true figures. */
  private async earlierReleases(target: CompileTarget): Promise<AuditTables[]> {
    const rows: { audit_tables: AuditTables }[] = await this.dataSource.query(
      `SELECT audit_tables FROM result_release WHERE survey_version_id = $1 AND municipality_id = $2 ORDER BY release_no`,
      [target.surveyVersionId, target.municipalityId],
    );
    return rows.map((row) => row.audit_tables);
  }

  /** Prepared results, the compile's state and a release (when asked for) change together, or not at all. */
  private async save(
    target: CompileTarget,
    k: number,
    minNewResponses: number,
    results: CompiledResults,
    tables: AuditTables,
    audit: AuditSummary,
  ): Promise<ReleaseOutcome> {
    return this.dataSource.transaction(async (tx) => {
      const stored: unknown[] = await tx.query(
        `INSERT INTO result_set AS r (survey_version_id, municipality_id, response_count, published_responses, disclosure_k,
                                      below_threshold, tables_withheld, items, audit_tables, source_seq)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (survey_version_id, municipality_id) DO UPDATE
           SET response_count = EXCLUDED.response_count, published_responses = EXCLUDED.published_responses,
               disclosure_k = EXCLUDED.disclosure_k, below_threshold = EXCLUDED.below_threshold,
               tables_withheld = EXCLUDED.tables_withheld, items = EXCLUDED.items, audit_tables = EXCLUDED.audit_tables,
               source_seq = EXCLUDED.source_seq, compiled_at = now()
           WHERE r.source_seq <= EXCLUDED.source_seq
         RETURNING 1`,
        [
          target.surveyVersionId,
          target.municipalityId,
          results.responses,
          results.publishedResponses,
          k,
          results.belowThreshold,
          results.tablesWithheld,
          JSON.stringify(results.items),
          JSON.stringify(tables),
          target.seq,
        ],
      );
      // A slower, older job stored nothing, so it releases nothing either.
      const release = stored.length ? await this.releaseIfWanted(tx, target, minNewResponses) : null;
      await tx.query(
        `UPDATE result_compilation
            SET status = CASE WHEN started_seq > $3 THEN status WHEN requested_seq > started_seq THEN 'queued' ELSE 'done' END,
                progress = CASE WHEN started_seq > $3 THEN progress ELSE 100 END,
                last_error = NULL, finished_at = now(), audit = $4
          WHERE survey_version_id = $1 AND municipality_id = $2`,
        [target.surveyVersionId, target.municipalityId, target.seq, JSON.stringify(audit)],
      );
      return release;
    });
  }

  /**
   * A release asked for (by a researcher, or the survey closing) is made by the compile that
   * answers the newest request. It copies the prepared results, if at least R completed responses
   * arrived since the municipality's last release; otherwise that release's figures stay.
   */
  private async releaseIfWanted(tx: EntityManager, target: CompileTarget, minNewResponses: number): Promise<ReleaseOutcome> {
    const [wanted]: unknown[] = await tx.query(
      `SELECT 1 FROM result_compilation
        WHERE survey_version_id = $1 AND municipality_id = $2 AND release_wanted AND requested_seq = $3
        FOR UPDATE`,
      [target.surveyVersionId, target.municipalityId, target.seq],
    );
    if (!wanted) return null;
    const [previous]: { release_no: number; response_count: number }[] = await tx.query(
      `SELECT release_no, response_count FROM result_release
        WHERE survey_version_id = $1 AND municipality_id = $2 ORDER BY release_no DESC LIMIT 1`,
      [target.surveyVersionId, target.municipalityId],
    );
    const [{ response_count: responses }]: { response_count: number }[] = await tx.query(
      `SELECT response_count FROM result_set WHERE survey_version_id = $1 AND municipality_id = $2`,
      [target.surveyVersionId, target.municipalityId],
    );
    const outcome: ReleaseOutcome = !previous || responses - previous.response_count >= minNewResponses ? 'released' : 'too_few_new';
    if (outcome === 'released') {
      await tx.query(
        `INSERT INTO result_release (survey_version_id, municipality_id, release_no, response_count, published_responses,
                                     disclosure_k, below_threshold, tables_withheld, items, audit_tables)
         SELECT survey_version_id, municipality_id, $3, response_count, published_responses,
                disclosure_k, below_threshold, tables_withheld, items, audit_tables
           FROM result_set WHERE survey_version_id = $1 AND municipality_id = $2`,
        [target.surveyVersionId, target.municipalityId, (previous?.release_no ?? 0) + 1],
      );
    }
    await tx.query(
      `UPDATE result_compilation SET release_wanted = false, release_outcome = $3
        WHERE survey_version_id = $1 AND municipality_id = $2`,
      [target.surveyVersionId, target.municipalityId, outcome],
    );
    return outcome;
  }
}
