import type { SqlDefinition } from './sql-definition';

/**
 * Taking a place for a sign-up whose contact has just confirmed it (a pending sign-up holds no
 * seat): one statement, so the meeting's row lock is held only while this runs and commits, never
 * across round trips to the api (under load those would wait behind other requests in the api's
 * event loop, and every sign-up for the meeting would wait with them). The service checks the
 * rules first for clear errors; they are checked again here, under the lock.
 *
 * Returns 'confirmed' or 'waitlisted' when it took one; 'already' when the sign-up is no longer
 * pending (a repeated click changes nothing); 'expired', 'cancelled', 'past', 'deadline',
 * 'not_open', 'not_found' when it may not; 'retry' when a place freed up while it waited for the
 * waitlist's shared lock (the caller asks again, for the exclusive one).
 */
export const takeSignup: SqlDefinition = {
  name: 'take_signup',
  sql: `
CREATE OR REPLACE FUNCTION take_signup(
  p_id uuid, p_message_id uuid,
  p_confirmed_subject text, p_confirmed_body text, p_waitlisted_subject text, p_waitlisted_body text
) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  s signup%ROWTYPE;
  m meeting%ROWTYPE;
  phase text;
  quota meeting_quota%ROWTYPE;
  may_take boolean;
  taken text;
BEGIN
  SELECT * INTO s FROM signup WHERE id = p_id;
  IF NOT FOUND THEN RETURN 'not_found'; END IF;
  IF s.status <> 'pending' THEN RETURN 'already'; END IF;
  -- A first look without a lock picks the lock: a sign-up that may take a place locks the meeting
  -- exclusively; one that can only join the waitlist takes a shared lock, so waitlist entries
  -- go in side by side. Both block place changes (cancellations, promotions, other takers),
  -- which need the row itself, so the counts read below hold until commit.
  SELECT * INTO m FROM meeting WHERE id = s.meeting_id;
  IF s.partner_organisation_id IS NOT NULL THEN
    SELECT * INTO quota FROM meeting_quota WHERE meeting_id = s.meeting_id AND partner_organisation_id = s.partner_organisation_id;
  END IF;
  may_take := m.confirmed_count < m.capacity AND (s.partner_organisation_id IS NULL OR quota.confirmed_count < quota.seats);
  IF may_take THEN
    SELECT * INTO m FROM meeting WHERE id = s.meeting_id FOR UPDATE;
  ELSE
    SELECT * INTO m FROM meeting WHERE id = s.meeting_id FOR SHARE;
  END IF;
  -- The meeting first, then the sign-up, as a cancellation locks them: a repeated click waits here
  -- and then finds the sign-up no longer pending.
  SELECT * INTO s FROM signup WHERE id = p_id FOR UPDATE;
  IF s.status <> 'pending' THEN RETURN 'already'; END IF;
  IF s.confirm_by <= now() THEN RETURN 'expired'; END IF;
  IF s.partner_organisation_id IS NOT NULL THEN
    SELECT * INTO quota FROM meeting_quota WHERE meeting_id = s.meeting_id AND partner_organisation_id = s.partner_organisation_id;
  END IF;
  SELECT c.phase INTO phase FROM consultation c WHERE c.id = m.consultation_id;
  IF m.cancelled_at IS NOT NULL THEN RETURN 'cancelled'; END IF;
  IF m.starts_at <= now() THEN RETURN 'past'; END IF;
  IF m.signup_deadline <= now() THEN RETURN 'deadline'; END IF;
  IF phase <> 'open' THEN RETURN 'not_open'; END IF;
  taken := CASE WHEN m.confirmed_count < m.capacity AND (s.partner_organisation_id IS NULL OR quota.confirmed_count < quota.seats)
                THEN 'confirmed' ELSE 'waitlisted' END;
  IF taken = 'confirmed' AND NOT may_take THEN RETURN 'retry'; END IF;
  -- The queue runs in order of confirmation, not of request: a new position is drawn now.
  UPDATE signup SET status = taken, confirmed_at = now(), position = DEFAULT WHERE id = p_id;
  -- As enqueueMessages (libs/mail) stores them: the message and its send job, together.
  INSERT INTO message (id, signup_id, kind, channel, recipient, subject, body)
  VALUES (p_message_id, p_id, CASE taken WHEN 'confirmed' THEN 'confirmation' ELSE 'waitlisted' END,
          CASE WHEN s.email IS NOT NULL THEN 'email' ELSE 'sms' END, COALESCE(s.email, s.phone),
          CASE taken WHEN 'confirmed' THEN p_confirmed_subject ELSE p_waitlisted_subject END,
          CASE taken WHEN 'confirmed' THEN p_confirmed_body ELSE p_waitlisted_body END);
  INSERT INTO outbox (queue, job_name, job_id, payload)
  VALUES ('messages', 'send', 'message-' || p_message_id, jsonb_build_object('messageId', p_message_id));
  RETURN taken;
END $$`,
};
