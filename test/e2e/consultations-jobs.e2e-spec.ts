import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { sendReminders } from '../../libs/consultations/src/worker/reminders';
import { bullPrefix } from '../../libs/jobs/src';
import { createAccount, createMunicipality, type TestAccount } from '../support/factories';
import { confirmedSignUp, createMeeting, createOpenConsultation, manage, person, reminderJobId } from '../support/consultation-fixtures';
import { startTestApp, TEST_REDIS_URL, type TestApp } from '../support/test-app';
import { FAST_JOBS_ENV, startInProcessWorker, waitFor } from '../support/test-worker';

const SECOND_IN_HOURS = 1 / 3600;

/** Reminders, sending through the outbox and the mailer, and the retention purge, with a real worker. */
describe('consultations: background jobs', () => {
  let t: TestApp;
  let staff: TestAccount;
  let worker: INestApplicationContext | undefined;
  let mailDir: string;
  let redis: Redis;
  let queue: Queue;

  beforeAll(async () => {
    mailDir = mkdtempSync(join(tmpdir(), 'mail-'));
    t = await startTestApp({
      ...FAST_JOBS_ENV,
      MAIL_DIR: mailDir,
      REMINDER_LEAD_MINUTES: '60',
      RETENTION_SWEEP_MS: '1000',
      MESSAGE_RETRY_SWEEP_MS: '1000',
      JOB_ATTEMPTS: '2',
    });
    await createMunicipality(t.db, 'zarasai');
    staff = await createAccount(t.db, 'staff', ['zarasai']);
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    queue = new Queue('signups', { connection: redis, prefix: bullPrefix(t.config) });
  });
  afterEach(async () => {
    await worker?.close();
    worker = undefined;
  });
  afterAll(async () => {
    await queue.close();
    redis.disconnect();
    await t.close();
    rmSync(mailDir, { recursive: true, force: true });
  });

  const messageRows = (meetingId: string, kind: string) =>
    t.db
      .query(`SELECT m.id, m.sent_at, m.recipient, m.attempts, m.last_error FROM message m JOIN signup s ON s.id = m.signup_id
               WHERE s.meeting_id = $1 AND m.kind = $2 ORDER BY m.created_at`, [meetingId, kind])
      .then((r) => r.rows);

  it('sends confirmations to the mail folder, and each reminder once, from a delayed BullMQ job', async () => {
    // Due 5 s from now: the reminder goes REMINDER_LEAD_MINUTES (60) before a meeting 60 min 5 s away.
    const meeting = await createMeeting(t, staff, await createOpenConsultation(t, staff, 'zarasai'), { capacity: 2, startsInHours: 1 + 5 * SECOND_IN_HOURS });
    const ona = await confirmedSignUp(t, meeting.id, person({ contact: 'ona@example.lt' }));
    await confirmedSignUp(t, meeting.id, person({ contact: 'petras@example.lt', language: 'en' }));
    const waiting = await confirmedSignUp(t, meeting.id, person());
    expect(waiting.body.status).toBe('waitlisted');

    worker = await startInProcessWorker(t.config);
    await waitFor('the reminder handed to BullMQ', async () => (await queue.getJob(reminderJobId(meeting))) !== undefined);
    const job = (await queue.getJob(reminderJobId(meeting)))!;
    expect(await job.getState()).toBe('delayed');
    expect(job.opts.delay).toBeGreaterThan(1000);

    // Confirmations go out meanwhile, rendered as they would be mailed.
    await waitFor('confirmations sent', async () => (await messageRows(meeting.id, 'confirmation')).every((m) => m.sent_at));
    const [confirmation] = await messageRows(meeting.id, 'confirmation');
    const eml = readFileSync(join(mailDir, `${confirmation.id}.eml`), 'utf8');
    expect(eml).toMatch(/^To: ona@example\.lt$/m);
    expect(eml).toContain(ona.body.checkinCode);
    // Quoted-printable may fold the long link: its start is enough to show it was filled in.
    expect(eml).toContain(ona.body.manageToken.slice(0, 20));
    // The attacker with a copy of the message table finds no working link and no check-in code in it.
    const table = JSON.stringify((await t.db.query(`SELECT * FROM message`)).rows);
    expect(table).not.toContain(ona.body.manageToken.split('.')[1]);
    expect(table).not.toContain(ona.body.checkinCode);

    await waitFor('reminders sent', async () => {
      const rows = await messageRows(meeting.id, 'reminder');
      return rows.length === 2 && rows.every((m) => m.sent_at);
    }, 20000);
    const reminders = await messageRows(meeting.id, 'reminder');
    expect(reminders.map((m) => m.recipient).sort()).toEqual(['ona@example.lt', 'petras@example.lt']);
    expect(readFileSync(join(mailDir, `${reminders.find((m) => m.recipient.startsWith('petras'))!.id}.eml`), 'utf8')).toContain('A reminder of the meeting');
    expect(await (await queue.getJob(reminderJobId(meeting)))!.getState()).toBe('completed');

    // The job running again (a retry, a second worker) reminds nobody twice.
    const ds = await new DataSource({ type: 'postgres', url: t.config.DATABASE_URL }).initialize();
    try {
      expect(await ds.transaction((tx) => sendReminders(tx, t.config, meeting.id))).toBe(0);
    } finally {
      await ds.destroy();
    }
    expect(await messageRows(meeting.id, 'reminder')).toHaveLength(2);
  });

  it('keeps messages while the mail server is down and sends them once it is back', async () => {
    const meeting = await createMeeting(t, staff, await createOpenConsultation(t, staff, 'zarasai'));
    const signup = await confirmedSignUp(t, meeting.id, person({ contact: 'jonas@example.lt' }));
    // Port 1: nothing listens, so every send fails until the retries run out.
    worker = await startInProcessWorker({ ...t.config, SMTP_URL: 'smtp://127.0.0.1:1' });
    await waitFor('the retries to run out', async () => (await messageRows(meeting.id, 'confirmation'))[0].attempts >= 2);
    const [failed] = await messageRows(meeting.id, 'confirmation');
    expect(failed.sent_at).toBeNull();
    expect(failed.last_error).toMatch(/ECONNREFUSED/);
    expect(failed.last_error).not.toContain('jonas@example.lt');
    await worker.close();

    // The mail "server" is back (the folder mailer): the sweep gives the failed message its job again.
    worker = await startInProcessWorker(t.config);
    await waitFor('the message sent after the outage', async () => (await messageRows(meeting.id, 'confirmation'))[0].sent_at !== null, 20000);
    expect(existsSync(join(mailDir, `${failed.id}.eml`))).toBe(true);
    expect(signup.body.status).toBe('confirmed');
  });

  it('purges contact details once the retention period has passed, keeping status and attendance counts', async () => {
    const meeting = await createMeeting(t, staff, await createOpenConsultation(t, staff, 'zarasai'), { kind: 'training', retentionDays: 1 });
    const kept = await createMeeting(t, staff, await createOpenConsultation(t, staff, 'zarasai'), { kind: 'training', retentionDays: 30 });
    const came = await confirmedSignUp(t, meeting.id, person({ name: 'Petras Petraitis', organisation: 'Bendruomenė' }));
    await confirmedSignUp(t, meeting.id, person());
    await confirmedSignUp(t, kept.id, person({ name: 'Liks Vardas' }));
    await t.http.post(`/api/meetings/${meeting.id}/attendance`).set(staff.auth).send({ code: came.body.checkinCode, overrideReason: "checked in before the day" }).expect(200);
    // The messages go out while the meeting is ahead.
    const sentIds = async () => (await t.db.query(`SELECT m.id FROM message m JOIN signup s ON s.id = m.signup_id WHERE s.meeting_id = $1`, [meeting.id])).rows.map((r) => r.id as string);
    worker = await startInProcessWorker({ ...t.config, RETENTION_SWEEP_MS: 3600_000 });
    await waitFor('the messages sent', async () => (await sentIds()).every((id) => existsSync(join(mailDir, `${id}.eml`))));
    const files = (await sentIds()).map((id) => join(mailDir, `${id}.eml`));
    // Mail files hold a contact and a working link: readable by this user only.
    for (const file of files) expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(files.some((file) => readFileSync(file, 'utf8').includes(came.body.contact))).toBe(true);
    expect(files.some((file) => readFileSync(file, 'utf8').includes(came.body.manageToken.slice(0, 20)))).toBe(true);
    await worker.close();

    // The meeting took place three days ago: past its one-day retention. The other, two days ago, within its 30.
    await t.db.query(`UPDATE meeting SET signup_deadline = now() - interval '4 days', starts_at = now() - interval '3 days',
                        ends_at = now() - interval '3 days' + interval '2 hours' WHERE id = $1`, [meeting.id]);
    await t.db.query(`UPDATE meeting SET signup_deadline = now() - interval '3 days', starts_at = now() - interval '2 days',
                        ends_at = now() - interval '2 days' + interval '2 hours' WHERE id = $1`, [kept.id]);
    const before = (await t.http.get('/api/participation').set(staff.auth).expect(200)).body.items;

    worker = await startInProcessWorker(t.config);
    await waitFor('the purge', async () => (await t.db.query(`SELECT contacts_purged_at FROM meeting WHERE id = $1`, [meeting.id])).rows[0].contacts_purged_at !== null);
    // The attacker who reads the mail folder after the purge finds nothing of them.
    await waitFor('the mail files deleted', () => Promise.resolve(files.every((file) => !existsSync(file))));
    const left = readdirSync(mailDir).map((name) => readFileSync(join(mailDir, name), 'utf8')).join('\n');
    expect(left).not.toContain(came.body.contact);
    expect(left).not.toContain(came.body.manageToken.slice(0, 20));

    const rows = (await t.db.query(`SELECT name, email, phone, contact_key, organisation, checkin_code, status, attended_at, purged_at FROM signup WHERE meeting_id = $1`, [meeting.id])).rows;
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toMatchObject({ name: null, email: null, phone: null, contact_key: null, organisation: null, checkin_code: null, status: 'confirmed' });
      expect(row.purged_at).not.toBeNull();
    }
    expect(rows.filter((r) => r.attended_at).length).toBe(1);
    const messages = (await t.db.query(`SELECT recipient, body FROM message m JOIN signup s ON s.id = m.signup_id WHERE s.meeting_id = $1`, [meeting.id])).rows;
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => m.recipient === null && m.body === null)).toBe(true);
    expect((await t.db.query(`SELECT name FROM signup WHERE meeting_id = $1`, [kept.id])).rows).toEqual([{ name: 'Liks Vardas' }]);

    expect((await t.http.get('/api/participation').set(staff.auth).expect(200)).body.items).toEqual(before);
    const list = await t.http.get(`/api/meetings/${meeting.id}/signups`).set(staff.auth).expect(200);
    expect(JSON.stringify(list.body)).not.toContain('Petras');
    expect((await manage(t, 'get', '', came.body.manageToken).expect(410)).body.code).toBe('SIGNUP_PURGED');
  });
});
