import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { bullPrefix } from '../../libs/jobs/src';
import { countRows, createAccount, createMunicipality, type TestAccount } from '../support/factories';
import { createMeeting, createOpenConsultation, inHours, person, confirmedSignUp, reminderJobId } from '../support/consultation-fixtures';
import { startTestApp, TEST_REDIS_URL, type TestApp } from '../support/test-app';
import { FAST_JOBS_ENV, startInProcessWorker, waitFor } from '../support/test-worker';

/**
 * Staff edit meetings and consultations: promotion on a capacity increase, the reminder moved with
 * the time (through a real worker), everyone told, check-in on the day, message history, the
 * attendance sheet, the audit entries; bad input answered with the field and nothing written.
 */
describe('meeting and consultation edits', () => {
  let t: TestApp;
  let staff: TestAccount;
  let worker: INestApplicationContext | undefined;
  let mailDir: string;
  let redis: Redis;
  let queue: Queue;

  beforeAll(async () => {
    mailDir = mkdtempSync(join(tmpdir(), 'mail-'));
    t = await startTestApp({ ...FAST_JOBS_ENV, MAIL_DIR: mailDir, REMINDER_LEAD_MINUTES: '60', RETENTION_SWEEP_MS: '600000' });
    await createMunicipality(t.db, 'birzai');
    staff = await createAccount(t.db, 'staff', ['birzai']);
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

  const kinds = (signupId: string) =>
    t.db.query(`SELECT kind FROM message WHERE signup_id = $1 ORDER BY created_at`, [signupId]).then((r) => r.rows.map((m) => m.kind));
  const meetingRow = (id: string) =>
    t.db.query(`SELECT starts_at, ends_at, signup_deadline, place, online_url, capacity, confirmed_count, title_lt FROM meeting WHERE id = $1`, [id]).then((r) => r.rows[0]);
  const written = async () => ({
    messages: await countRows(t.db, 'message'),
    audit: await countRows(t.db, 'audit_log'),
    outbox: await countRows(t.db, 'outbox'),
    batches: await countRows(t.db, 'meeting_message'),
  });

  it('gives new places to the waitlist in order when capacity rises, tells those promoted, and logs it', async () => {
    const meeting = await createMeeting(t, staff, await createOpenConsultation(t, staff, 'birzai'), { capacity: 1 });
    await confirmedSignUp(t, meeting.id, person());
    const second = await confirmedSignUp(t, meeting.id, person());
    const third = await confirmedSignUp(t, meeting.id, person());
    const fourth = await confirmedSignUp(t, meeting.id, person());
    expect([second.body.status, third.body.status, fourth.body.status]).toEqual(['waitlisted', 'waitlisted', 'waitlisted']);

    const res = await t.http.patch(`/api/meetings/${meeting.id}`).set(staff.auth).send({ capacity: 3 }).expect(200);
    expect(res.body).toMatchObject({ changed: ['capacity'], promoted: 2, notified: 0, meeting: { capacity: 3, confirmed: 3, waitlisted: 1, seatsLeft: 0 } });
    const statuses = await t.db.query(`SELECT id, status FROM signup WHERE meeting_id = $1 ORDER BY position`, [meeting.id]);
    expect(statuses.rows.map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'confirmed', 'waitlisted']);
    expect(await kinds(second.body.id)).toEqual(['confirm_request', 'waitlisted', 'promoted']);
    expect(await kinds(fourth.body.id)).toEqual(['confirm_request', 'waitlisted']);
    const audit = await t.db.query(`SELECT actor_account_id, action, target_id, details FROM audit_log WHERE target_id = $1`, [meeting.id]);
    expect(audit.rows).toEqual([{ actor_account_id: staff.id, action: 'meeting.updated', target_id: meeting.id, details: { fields: ['capacity'], promoted: 2, notified: 0 } }]);
  });

  it('refuses a capacity below the places confirmed with 409 naming capacity, and writes nothing', async () => {
    const meeting = await createMeeting(t, staff, await createOpenConsultation(t, staff, 'birzai'), { capacity: 3 });
    await confirmedSignUp(t, meeting.id, person());
    await confirmedSignUp(t, meeting.id, person());
    const before = [await meetingRow(meeting.id), await written()];
    const res = await t.http.patch(`/api/meetings/${meeting.id}`).set(staff.auth).send({ capacity: 1, place: 'Kita salė' }).expect(409);
    expect(res.body).toMatchObject({ statusCode: 409, code: 'CAPACITY_BELOW_CONFIRMED', details: [{ field: 'capacity', reason: expect.stringContaining('at least 2') }] });
    expect([await meetingRow(meeting.id), await written()]).toEqual(before);
    // Down to exactly the places confirmed is fine.
    await t.http.patch(`/api/meetings/${meeting.id}`).set(staff.auth).send({ capacity: 2 }).expect(200);
  });

  it.each([
    ['capacity', { capacity: 0 }],
    ['capacity', { capacity: 2.5 }],
    ['startsAt', { startsAt: 'tomorrow' }],
    ['startsAt', { startsAt: inHours(-1) }],
    ['endsAt', { endsAt: inHours(1) }],
    ['signupDeadline', { signupDeadline: inHours(100) }],
    ['place', { place: null }],
    ['onlineUrl', { onlineUrl: 'javascript:alert(1)' }],
    ['titleLt', { titleLt: 'x' }],
    ['organiser', { organiser: 'me' }],
  ])('answers a bad %s with 400 naming it, and writes nothing', async (field, body) => {
    const meeting = await createMeeting(t, staff, await createOpenConsultation(t, staff, 'birzai'), { startsInHours: 48 });
    await confirmedSignUp(t, meeting.id, person());
    const before = [await meetingRow(meeting.id), await written()];
    const res = await t.http.patch(`/api/meetings/${meeting.id}`).set(staff.auth).send(body).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect([await meetingRow(meeting.id), await written()]).toEqual(before);
  });

  it('refuses to edit a cancelled meeting', async () => {
    const meeting = await createMeeting(t, staff, await createOpenConsultation(t, staff, 'birzai'));
    await t.http.post(`/api/meetings/${meeting.id}/cancel`).set(staff.auth).expect(200);
    const before = await meetingRow(meeting.id);
    const res = await t.http.patch(`/api/meetings/${meeting.id}`).set(staff.auth).send({ capacity: 50 }).expect(409);
    expect(res.body.code).toBe('MEETING_NOT_EDITABLE');
    expect(await meetingRow(meeting.id)).toEqual(before);
  });

  it('moves the reminder with the time: a new job reminds at the new time, the old one sends nothing, and everyone is told', async () => {
    // First planned 3 h ahead: its reminder (60 min before) would come in 2 h.
    const meeting = await createMeeting(t, staff, await createOpenConsultation(t, staff, 'birzai'), { capacity: 1, startsInHours: 3 });
    const ona = await confirmedSignUp(t, meeting.id, person({ name: 'Ona Onaitė', contact: 'ona.edit@example.lt' }));
    const waiting = await confirmedSignUp(t, meeting.id, person({ contact: 'waiting.edit@example.lt', language: 'en' }));
    worker = await startInProcessWorker(t.config);
    await waitFor('the first reminder handed to BullMQ', async () => (await queue.getJob(reminderJobId(meeting))) !== undefined);
    const oldJob = (await queue.getJob(reminderJobId(meeting)))!;

    // Moved to 60 min 8 s from now: the new reminder is due in about 8 s.
    const startsAt = new Date(Date.now() + 3_608_000).toISOString();
    const res = await t.http.patch(`/api/meetings/${meeting.id}`).set(staff.auth).send({ startsAt }).expect(200);
    expect(res.body).toMatchObject({ changed: ['startsAt', 'endsAt', 'signupDeadline'], notified: 2, reminderPlanned: true });
    expect(new Date(res.body.meeting.endsAt).getTime() - new Date(startsAt).getTime()).toBe(2 * 3600_000);
    const [{ job_id: newJobId }] = (await t.db.query(`SELECT job_id FROM outbox WHERE job_name = 'remind' ORDER BY created_at DESC LIMIT 1`)).rows;
    expect(newJobId).not.toBe(oldJob.id);

    // The old job runs now instead of in 2 h (before the new one is due): it finds the time changed and reminds nobody.
    await oldJob.promote();
    await waitFor('the old job to finish', async () => (await queue.getJob(oldJob.id!))!.getState().then((state) => state === 'completed'));
    expect((await queue.getJob(oldJob.id!))!.returnvalue).toEqual({ reminded: 0 });
    expect(await countRows(t.db, 'message', `kind = 'reminder'`)).toBe(0);

    await waitFor('the reminder at the new time', async () =>
      (await t.db.query(`SELECT 1 FROM message WHERE signup_id = $1 AND kind = 'reminder' AND sent_at IS NOT NULL`, [ona.body.id])).rowCount === 1, 25000);
    expect(await kinds(ona.body.id)).toEqual(expect.arrayContaining(['confirmation', 'meeting_changed', 'reminder']));
    expect(await kinds(waiting.body.id)).toEqual(['confirm_request', 'waitlisted', 'meeting_changed']);
    expect(await countRows(t.db, 'message', `kind = 'reminder' AND signup_id = $1`, [ona.body.id])).toBe(1);
  });

  it('checks in without a reason on the meeting day', async () => {
    const meeting = await createMeeting(t, staff, await createOpenConsultation(t, staff, 'birzai'));
    const ona = await confirmedSignUp(t, meeting.id, person());
    // Today in Vilnius: the meeting is under way.
    await t.db.query(`UPDATE meeting SET signup_deadline = now(), starts_at = now(), ends_at = now() + interval '2 hours' WHERE id = $1`, [meeting.id]);
    const res = await t.http.post(`/api/meetings/${meeting.id}/attendance`).set(staff.auth).send({ code: ona.body.checkinCode }).expect(200);
    expect(res.body).toMatchObject({ alreadyCheckedIn: false, overridden: false });
    expect((await t.db.query(`SELECT checkin_override_reason FROM signup WHERE id = $1`, [ona.body.id])).rows[0].checkin_override_reason).toBeNull();
    const tooShort = await t.http.post(`/api/meetings/${meeting.id}/attendance`).set(staff.auth).send({ code: ona.body.checkinCode, overrideReason: 'x' }).expect(400);
    expect(tooShort.body.details[0].field).toBe('overrideReason');
  });

  it('keeps a message history with counts and a preview free of personal data, and an attendance sheet of those holding a place', async () => {
    const meeting = await createMeeting(t, staff, await createOpenConsultation(t, staff, 'birzai'), { capacity: 2 });
    const people = [person({ name: 'Žydrūnas Žukas', contact: 'zydrunas@example.lt' }), person({ name: 'Aušra Ąžuolienė', contact: 'ausra@example.lt' }), person({ name: 'Benas Waitlist' })];
    const signed = [];
    for (const p of people) signed.push((await confirmedSignUp(t, meeting.id, p)).body);
    await t.http.post(`/api/meetings/${meeting.id}/messages`).set(staff.auth).send({ subject: 'Salė pakeista', body: 'Renkamės antrame aukšte.' }).expect(202);
    await t.http.patch(`/api/meetings/${meeting.id}`).set(staff.auth).send({ place: 'Biržų pilis, Vytauto g. 2' }).expect(200);

    const history = await t.http.get(`/api/meetings/${meeting.id}/messages`).set(staff.auth).expect(200);
    expect(history.body.items.map((i: { kind: string; recipients: number; sentBy: string }) => [i.kind, i.recipients, i.sentBy])).toEqual([
      ['meeting_changed', 3, staff.email],
      ['staff', 3, staff.email],
    ]);
    expect(history.body.items[1]).toMatchObject({ pending: 3, sent: 0, subjectPreview: expect.stringContaining('Salė pakeista'), bodyPreview: expect.stringContaining('antrame aukšte') });
    expect(history.body.items[0].bodyPreview).toContain('Biržų pilis');
    const text = JSON.stringify(history.body);
    for (const secret of [...people.flatMap((p) => [p.name, p.contact]), ...signed.flatMap((s) => [s.checkinCode, s.manageToken])]) {
      expect(text).not.toContain(secret);
    }

    const sheet = await t.http.get(`/api/meetings/${meeting.id}/attendance-sheet`).set(staff.auth).expect(200);
    expect(sheet.body.people.map((p: { name: string }) => p.name)).toEqual(['Aušra Ąžuolienė', 'Žydrūnas Žukas']);
    expect(sheet.body.meeting).toMatchObject({ municipalityCode: 'birzai', place: 'Biržų pilis, Vytauto g. 2', localDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });

  it('edits a consultation\'s texts and its institution in both languages, keeping what is not sent', async () => {
    const id = await createOpenConsultation(t, staff, 'birzai');
    const created = await t.http.get(`/api/consultations/${id}`).set(staff.auth).expect(200);
    expect(created.body).toMatchObject({ institution: 'Savivaldybės taryba', institutionEn: 'Savivaldybės taryba' });
    const res = await t.http.patch(`/api/consultations/${id}`).set(staff.auth)
      .send({ institutionEn: 'Municipal Council', descriptionEn: 'New text' }).expect(200);
    expect(res.body).toMatchObject({ institution: 'Savivaldybės taryba', institutionEn: 'Municipal Council', descriptionEn: 'New text', descriptionLt: 'Aprašas' });
    const pub = await t.http.get(`/api/public/consultations/${id}`).expect(200);
    expect(pub.body.institutionEn).toBe('Municipal Council');

    const before = (await t.db.query(`SELECT * FROM consultation WHERE id = $1`, [id])).rows;
    const bad = await t.http.patch(`/api/consultations/${id}`).set(staff.auth).send({ institutionEn: 'x', titleLt: 'Naujas' }).expect(400);
    expect(bad.body.details).toEqual([{ field: 'institutionEn', reason: 'institutionEn must name the deciding institution' }]);
    expect((await t.db.query(`SELECT * FROM consultation WHERE id = $1`, [id])).rows).toEqual(before);
    const audit = await t.db.query(`SELECT details FROM audit_log WHERE target_id = $1 AND action = 'consultation.updated' ORDER BY id`, [id]);
    expect(audit.rows.at(-1).details).toEqual({ fields: ['descriptionEn', 'institutionEn'] });
  });

  it('lists the audit for admins, filtered and paged, with no names, contacts or message texts in it', async () => {
    const admin = await createAccount(t.db, 'admin');
    const all = await t.http.get('/api/admin/audit').set(admin.auth).expect(200);
    expect(all.body.total).toBeGreaterThanOrEqual(5);
    expect(new Set(all.body.items.map((i: { action: string }) => i.action))).toEqual(new Set(['meeting.updated', 'meeting.cancelled', 'meeting.messaged', 'consultation.updated']));
    expect(all.body.items[0]).toMatchObject({ actorAccountId: staff.id, actorEmail: staff.email, actorRole: 'staff', municipalityCode: 'birzai' });

    const messaged = await t.http.get('/api/admin/audit?action=meeting.messaged').set(admin.auth).expect(200);
    expect(messaged.body).toMatchObject({ total: 1, items: [{ action: 'meeting.messaged', targetType: 'meeting', details: { recipients: 3 } }] });
    const target = messaged.body.items[0].targetId;
    const byTarget = await t.http.get(`/api/admin/audit?targetId=${target}`).set(admin.auth).expect(200);
    expect(byTarget.body.items.map((i: { action: string }) => i.action)).toEqual(['meeting.updated', 'meeting.messaged']);
    const page2 = await t.http.get('/api/admin/audit?limit=1&offset=1').set(admin.auth).expect(200);
    expect(page2.body).toMatchObject({ total: all.body.total, limit: 1, offset: 1, items: [{ id: all.body.items[1].id }] });
    const future = await t.http.get(`/api/admin/audit?from=${encodeURIComponent(inHours(1))}`).set(admin.auth).expect(200);
    expect(future.body).toMatchObject({ total: 0, items: [] });

    for (const [query, field] of [['limit=0', 'limit'], ['limit=500', 'limit'], ['action=meeting.deleted', 'action'], ['from=yesterday', 'from'], ['targetId=42', 'targetId'], ['sort=at', 'sort']]) {
      const bad = await t.http.get(`/api/admin/audit?${query}`).set(admin.auth).expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }

    // An attacker's view: everything personal this file put in, searched for in the whole log.
    const log = JSON.stringify((await t.db.query(`SELECT * FROM audit_log`)).rows);
    const people = (await t.db.query(`SELECT name, email, phone, checkin_code FROM signup WHERE purged_at IS NULL`)).rows;
    expect(people.length).toBeGreaterThan(10);
    const personal = [...people.flatMap((p) => [p.name, p.email, p.phone, p.checkin_code]).filter(Boolean), 'Salė pakeista', 'antrame aukšte', 'Biržų pilis', 'Municipal Council', 'New text'];
    for (const value of personal) expect(log).not.toContain(value);
  });
});
