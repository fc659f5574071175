import type { MigrationInterface, QueryRunner } from 'typeorm';
import { applySqlDefinitions, takeSignup } from '../sql';

/**
 * A sign-up holds no seat until its contact confirms it by the link sent to them (seat squatting:
 * invented contacts filled meetings). A pending sign-up must be confirmed by `confirm_by`;
 * take_signup now takes the place at confirmation, under the meeting's lock as before. Messages
 * are stored without links (filled in at send time) and purged with their mail files.
 */
export class SignupConfirmation1764600000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE signup DROP CONSTRAINT signup_status_check`);
    await q.query(`ALTER TABLE signup ADD CONSTRAINT signup_status_check
                     CHECK (status IN ('pending', 'confirmed', 'waitlisted', 'cancelled'))`);
    await q.query(`ALTER TABLE signup ADD COLUMN confirm_by timestamptz, ADD COLUMN confirmed_at timestamptz`);
    await q.query(`ALTER TABLE signup ADD CONSTRAINT signup_pending_has_deadline CHECK (status <> 'pending' OR confirm_by IS NOT NULL)`);
    await q.query(`CREATE INDEX signup_pending_idx ON signup (confirm_by) WHERE status = 'pending'`);
    // The retention purge deletes a purged message's mail file and then marks it here.
    await q.query(`ALTER TABLE message ADD COLUMN files_forgotten_at timestamptz`);
    await q.query(`CREATE INDEX message_files_due_idx ON message (id) WHERE purged_at IS NOT NULL AND files_forgotten_at IS NULL`);
    await q.query(`DROP FUNCTION take_signup(uuid, uuid, uuid, text, text, text, text, text, text, text, text, uuid, text, text, text, text, text, text)`);
    await applySqlDefinitions(q, [takeSignup]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION take_signup(uuid, uuid, text, text, text, text)`);
    await q.query(`DELETE FROM signup WHERE status = 'pending'`);
    await q.query(`ALTER TABLE message DROP COLUMN files_forgotten_at`);
    await q.query(`DROP INDEX signup_pending_idx`);
    await q.query(`ALTER TABLE signup DROP CONSTRAINT signup_pending_has_deadline, DROP COLUMN confirm_by, DROP COLUMN confirmed_at`);
    await q.query(`ALTER TABLE signup DROP CONSTRAINT signup_status_check`);
    await q.query(`ALTER TABLE signup ADD CONSTRAINT signup_status_check CHECK (status IN ('confirmed', 'waitlisted', 'cancelled'))`);
  }
}
