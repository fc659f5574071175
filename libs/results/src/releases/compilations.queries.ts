import type { DataSource, EntityManager } from 'typeorm';
import type { AuditFigures, CompilationStatus } from '../results-document';

export interface CompilationRow {
  surveyVersionId: string;
  version: number;
  municipalityId: string;
  code: string;
  nameLt: string;
  nameEn: string;
  status: CompilationStatus;
  progress: number;
  pending: boolean;
  attempt: number;
  lastError: string | null;
  requestedAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  audit: AuditFigures | null;
  releaseWanted: boolean;
  releaseOutcome: 'released' | 'too_few_new' | null;
  lastReleaseNo: number | null;
  lastReleasedOn: string | null;
  newResponses: number;
  disclosureK: number;
  releaseMinResponses: number | null;
}

/** Every (published version, targeted municipality) of a survey the caller may see, with its compile and release state. */
export function compilationRows(db: DataSource | EntityManager, surveyId: string, municipalityIds: string[] | null): Promise<CompilationRow[]> {
  return db.query(
    `SELECT sv.id AS "surveyVersionId", sv.version, m.id AS "municipalityId", m.code, m.name_lt AS "nameLt", m.name_en AS "nameEn",
            COALESCE(c.status, 'never') AS status, COALESCE(c.progress, 0) AS progress,
            COALESCE(c.requested_seq > c.started_seq, false) AS pending, COALESCE(c.attempt, 0) AS attempt,
            c.last_error AS "lastError", c.requested_at AS "requestedAt", c.started_at AS "startedAt",
            c.finished_at AS "finishedAt", c.audit, COALESCE(c.release_wanted, false) AS "releaseWanted",
            c.release_outcome AS "releaseOutcome", lr.release_no AS "lastReleaseNo", lr.released_on::text AS "lastReleasedOn",
            ((SELECT count(*) FROM response r WHERE r.survey_version_id = sv.id AND r.municipality_id = m.id AND r.status = 'complete')
              - COALESCE(lr.response_count, 0))::int AS "newResponses",
            s.disclosure_k AS "disclosureK", s.release_min_responses AS "releaseMinResponses"
       FROM survey_version sv
       JOIN survey s ON s.id = sv.survey_id
       JOIN survey_municipality sm ON sm.survey_id = sv.survey_id
       JOIN municipality m ON m.id = sm.municipality_id
       LEFT JOIN result_compilation c ON c.survey_version_id = sv.id AND c.municipality_id = m.id
       LEFT JOIN LATERAL (SELECT release_no, released_on, response_count FROM result_release rr
                           WHERE rr.survey_version_id = sv.id AND rr.municipality_id = m.id
                           ORDER BY release_no DESC LIMIT 1) lr ON true
      WHERE sv.survey_id = $1 AND sv.published_at IS NOT NULL AND ($2::uuid[] IS NULL OR m.id = ANY ($2))
      ORDER BY sv.version DESC, m.code`,
    [surveyId, municipalityIds],
  );
}

/** A day counts as a burst with at least this many completed responses ... */
export const BURST_MIN_RESPONSES = 10;
/** ... and this many times the municipality's average on the other days of its span. */
export const BURST_FACTOR = 4;

/**
 * Days on which a municipality received far more completed responses than usual: what padding
 * with fake responses looks like (also a local news story; a researcher judges). Read from the
 * response days (dates only, as stored), per municipality of the survey.
 */
export async function burstDays(db: DataSource | EntityManager, surveyId: string): Promise<Map<string, string[]>> {
  const rows: { municipality_id: string; days: string[] }[] = await db.query(
    `WITH daily AS (
       SELECT municipality_id, submitted_on AS day, count(*)::int AS n
         FROM response WHERE survey_id = $1 AND status = 'complete' GROUP BY 1, 2),
     span AS (
       SELECT municipality_id, sum(n)::int AS total, (max(day) - min(day)) + 1 AS days FROM daily GROUP BY 1)
     SELECT d.municipality_id, array_agg(d.day::text ORDER BY d.day) AS days
       FROM daily d JOIN span s USING (municipality_id)
      WHERE s.days >= 2 AND d.n >= $2 AND d.n >= $3 * (s.total - d.n)::float8 / (s.days - 1)
      GROUP BY 1`,
    [surveyId, BURST_MIN_RESPONSES, BURST_FACTOR],
  );
  return new Map(rows.map((r) => [r.municipality_id, r.days]));
}
