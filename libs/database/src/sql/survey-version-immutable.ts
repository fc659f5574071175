import type { SqlDefinition } from './sql-definition';

/**
 * Backstop for "published versions are immutable": responses point at them, so neither the
 * definition nor the publication may change once published, whatever the application does.
 */
export const surveyVersionImmutable: SqlDefinition = {
  name: 'survey_version_immutable',
  sql: `
CREATE OR REPLACE FUNCTION survey_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.published_at IS NOT NULL THEN
    RAISE EXCEPTION 'survey_version % is published and cannot change', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE OR REPLACE TRIGGER survey_version_immutable BEFORE UPDATE OR DELETE ON survey_version
FOR EACH ROW EXECUTE FUNCTION survey_version_immutable()`,
};
