import type { EntityManager } from 'typeorm';
import { rowsOf } from '@app/database';

export interface CompileSelection {
  /** Only this version; default every published version. */
  version?: number;
  /** Only these municipalities (already checked against the caller's scope); default all targeted. */
  municipalityIds?: string[] | null;
  delaySeconds?: number;
  /**
   * Make a release once compiled: the compile that answers the newest request copies its results
   * into a release (if the release rule allows, per municipality). Without it a compile only
   * prepares what the next release would show.
   */
  release?: boolean;
}

/**
 * Asks for compiles of a survey's published versions in its targeted municipalities, in the
 * caller's transaction (the request and the outbox row commit with it). Pairs that already have a
 * pending request are left alone: that request will read the newest responses anyway.
 */
export async function requestCompiles(tx: EntityManager, surveyId: string, selection: CompileSelection = {}): Promise<void> {
  await tx.query(
    `SELECT request_result_compilation(sv.id, sm.municipality_id, $4)
       FROM survey_version sv
       JOIN survey_municipality sm ON sm.survey_id = sv.survey_id
      WHERE sv.survey_id = $1 AND sv.published_at IS NOT NULL
        AND ($2::int IS NULL OR sv.version = $2)
        AND ($3::uuid[] IS NULL OR sm.municipality_id = ANY ($3))
      ORDER BY sv.version, sm.municipality_id`,
    [surveyId, selection.version ?? null, selection.municipalityIds ?? null, selection.delaySeconds ?? 0],
  );
  if (selection.release) {
    await tx.query(
      `UPDATE result_compilation c SET release_wanted = true
         FROM survey_version sv, survey_municipality sm
        WHERE c.survey_version_id = sv.id AND sm.survey_id = sv.survey_id AND c.municipality_id = sm.municipality_id
          AND sv.survey_id = $1 AND sv.published_at IS NOT NULL
          AND ($2::int IS NULL OR sv.version = $2)
          AND ($3::uuid[] IS NULL OR sm.municipality_id = ANY ($3))`,
      [surveyId, selection.version ?? null, selection.municipalityIds ?? null],
    );
  }
}

/**
 * Surveys whose closing time has passed get one compile and release of everything, once; reopening a survey
 * (closes_at moved into the future) clears the mark so its next closing compiles again.
 * Returns the ids of the surveys handled. `surveyId` limits it to one survey (closing it by hand).
 */
export async function requestCompilesForClosedSurveys(tx: EntityManager, surveyId: string | null = null): Promise<string[]> {
  const closed = rowsOf<{ id: string }>(
    await tx.query(
      `UPDATE survey SET close_compile_requested_at = now()
        WHERE closes_at <= now() AND close_compile_requested_at IS NULL AND ($1::uuid IS NULL OR id = $1)
        RETURNING id`,
      [surveyId],
    ),
  );
  for (const { id } of closed) await requestCompiles(tx, id, { release: true });
  return closed.map(({ id }) => id);
}
