import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Background work and anonymised results: a transactional outbox for jobs, the state of each
 * (survey version, municipality) compile, the compiled results, and their publication.
 */
export class ResultsAndOutbox1764000000000 implements MigrationInterface {
  name = 'ResultsAndOutbox1764000000000';

  async up(q: QueryRunner): Promise<void> {
    // Jobs are written here in the same transaction as the change that asks for them, and a
    // dispatcher hands them to BullMQ; so a request made while Redis is down is not lost.
    await q.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        queue varchar(60) NOT NULL,
        job_name varchar(60) NOT NULL,
        job_id varchar(200) NOT NULL,
        payload jsonb NOT NULL,
        available_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error varchar(500)
      )`);
    // A job still waiting in the outbox is not written twice.
    await q.query(`CREATE UNIQUE INDEX outbox_pending_job_idx ON outbox (job_id) WHERE dispatched_at IS NULL`);
    await q.query(`CREATE INDEX outbox_due_idx ON outbox (available_at) WHERE dispatched_at IS NULL`);

    await q.query(`
      ALTER TABLE survey
        ADD COLUMN disclosure_k integer NOT NULL DEFAULT 5 CHECK (disclosure_k BETWEEN 2 AND 100),
        ADD COLUMN close_compile_requested_at timestamptz`);
    await q.query(`CREATE INDEX response_compile_idx ON response (survey_version_id, municipality_id) WHERE status = 'complete'`);

    // requested_seq counts compile requests; started_seq is the last one a job took up. A request
    // while one is pending (requested_seq > started_seq) is a no-op: the pending job will see the
    // new data anyway.
    await q.query(`
      CREATE TABLE result_compilation (
        survey_version_id uuid NOT NULL REFERENCES survey_version(id) ON DELETE CASCADE,
        municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE RESTRICT,
        requested_seq integer NOT NULL DEFAULT 0,
        started_seq integer NOT NULL DEFAULT 0,
        status varchar(10) NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'retrying', 'done', 'failed')),
        progress smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        attempt integer NOT NULL DEFAULT 0,
        last_error varchar(500),
        requested_at timestamptz,
        started_at timestamptz,
        finished_at timestamptz,
        PRIMARY KEY (survey_version_id, municipality_id),
        CHECK (started_seq <= requested_seq)
      )`);
    await q.query(`
      CREATE TABLE result_set (
        survey_version_id uuid NOT NULL REFERENCES survey_version(id) ON DELETE CASCADE,
        municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE RESTRICT,
        response_count integer NOT NULL CHECK (response_count >= 0),
        disclosure_k integer NOT NULL,
        below_threshold boolean NOT NULL,
        items jsonb NOT NULL CHECK (jsonb_typeof(items) = 'array'),
        -- The compile request these results answer: a slower, older job never overwrites newer results.
        source_seq integer NOT NULL,
        compiled_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (survey_version_id, municipality_id)
      )`);
    await q.query(`
      CREATE TABLE result_publication (
        survey_id uuid PRIMARY KEY REFERENCES survey(id) ON DELETE CASCADE,
        survey_version_id uuid NOT NULL REFERENCES survey_version(id) ON DELETE CASCADE,
        questions text[] NOT NULL CHECK (cardinality(questions) > 0),
        published_by uuid REFERENCES account(id) ON DELETE SET NULL,
        published_at timestamptz NOT NULL DEFAULT now()
      )`);

    // The one way to ask for a compile, callable from any statement (the response INSERT uses it).
    // Returns the new request number, or NULL when a request is already pending. The job id is
    // derived from (version, municipality, request number): handing the same request to BullMQ
    // twice is a no-op, while a request made during a running compile gets a job of its own.
    await q.query(`
      CREATE FUNCTION request_result_compilation(version_id uuid, municipality uuid, delay_seconds integer)
      RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE seq integer;
      BEGIN
        INSERT INTO result_compilation AS c (survey_version_id, municipality_id, requested_seq, status, requested_at)
        VALUES (version_id, municipality, 1, 'queued', now())
        ON CONFLICT (survey_version_id, municipality_id) DO UPDATE
          SET requested_seq = c.requested_seq + 1,
              requested_at = now(),
              status = CASE WHEN c.status IN ('running', 'retrying') THEN c.status ELSE 'queued' END
          WHERE c.requested_seq = c.started_seq
        RETURNING requested_seq INTO seq;
        IF seq IS NULL THEN
          -- Already pending: an earlier due time wins (asking now brings a debounced compile forward).
          UPDATE outbox o SET available_at = LEAST(o.available_at, now() + make_interval(secs => delay_seconds))
            FROM result_compilation c
           WHERE c.survey_version_id = version_id AND c.municipality_id = municipality AND o.dispatched_at IS NULL
             AND o.job_id = 'compile-' || version_id || '-' || municipality || '-' || c.requested_seq;
          RETURN NULL;
        END IF;
        INSERT INTO outbox (queue, job_name, job_id, payload, available_at)
        VALUES ('results', 'compile', 'compile-' || version_id || '-' || municipality || '-' || seq,
                jsonb_build_object('surveyVersionId', version_id, 'municipalityId', municipality, 'seq', seq),
                now() + make_interval(secs => delay_seconds))
        ON CONFLICT DO NOTHING;
        RETURN seq;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION request_result_compilation(uuid, uuid, integer)`);
    for (const table of ['result_publication', 'result_set', 'result_compilation', 'outbox']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP INDEX response_compile_idx`);
    await q.query(`ALTER TABLE survey DROP COLUMN disclosure_k, DROP COLUMN close_compile_requested_at`);
  }
}
