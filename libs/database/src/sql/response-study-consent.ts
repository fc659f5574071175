import type { SqlDefinition } from './sql-definition';

/**
 * Binds every response to a study instrument to the consent version it agreed to, whichever path
 * writes it (the one-statement public insert, invitations, continuations). A response to a survey
 * outside any study costs one index lookup (study_instrument by survey) and must carry no consent.
 *
 * The study row is read FOR SHARE: a consent edit (or a status change) updates that row, so it
 * waits for responses being written to commit, and responses that arrive meanwhile wait for it and
 * then see the new current version. So no response is stored under a version that was already
 * superseded when it committed. Codes: libs/database/src/sql/study-consent-codes.ts.
 *
 * The update trigger skips the retention sweep's own rewrites (it marks free_text_purged_on); the
 * paradata sweep touches none of the columns it watches.
 */
export const responseStudyConsent: SqlDefinition = {
  name: 'response_study_consent',
  sql: `
CREATE OR REPLACE FUNCTION response_study_consent() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sid uuid;
  st record;
  current_no integer;
BEGIN
  SELECT study_id INTO sid FROM study_instrument WHERE survey_id = NEW.survey_id;
  IF NOT FOUND THEN
    IF NEW.consent_version_id IS NOT NULL THEN
      RAISE EXCEPTION 'consent given to a survey that is not part of a study' USING ERRCODE = 'SC004';
    END IF;
    RETURN NEW;
  END IF;
  -- After waiting for a consent edit, FOR SHARE returns the study row as that edit left it.
  SELECT s.status, s.current_consent_version_id AS current_id INTO st FROM study s WHERE s.id = sid FOR SHARE;
  IF st.status <> 'active' THEN
    RAISE EXCEPTION 'the study is not active' USING ERRCODE = 'SC003', DETAIL = st.status;
  END IF;
  IF NEW.consent_version_id IS NOT DISTINCT FROM st.current_id THEN
    RETURN NEW;
  END IF;
  -- A statement of its own, so it sees a version committed while this one waited for the lock.
  SELECT version INTO current_no FROM consent_version WHERE id = st.current_id;
  IF NEW.consent_version_id IS NULL THEN
    RAISE EXCEPTION 'a response to a study instrument needs consent' USING ERRCODE = 'SC001', DETAIL = current_no::text;
  END IF;
  RAISE EXCEPTION 'consent given to a version that is not current' USING ERRCODE = 'SC002', DETAIL = current_no::text;
END $$;
CREATE OR REPLACE TRIGGER response_study_consent_insert BEFORE INSERT ON response
FOR EACH ROW EXECUTE FUNCTION response_study_consent();
CREATE OR REPLACE TRIGGER response_study_consent_update BEFORE UPDATE OF answers, status, consent_version_id ON response
FOR EACH ROW WHEN (OLD.free_text_purged_on IS NOT DISTINCT FROM NEW.free_text_purged_on) EXECUTE FUNCTION response_study_consent()`,
};
