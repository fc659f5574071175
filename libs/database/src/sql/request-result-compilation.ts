import type { SqlDefinition } from './sql-definition';

/**
 * The one way to ask for a compile, callable from any statement. Returns the new request number,
 * or NULL when a request is already pending. The job id is derived from (version, municipality,
 * request number): handing the same request to BullMQ twice is a no-op, while a request made
 * during a running compile gets a job of its own.
 */
export const requestResultCompilation: SqlDefinition = {
  name: 'request_result_compilation',
  sql: `
CREATE OR REPLACE FUNCTION request_result_compilation(version_id uuid, municipality uuid, delay_seconds integer)
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
END $$`,
};
