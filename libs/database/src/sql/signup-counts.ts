import type { SqlDefinition } from './sql-definition';

/** Keeps meeting.confirmed_count and each quota's count equal to the confirmed sign-ups (CHECKs bound them). */
export const signupCounts: SqlDefinition = {
  name: 'signup_counts',
  sql: `
CREATE OR REPLACE FUNCTION signup_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.status = 'confirmed' THEN
    UPDATE meeting SET confirmed_count = confirmed_count - 1 WHERE id = OLD.meeting_id;
    UPDATE meeting_quota SET confirmed_count = confirmed_count - 1
     WHERE meeting_id = OLD.meeting_id AND partner_organisation_id = OLD.partner_organisation_id;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.status = 'confirmed' THEN
    UPDATE meeting SET confirmed_count = confirmed_count + 1 WHERE id = NEW.meeting_id;
    UPDATE meeting_quota SET confirmed_count = confirmed_count + 1
     WHERE meeting_id = NEW.meeting_id AND partner_organisation_id = NEW.partner_organisation_id;
  END IF;
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER signup_counts AFTER INSERT OR DELETE OR UPDATE OF status ON signup
FOR EACH ROW EXECUTE FUNCTION signup_counts()`,
};
