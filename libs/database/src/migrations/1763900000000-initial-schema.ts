import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Municipalities, accounts and sessions, surveys with immutable versions, invitations and responses.
 * Written by hand and reviewed; `test/e2e/schema.e2e-spec.ts` checks the entities agree with it.
 */
export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE municipality (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(40) NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9-]+$'),
        name_lt varchar(200) NOT NULL,
        name_en varchar(200) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE partner_organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(300) NOT NULL UNIQUE,
        country char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
        municipality_id uuid REFERENCES municipality(id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(320) NOT NULL UNIQUE CHECK (email = lower(email)),
        display_name varchar(200) NOT NULL,
        password_hash varchar(200) NOT NULL,
        role varchar(20) NOT NULL CHECK (role IN ('admin', 'staff', 'researcher')),
        created_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE account_municipality (
        account_id uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
        municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE RESTRICT,
        PRIMARY KEY (account_id, municipality_id)
      )`);
    await q.query(`
      CREATE TABLE auth_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash char(64) NOT NULL UNIQUE,
        csrf_token_hash char(64),
        account_id uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
        kind varchar(10) NOT NULL CHECK (kind IN ('cookie', 'bearer')),
        label varchar(100),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        CHECK ((kind = 'cookie') = (csrf_token_hash IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX auth_session_account_idx ON auth_session (account_id)`);

    await q.query(`
      CREATE TABLE survey (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug varchar(80) NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]+$'),
        access_mode varchar(20) NOT NULL CHECK (access_mode IN ('public', 'invitation')),
        anonymous boolean NOT NULL DEFAULT true,
        languages text[] NOT NULL CHECK (cardinality(languages) > 0),
        breakdowns text[] NOT NULL DEFAULT '{}',
        opens_at timestamptz,
        closes_at timestamptz,
        created_by uuid REFERENCES account(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (opens_at IS NULL OR closes_at IS NULL OR opens_at < closes_at)
      )`);
    await q.query(`
      CREATE TABLE survey_municipality (
        survey_id uuid NOT NULL REFERENCES survey(id) ON DELETE CASCADE,
        municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE RESTRICT,
        PRIMARY KEY (survey_id, municipality_id)
      )`);
    await q.query(`CREATE INDEX survey_municipality_municipality_idx ON survey_municipality (municipality_id)`);
    await q.query(`
      CREATE TABLE survey_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        survey_id uuid NOT NULL REFERENCES survey(id) ON DELETE RESTRICT,
        version integer NOT NULL CHECK (version > 0),
        definition jsonb NOT NULL,
        published_at timestamptz,
        created_by uuid REFERENCES account(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (survey_id, version)
      )`);
    // Backstop for "published versions are immutable": responses point at them, so neither the
    // definition nor the publication may change once published, whatever the application does.
    await q.query(`
      CREATE FUNCTION survey_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.published_at IS NOT NULL THEN
          RAISE EXCEPTION 'survey_version % is published and cannot change', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(`
      CREATE TRIGGER survey_version_immutable BEFORE UPDATE OR DELETE ON survey_version
      FOR EACH ROW EXECUTE FUNCTION survey_version_immutable()`);

    await q.query(`
      CREATE TABLE response (
        id uuid PRIMARY KEY,
        survey_id uuid NOT NULL REFERENCES survey(id) ON DELETE RESTRICT,
        survey_version_id uuid NOT NULL REFERENCES survey_version(id) ON DELETE RESTRICT,
        municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE RESTRICT,
        language varchar(8) NOT NULL,
        status varchar(10) NOT NULL CHECK (status IN ('partial', 'complete')),
        answers jsonb NOT NULL CHECK (jsonb_typeof(answers) = 'object'),
        payload_hash char(64) NOT NULL,
        started_on date NOT NULL DEFAULT current_date,
        updated_on date NOT NULL DEFAULT current_date,
        submitted_on date,
        CHECK ((status = 'complete') = (submitted_on IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX response_counts_idx ON response (survey_id, municipality_id, status)`);
    await q.query(`
      CREATE TABLE invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        survey_id uuid NOT NULL REFERENCES survey(id) ON DELETE CASCADE,
        municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE RESTRICT,
        token_hash char(64) NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        used_on date,
        response_id uuid REFERENCES response(id) ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX invitation_survey_idx ON invitation (survey_id, municipality_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'invitation',
      'response',
      'survey_version',
      'survey_municipality',
      'survey',
      'auth_session',
      'account_municipality',
      'account',
      'partner_organisation',
      'municipality',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP FUNCTION survey_version_immutable()`);
  }
}
