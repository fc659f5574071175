import type { MigrationInterface, QueryRunner } from 'typeorm';
import { applySqlDefinitions, consentVersionImmutable, responseStudyConsent, signupStudyConsent } from '../sql';

/**
 * Studies (issue 14, the core): a study with its researchers, municipalities, ethics reference and
 * status; instruments (published surveys, at most one study each); consent text in immutable
 * versions, each stating the terms it was given under (retention per data class, what withdrawal
 * does); the anonymisation policy (k, quasi-identifiers) and a pseudonym key per study.
 *
 * Responses and sign-ups under a study store the consent version they agreed to; triggers keep
 * that binding true on every write path (libs/database/src/sql). Meetings may belong to a study.
 */
export class Studies1765400000000 implements MigrationInterface {
  name = 'Studies1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE study (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title_lt varchar(300) NOT NULL,
        title_en varchar(300) NOT NULL,
        purpose_lt text NOT NULL,
        purpose_en text NOT NULL,
        ethics_committee varchar(300),
        ethics_reference varchar(100),
        ethics_approved_on date,
        status varchar(10) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'closed')),
        current_consent_version_id uuid,
        -- The anonymisation policy exports apply: every combination of the quasi-identifiers in
        -- exported rows has at least k rows.
        disclosure_k integer NOT NULL DEFAULT 5 CHECK (disclosure_k BETWEEN 5 AND 100),
        quasi_identifiers text[] NOT NULL DEFAULT '{municipality,age_band,gender,settlement_type}'
          CHECK (cardinality(quasi_identifiers) <= 10),
        -- Retention in days per data class (README "Studies"); the next consent version states them.
        contacts_days integer NOT NULL DEFAULT 180 CHECK (contacts_days BETWEEN 1 AND 3650),
        free_text_days integer NOT NULL DEFAULT 365 CHECK (free_text_days BETWEEN 1 AND 3650),
        paradata_days integer NOT NULL DEFAULT 90 CHECK (paradata_days BETWEEN 1 AND 3650),
        exports_days integer NOT NULL DEFAULT 7 CHECK (exports_days BETWEEN 1 AND 365),
        withdrawal_policy varchar(10) NOT NULL DEFAULT 'delete' CHECK (withdrawal_policy IN ('delete', 'anonymise')),
        created_by uuid REFERENCES account(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Fieldwork needs an ethics approval on record and a consent text to agree to.
        CONSTRAINT study_ready_when_not_draft CHECK (status = 'draft' OR (current_consent_version_id IS NOT NULL
          AND ethics_committee IS NOT NULL AND ethics_reference IS NOT NULL AND ethics_approved_on IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE study_researcher (
        study_id uuid NOT NULL REFERENCES study(id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
        PRIMARY KEY (study_id, account_id)
      )`);
    await q.query(`CREATE INDEX study_researcher_account_idx ON study_researcher (account_id)`);
    await q.query(`
      CREATE TABLE study_municipality (
        study_id uuid NOT NULL REFERENCES study(id) ON DELETE CASCADE,
        municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE RESTRICT,
        PRIMARY KEY (study_id, municipality_id)
      )`);
    await q.query(`CREATE INDEX study_municipality_municipality_idx ON study_municipality (municipality_id)`);
    // Random, made once per study; exports HMAC respondent ids with it (and a recipient id). Never served.
    await q.query(`
      CREATE TABLE study_pseudonym_key (
        study_id uuid PRIMARY KEY REFERENCES study(id) ON DELETE CASCADE,
        key bytea NOT NULL CHECK (octet_length(key) = 32),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    // The terms columns are what this version told people: retention per data class and what a
    // withdrawal does. Data is kept no longer than its version says (nor than the study now says).
    await q.query(`
      CREATE TABLE consent_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        study_id uuid NOT NULL REFERENCES study(id) ON DELETE RESTRICT,
        version integer NOT NULL CHECK (version > 0),
        text_lt text NOT NULL CHECK (length(text_lt) BETWEEN 1 AND 20000),
        text_en text NOT NULL CHECK (length(text_en) BETWEEN 1 AND 20000),
        contacts_days integer NOT NULL,
        free_text_days integer NOT NULL,
        paradata_days integer NOT NULL,
        withdrawal_policy varchar(10) NOT NULL CHECK (withdrawal_policy IN ('delete', 'anonymise')),
        created_by uuid REFERENCES account(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (study_id, version),
        UNIQUE (id, study_id)
      )`);
    await applySqlDefinitions(q, [consentVersionImmutable]);
    await q.query(`
      ALTER TABLE study ADD CONSTRAINT study_current_consent_fk
        FOREIGN KEY (current_consent_version_id, id) REFERENCES consent_version (id, study_id)`);

    await q.query(`
      CREATE TABLE study_instrument (
        survey_id uuid PRIMARY KEY REFERENCES survey(id) ON DELETE RESTRICT,
        study_id uuid NOT NULL REFERENCES study(id) ON DELETE CASCADE,
        role varchar(30) NOT NULL CHECK (role IN ('resident_survey', 'focus_group_screener', 'observation_form', 'note_form')),
        -- Quasi-identifier -> question of this survey ({"age_band": "age_band"}); see StudyPolicies.
        quasi_identifier_questions jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(quasi_identifier_questions) = 'object'),
        attached_by uuid REFERENCES account(id) ON DELETE SET NULL,
        attached_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX study_instrument_study_idx ON study_instrument (study_id)`);

    // Responses: the consent version agreed to (NULL outside studies), and when the retention
    // sweep removed their free text and paradata.
    await q.query(`
      ALTER TABLE response
        ADD COLUMN consent_version_id uuid REFERENCES consent_version(id),
        ADD COLUMN free_text_purged_on date,
        ADD COLUMN paradata_purged_on date`);
    await q.query(`CREATE INDEX response_consent_idx ON response (consent_version_id) WHERE consent_version_id IS NOT NULL`);

    await q.query(`ALTER TABLE meeting ADD COLUMN study_id uuid REFERENCES study(id) ON DELETE RESTRICT`);
    await q.query(`CREATE INDEX meeting_study_idx ON meeting (study_id) WHERE study_id IS NOT NULL`);
    await q.query(
      `ALTER TABLE signup ADD COLUMN consent_version_id uuid REFERENCES consent_version(id), ADD COLUMN withdrawn_at timestamptz`,
    );
    await q.query(`CREATE INDEX signup_consent_idx ON signup (consent_version_id) WHERE consent_version_id IS NOT NULL`);

    await applySqlDefinitions(q, [responseStudyConsent, signupStudyConsent]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER signup_study_consent ON signup`);
    await q.query(`DROP TRIGGER response_study_consent_insert ON response`);
    await q.query(`DROP TRIGGER response_study_consent_update ON response`);
    await q.query(`DROP FUNCTION signup_study_consent()`);
    await q.query(`DROP FUNCTION response_study_consent()`);
    await q.query(`ALTER TABLE signup DROP COLUMN consent_version_id, DROP COLUMN withdrawn_at`);
    await q.query(`ALTER TABLE meeting DROP COLUMN study_id`);
    await q.query(`ALTER TABLE response DROP COLUMN consent_version_id, DROP COLUMN free_text_purged_on, DROP COLUMN paradata_purged_on`);
    await q.query(`DROP TABLE study_instrument`);
    await q.query(`ALTER TABLE study DROP CONSTRAINT study_current_consent_fk`);
    await q.query(`DROP TABLE consent_version`);
    await q.query(`DROP FUNCTION consent_version_immutable()`);
    for (const table of ['study_pseudonym_key', 'study_municipality', 'study_researcher', 'study']) await q.query(`DROP TABLE ${table}`);
  }
}
