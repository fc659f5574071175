import type { SqlDefinition } from './sql-definition';

/**
 * A sign-up for a meeting that belongs to a study stores the consent version it agreed to, which
 * must be the study's current one while the study is active; a sign-up for any other meeting
 * carries none. The study row is read FOR SHARE, as for responses (response_study_consent), so a
 * concurrent consent edit and a sign-up are ordered: no sign-up commits under a superseded version.
 */
export const signupStudyConsent: SqlDefinition = {
  name: 'signup_study_consent',
  sql: `
CREATE OR REPLACE FUNCTION signup_study_consent() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sid uuid;
  st record;
  current_no integer;
BEGIN
  SELECT study_id INTO sid FROM meeting WHERE id = NEW.meeting_id;
  IF sid IS NULL THEN
    IF NEW.consent_version_id IS NOT NULL THEN
      RAISE EXCEPTION 'consent given to a meeting that is not part of a study' USING ERRCODE = 'SC004';
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
    RAISE EXCEPTION 'a sign-up for a study meeting needs consent' USING ERRCODE = 'SC001', DETAIL = current_no::text;
  END IF;
  RAISE EXCEPTION 'consent given to a version that is not current' USING ERRCODE = 'SC002', DETAIL = current_no::text;
END $$;
CREATE OR REPLACE TRIGGER signup_study_consent BEFORE INSERT ON signup
FOR EACH ROW EXECUTE FUNCTION signup_study_consent()`,
};
