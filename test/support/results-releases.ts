import type { Pool } from 'pg';
import { waitFor } from './test-worker';

export interface ReleaseRow {
  municipality: string;
  release_no: number;
  released_on: string;
  response_count: number;
}

export async function releases(db: Pool, versionId: string): Promise<ReleaseRow[]> {
  const { rows } = await db.query(
    `SELECT m.code AS municipality, rr.release_no, rr.released_on::text, rr.response_count
       FROM result_release rr JOIN municipality m ON m.id = rr.municipality_id
      WHERE rr.survey_version_id = $1 ORDER BY m.code, rr.release_no`,
    [versionId],
  );
  return rows;
}

/** Waits until no release is pending for the version (each municipality's compile answered it). */
export async function releaseSettled(db: Pool, versionId: string, municipalities: number): Promise<void> {
  await waitFor('the release to be made', async () => {
    const { rows } = await db.query(
      `SELECT status, release_wanted, requested_seq, started_seq FROM result_compilation WHERE survey_version_id = $1`,
      [versionId],
    );
    return rows.length === municipalities && rows.every((r) => r.status === 'done' && !r.release_wanted && r.requested_seq === r.started_seq);
  }, 60000);
}

/** Every string that looks like a time of day (ISO timestamps): a served document must have none. */
export const TIME_OF_DAY = /\d{2}:\d{2}(:\d{2})?/;
