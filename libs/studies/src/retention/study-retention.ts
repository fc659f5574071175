import type { EntityManager } from 'typeorm';
import { rowsOf } from '@app/database';
import { freeTextPlan, stripFreeText, type FreeTextPlan } from './free-text';

/**
 * The response data classes of the retention sweep. A response is under a study when it carries a
 * consent version; its clock is the day it was submitted (or, never submitted, last saved), and
 * its period the shorter of what that consent version said and what the study says now.
 * A response saved again after a sweep (a partial one resumed) becomes due again from that save.
 */
const DUE = (days: 'free_text_days' | 'paradata_days', purgedOn: 'free_text_purged_on' | 'paradata_purged_on') => `
  r.consent_version_id IS NOT NULL AND (r.${purgedOn} IS NULL OR r.${purgedOn} <= r.updated_on)
  AND COALESCE(r.submitted_on, r.updated_on) + LEAST(cv.${days}, st.${days}) < current_date`;

export const FREE_TEXT_BATCH = 500;

/** Published versions never change, so their plans are kept for the life of the process. */
const plans = new Map<string, FreeTextPlan>();

async function plansFor(tx: EntityManager, versionIds: string[]): Promise<Map<string, FreeTextPlan>> {
  const missing = versionIds.filter((id) => !plans.has(id));
  if (missing.length) {
    const rows: { id: string; definition: Record<string, unknown> }[] = await tx.query(
      `SELECT id, definition FROM survey_version WHERE id = ANY($1::uuid[])`,
      [missing],
    );
    for (const row of rows) plans.set(row.id, freeTextPlan(row.definition));
  }
  return plans;
}

/**
 * Removes the free text of one batch of due responses; returns how many it changed (fewer than the
 * batch size: nothing more is due now). Rows other sweeps hold are skipped, not waited for.
 */
export async function purgeFreeTextBatch(tx: EntityManager, batchSize = FREE_TEXT_BATCH): Promise<number> {
  const rows: { id: string; versionId: string; answers: Record<string, unknown> }[] = await tx.query(
    `SELECT r.id, r.survey_version_id AS "versionId", r.answers
       FROM response r JOIN consent_version cv ON cv.id = r.consent_version_id JOIN study st ON st.id = cv.study_id
      WHERE ${DUE('free_text_days', 'free_text_purged_on')}
      ORDER BY r.id LIMIT $1 FOR UPDATE OF r SKIP LOCKED`,
    [batchSize],
  );
  if (!rows.length) return 0;
  const byVersion = await plansFor(tx, [...new Set(rows.map((row) => row.versionId))]);
  // Marking free_text_purged_on tells the consent trigger this rewrite is the sweep's, not a resident's save.
  await tx.query(
    `UPDATE response r SET answers = v.answers, free_text_purged_on = current_date
       FROM unnest($1::uuid[], $2::jsonb[]) AS v(id, answers) WHERE r.id = v.id`,
    [rows.map((row) => row.id), rows.map((row) => JSON.stringify(stripFreeText(row.answers, byVersion.get(row.versionId)!)))],
  );
  return rows.length;
}

/**
 * Paradata: the days a response was started and last saved become its submission day (a partial
 * one keeps its last-saved day only), and the hash of its last request is blanked.
 */
export async function purgeParadata(tx: EntityManager): Promise<number> {
  const rows = rowsOf<{ id: string }>(
    await tx.query(
      `WITH due AS (
       SELECT r.id FROM response r JOIN consent_version cv ON cv.id = r.consent_version_id JOIN study st ON st.id = cv.study_id
        WHERE ${DUE('paradata_days', 'paradata_purged_on')}
        FOR UPDATE OF r SKIP LOCKED
     )
     UPDATE response r SET started_on = COALESCE(r.submitted_on, r.updated_on), updated_on = COALESCE(r.submitted_on, r.updated_on),
            payload_hash = repeat('0', 64), paradata_purged_on = current_date
       FROM due WHERE r.id = due.id RETURNING r.id`,
    ),
  );
  return rows.length;
}
