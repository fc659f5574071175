import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Disclosure control by cell-key perturbation, and results served only from releases.
 *
 * - Every response gets a random record key 0..255 (a byte of gen_random_uuid(), which PostgreSQL
 *   draws from its strong random source); existing rows get theirs now. Never exported.
 * - result_set is what the last compile prepared (not served); result_release keeps what each
 *   release published, per municipality, with the true figures the auditor needs to check later
 *   releases against it (private: never served).
 * - Surveys get the release rule's R (null: 2k) and the limit of responses per address and day.
 * - Publication may name municipalities (null: all).
 */
export class ResultsReleases1764300000000 implements MigrationInterface {
  name = 'ResultsReleases1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE response
        ADD COLUMN record_key smallint NOT NULL DEFAULT get_byte(uuid_send(gen_random_uuid()), 0)
          CHECK (record_key BETWEEN 0 AND 255)`);
    await q.query(`
      ALTER TABLE survey
        ADD COLUMN release_min_responses integer CHECK (release_min_responses BETWEEN 4 AND 100000),
        ADD COLUMN responses_per_address_per_day integer NOT NULL DEFAULT 10
          CHECK (responses_per_address_per_day BETWEEN 1 AND 100000)`);
    await q.query(`
      ALTER TABLE result_compilation
        ADD COLUMN release_wanted boolean NOT NULL DEFAULT false,
        ADD COLUMN release_outcome varchar(20) CHECK (release_outcome IN ('released', 'too_few_new')),
        ADD COLUMN audit jsonb`);
    await q.query(`
      ALTER TABLE result_set
        ADD COLUMN published_responses integer,
        ADD COLUMN tables_withheld boolean NOT NULL DEFAULT false,
        ADD COLUMN audit_tables jsonb NOT NULL DEFAULT '{"cells": [], "lines": []}'`);
    await q.query(`
      CREATE TABLE result_release (
        survey_version_id uuid NOT NULL REFERENCES survey_version(id) ON DELETE CASCADE,
        municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE RESTRICT,
        release_no integer NOT NULL CHECK (release_no > 0),
        released_on date NOT NULL DEFAULT current_date,
        -- True number of responses: for the release rule only, never served.
        response_count integer NOT NULL CHECK (response_count >= 0),
        -- Perturbed; NULL when fewer than k.
        published_responses integer,
        disclosure_k integer NOT NULL,
        below_threshold boolean NOT NULL,
        tables_withheld boolean NOT NULL,
        items jsonb NOT NULL CHECK (jsonb_typeof(items) = 'array'),
        -- Cells with true and published values and the lines between them: the auditor's input
        -- for later releases. Never served.
        audit_tables jsonb NOT NULL,
        PRIMARY KEY (survey_version_id, municipality_id, release_no)
      )`);
    await q.query(`ALTER TABLE result_publication ADD COLUMN municipality_ids uuid[] CHECK (cardinality(municipality_ids) > 0)`);
    // Results compiled by the old method are not releases and are no longer served: closed
    // surveys are compiled and released again by the worker's close sweep.
    await q.query(`UPDATE survey SET close_compile_requested_at = NULL WHERE closes_at <= now()`);
    await q.query(`UPDATE result_compilation SET release_wanted = false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE result_publication DROP COLUMN municipality_ids`);
    await q.query(`DROP TABLE result_release`);
    await q.query(`ALTER TABLE result_set DROP COLUMN published_responses, DROP COLUMN tables_withheld, DROP COLUMN audit_tables`);
    await q.query(`ALTER TABLE result_compilation DROP COLUMN release_wanted, DROP COLUMN release_outcome, DROP COLUMN audit`);
    await q.query(`ALTER TABLE survey DROP COLUMN release_min_responses, DROP COLUMN responses_per_address_per_day`);
    await q.query(`ALTER TABLE response DROP COLUMN record_key`);
  }
}
