import type { SqlDefinition } from './sql-definition';

/**
 * A consent version is the text people agreed to: responses and sign-ups point at it, so it may
 * never change or disappear, whatever the application does. Editing consent inserts a new version.
 */
export const consentVersionImmutable: SqlDefinition = {
  name: 'consent_version_immutable',
  sql: `
CREATE OR REPLACE FUNCTION consent_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'consent_version % is immutable: edit consent by adding a version', OLD.id USING ERRCODE = 'check_violation';
END $$;
CREATE OR REPLACE TRIGGER consent_version_immutable BEFORE UPDATE OR DELETE ON consent_version
FOR EACH ROW EXECUTE FUNCTION consent_version_immutable()`,
};
