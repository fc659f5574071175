import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consultations, their meetings and residents' sign-ups; messages to residents (sent by the worker
 * from the outbox); participation targets. The outbox learns to hand over delayed jobs (reminders).
 *
 * Capacity and quotas hold in the database, not only in the service: a trigger keeps each meeting's
 * and quota's confirmed count equal to its confirmed sign-ups, and CHECKs keep the counts within
 * capacity and seats, so any path that would overbook fails its transaction.
 */
export class Consultations1764100000000 implements MigrationInterface {
  name = 'Consultations1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox ADD COLUMN run_at timestamptz`);
    await q.query(`COMMENT ON COLUMN outbox.run_at IS 'When set, the job is handed to BullMQ as a delayed job due at this time'`);

    await q.query(`
      CREATE TABLE consultation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE RESTRICT,
        title_lt varchar(300) NOT NULL,
        title_en varchar(300) NOT NULL,
        description_lt text NOT NULL DEFAULT '',
        description_en text NOT NULL DEFAULT '',
        institution varchar(300) NOT NULL,
        phase varchar(12) NOT NULL DEFAULT 'announced' CHECK (phase IN ('announced', 'open', 'held', 'reported')),
        heard_lt text,
        heard_en text,
        decided_lt text,
        decided_en text,
        report_published_at timestamptz,
        created_by uuid REFERENCES account(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((phase = 'reported') = (report_published_at IS NOT NULL)),
        CHECK (report_published_at IS NULL OR (heard_lt IS NOT NULL AND heard_en IS NOT NULL AND decided_lt IS NOT NULL AND decided_en IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX consultation_municipality_idx ON consultation (municipality_id)`);

    await q.query(`
      CREATE TABLE meeting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        consultation_id uuid NOT NULL REFERENCES consultation(id) ON DELETE RESTRICT,
        kind varchar(20) NOT NULL CHECK (kind IN ('consultation', 'discussion', 'training', 'visit')),
        title_lt varchar(300) NOT NULL,
        title_en varchar(300) NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        place varchar(500),
        online_url varchar(1000),
        capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
        signup_deadline timestamptz NOT NULL,
        retention_days integer NOT NULL CHECK (retention_days BETWEEN 1 AND 3650),
        confirmed_count integer NOT NULL DEFAULT 0,
        cancelled_at timestamptz,
        contacts_purged_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at),
        CHECK (signup_deadline <= starts_at),
        CHECK (place IS NOT NULL OR online_url IS NOT NULL),
        CONSTRAINT meeting_not_overbooked CHECK (confirmed_count BETWEEN 0 AND capacity)
      )`);
    await q.query(`CREATE INDEX meeting_consultation_idx ON meeting (consultation_id)`);
    await q.query(`CREATE INDEX meeting_upcoming_idx ON meeting (starts_at) WHERE cancelled_at IS NULL`);

    await q.query(`
      CREATE TABLE meeting_quota (
        meeting_id uuid NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        partner_organisation_id uuid NOT NULL REFERENCES partner_organisation(id) ON DELETE RESTRICT,
        seats integer NOT NULL CHECK (seats > 0),
        confirmed_count integer NOT NULL DEFAULT 0,
        PRIMARY KEY (meeting_id, partner_organisation_id),
        CONSTRAINT quota_not_overbooked CHECK (confirmed_count BETWEEN 0 AND seats)
      )`);

    // Personal data (name, contacts, organisation, check-in code) is purged once the meeting's
    // retention period has passed; status, organisation partner and attendance stay, for counts.
    await q.query(`
      CREATE TABLE signup (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meeting(id) ON DELETE RESTRICT,
        position bigint GENERATED ALWAYS AS IDENTITY,
        status varchar(12) NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
        language varchar(2) NOT NULL CHECK (language IN ('lt', 'en')),
        partner_organisation_id uuid REFERENCES partner_organisation(id) ON DELETE RESTRICT,
        name varchar(200),
        email varchar(320),
        phone varchar(20),
        contact_key varchar(320),
        organisation varchar(300),
        checkin_code char(6),
        consent_text text NOT NULL,
        consented_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        promoted_at timestamptz,
        cancelled_at timestamptz,
        attended_at timestamptz,
        reminded_at timestamptz,
        purged_at timestamptz,
        CHECK (purged_at IS NOT NULL OR (name IS NOT NULL AND contact_key IS NOT NULL AND checkin_code IS NOT NULL
                                         AND (email IS NOT NULL) <> (phone IS NOT NULL))),
        CHECK (purged_at IS NULL OR (name IS NULL AND email IS NULL AND phone IS NULL AND contact_key IS NULL
                                     AND organisation IS NULL AND checkin_code IS NULL)),
        CHECK (attended_at IS NULL OR status = 'confirmed'),
        CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX signup_contact_once ON signup (meeting_id, contact_key) WHERE status <> 'cancelled'`);
    await q.query(`CREATE UNIQUE INDEX signup_checkin_code ON signup (meeting_id, checkin_code)`);
    await q.query(`CREATE INDEX signup_waitlist_idx ON signup (meeting_id, position) WHERE status = 'waitlisted'`);

    await q.query(`
      CREATE FUNCTION signup_counts() RETURNS trigger LANGUAGE plpgsql AS $$
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
      END $$`);
    await q.query(`
      CREATE TRIGGER signup_counts AFTER INSERT OR DELETE OR UPDATE OF status ON signup
      FOR EACH ROW EXECUTE FUNCTION signup_counts()`);

    // Taking a place in one statement: the meeting's row lock is held only while this runs and
    // commits, never across round trips to the api (under load those would wait behind other requests
    // in the api's event loop, and every sign-up for the meeting would wait with them). The service
    // checks the rules first for clear errors; they are checked again here, under the lock.
    await q.query(`
      CREATE FUNCTION take_signup(
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
      END $$`);

    // What is sent to residents. Written in the transaction that decides to send it, with an outbox
    // row; the worker sends it and sets sent_at. Recipient and body are purged with the sign-up.
    await q.query(`
      CREATE TABLE message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        signup_id uuid REFERENCES signup(id) ON DELETE SET NULL,
        kind varchar(20) NOT NULL,
        channel varchar(5) NOT NULL CHECK (channel IN ('email', 'sms')),
        recipient varchar(320),
        subject varchar(300),
        body text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error varchar(500),
        purged_at timestamptz,
        CHECK ((purged_at IS NULL) = (recipient IS NOT NULL AND body IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX message_signup_idx ON message (signup_id)`);

    await q.query(`
      CREATE TABLE participation_target (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(20) NOT NULL CHECK (kind IN ('consultation', 'discussion', 'training', 'visit')),
        municipality_id uuid REFERENCES municipality(id) ON DELETE CASCADE,
        target integer NOT NULL CHECK (target > 0),
        CONSTRAINT participation_target_once UNIQUE NULLS NOT DISTINCT (kind, municipality_id)
      )`);
    await q.query(`COMMENT ON COLUMN participation_target.municipality_id IS 'NULL: a target for all municipalities together'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION take_signup(uuid, uuid, uuid, text, text, text, text, text, text, text, text, uuid, text, text, text, text, text, text)`);
    for (const table of ['participation_target', 'message', 'signup', 'meeting_quota', 'meeting', 'consultation']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP FUNCTION signup_counts()`);
    await q.query(`ALTER TABLE outbox DROP COLUMN run_at`);
  }
}
