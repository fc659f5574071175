import type { SqlDefinition } from './sql-definition';

/**
 * Taking a place in one statement: the meeting's row lock is held only while this runs and
 * commits, never across round trips to the api (under load those would wait behind other requests
 * in the api's event loop, and every sign-up for the meeting would wait with them). The service
 * checks the rules first for clear errors; they are checked again here, under the lock.
 */
export const takeSignup: SqlDefinition = {
  name: 'take_signup',
  sql: `
CREATE OR REPLACE FUNCTION take_signup(
  p_id uuid, p_meeting uuid, p_partner uuid, p_language text, p_name text, p_email text, p_phone text,
  p_contact_key text, p_organisation text, p_code text, p_consent text,
  p_message_id uuid, p_channel text, p_recipient text,
  p_confirmed_subject text, p_confirmed_body text, p_waitlisted_subject text, p_waitlisted_body text
) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  m meeting%ROWTYPE;
  phase text;
  quota meeting_quota%ROWTYPE;
  may_take boolean;
  taken text;
BEGIN
  -- A first look without a lock picks the lock: a sign-up that may take a place locks the meeting
  -- exclusively; one that can only join the waitlist takes a shared lock, so waitlist entries
  -- go in side by side. Both block place changes (cancellations, promotions, other takers),
  -- which need the row itself, so the counts read below hold until commit.
  SELECT * INTO m FROM meeting WHERE id = p_meeting;
  IF NOT FOUND THEN RETURN 'not_found'; END IF;
  IF p_partner IS NOT NULL THEN
    SELECT * INTO quota FROM meeting_quota WHERE meeting_id = p_meeting AND partner_organisation_id = p_partner;
    IF NOT FOUND THEN RETURN 'no_quota'; END IF;
  END IF;
  may_take := m.confirmed_count < m.capacity AND (p_partner IS NULL OR quota.confirmed_count < quota.seats);
  IF may_take THEN
    SELECT * INTO m FROM meeting WHERE id = p_meeting FOR UPDATE;
  ELSE
    SELECT * INTO m FROM meeting WHERE id = p_meeting FOR SHARE;
  END IF;
  IF p_partner IS NOT NULL THEN
    SELECT * INTO quota FROM meeting_quota WHERE meeting_id = p_meeting AND partner_organisation_id = p_partner;
  END IF;
  SELECT c.phase INTO phase FROM consultation c WHERE c.id = m.consultation_id;
  IF m.cancelled_at IS NOT NULL THEN RETURN 'cancelled'; END IF;
  IF m.starts_at <= now() THEN RETURN 'past'; END IF;
  IF m.signup_deadline <= now() THEN RETURN 'deadline'; END IF;
  IF phase <> 'open' THEN RETURN 'not_open'; END IF;
  taken := CASE WHEN m.confirmed_count < m.capacity AND (p_partner IS NULL OR quota.confirmed_count < quota.seats)
                THEN 'confirmed' ELSE 'waitlisted' END;
  -- A place freed while this waited for its shared lock: ask again, for the exclusive one.
  IF taken = 'confirmed' AND NOT may_take THEN RETURN 'retry'; END IF;
  INSERT INTO signup (id, meeting_id, status, language, partner_organisation_id, name, email, phone, contact_key,
                      organisation, checkin_code, consent_text, consented_at)
  VALUES (p_id, p_meeting, taken, p_language, p_partner, p_name, p_email, p_phone, p_contact_key,
          p_organisation, p_code, p_consent, now())
  ON CONFLICT (meeting_id, checkin_code) DO NOTHING;
  IF NOT FOUND THEN RETURN 'code_taken'; END IF;
  -- As enqueueMessages (libs/mail) stores them: the message and its send job, together.
  INSERT INTO message (id, signup_id, kind, channel, recipient, subject, body)
  VALUES (p_message_id, p_id, CASE taken WHEN 'confirmed' THEN 'confirmation' ELSE 'waitlisted' END, p_channel, p_recipient,
          CASE taken WHEN 'confirmed' THEN p_confirmed_subject ELSE p_waitlisted_subject END,
          CASE taken WHEN 'confirmed' THEN p_confirmed_body ELSE p_waitlisted_body END);
  INSERT INTO outbox (queue, job_name, job_id, payload)
  VALUES ('messages', 'send', 'message-' || p_message_id, jsonb_build_object('messageId', p_message_id));
  RETURN taken;
END $$`,
};
