import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13, server side: the audit log, password resets, the deciding institution in both
 * languages, check-in overrides, and message batches (a meeting's message history).
 */
export class AccountsAuditMeetingEdits1764700000000 implements MigrationInterface {
  name = 'AccountsAuditMeetingEdits1764700000000';

  async up(q: QueryRunner): Promise<void> {
    // Who did what to which row, never with personal values: ids, an action name, counts and field names.
    await q.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_account_id uuid REFERENCES account(id) ON DELETE SET NULL,
        actor_role varchar(20),
        action varchar(60) NOT NULL,
        target_type varchar(40) NOT NULL,
        target_id uuid,
        municipality_id uuid REFERENCES municipality(id) ON DELETE SET NULL,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_log_target_idx ON audit_log (target_id)`);
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_account_id)`);

    // A reset link's token is stored as its SHA-256 only; used once, then never again.
    await q.query(`
      CREATE TABLE password_reset (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
        token_hash char(64) NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await q.query(`CREATE INDEX password_reset_account_idx ON password_reset (account_id)`);
    await q.query(`ALTER TABLE account ADD COLUMN password_changed_at timestamptz`);

    // The existing column keeps the Lithuanian name; existing rows get it in English too until staff translate it.
    await q.query(`ALTER TABLE consultation ADD COLUMN institution_en varchar(300)`);
    await q.query(`UPDATE consultation SET institution_en = institution`);
    await q.query(`ALTER TABLE consultation ALTER COLUMN institution_en SET NOT NULL`);
    await q.query(`COMMENT ON COLUMN consultation.institution IS 'The deciding institution, in Lithuanian (institution_en: in English)'`);

    // Check-in before or after the meeting's day needs staff to say why.
    await q.query(`ALTER TABLE signup ADD COLUMN checkin_override_reason varchar(500)`);
    await q.query(`ALTER TABLE signup ADD COLUMN checked_in_by uuid REFERENCES account(id) ON DELETE SET NULL`);

    // One row per message sent to many at once (staff message, cancellation, change, reminders):
    // the history staff see. The preview is rendered for no one in particular (no code, no link).
    await q.query(`
      CREATE TABLE meeting_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        kind varchar(20) NOT NULL,
        subject_preview varchar(300),
        body_preview text,
        recipients integer NOT NULL CHECK (recipients >= 0),
        actor_account_id uuid REFERENCES account(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX meeting_message_meeting_idx ON meeting_message (meeting_id, created_at DESC)`);
    await q.query(`ALTER TABLE message ADD COLUMN batch_id uuid REFERENCES meeting_message(id) ON DELETE SET NULL`);
    await q.query(`CREATE INDEX message_batch_idx ON message (batch_id) WHERE batch_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE message DROP COLUMN batch_id`);
    await q.query(`DROP TABLE meeting_message`);
    await q.query(`ALTER TABLE signup DROP COLUMN checked_in_by`);
    await q.query(`ALTER TABLE signup DROP COLUMN checkin_override_reason`);
    await q.query(`ALTER TABLE consultation DROP COLUMN institution_en`);
    await q.query(`ALTER TABLE account DROP COLUMN password_changed_at`);
    await q.query(`DROP TABLE password_reset`);
    await q.query(`DROP TABLE audit_log`);
  }
}
