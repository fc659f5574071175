import { parse } from 'csv-parse/sync';
import { countRows, createAccount, createMunicipality, type TestAccount } from '../support/factories';
import { confirmedSignUp, createMeeting, createOpenConsultation, manage, pendingManageToken, person, signUp } from '../support/consultation-fixtures';
import { rawText } from '../support/raw-body';
import { startTestApp, type TestApp } from '../support/test-app';

/** Staff and resident paths of consultations, against the real api, PostgreSQL and Redis (no worker here). */
describe('consultations, meetings and sign-ups', () => {
  let t: TestApp;
  let staff: TestAccount;
  let admin: TestAccount;
  let partnerA: string;
  let partnerB: string;

  beforeAll(async () => {
    t = await startTestApp();
    const birzai = await createMunicipality(t.db, 'birzai');
    staff = await createAccount(t.db, 'staff', ['birzai']);
    admin = await createAccount(t.db, 'admin');
    const partners = await t.db.query(
      `INSERT INTO partner_organisation (name, country, municipality_id) VALUES ('Biržų bendruomenės', 'LT', $1), ('Vestland', 'NO', NULL) RETURNING id`,
      [birzai],
    );
    [partnerA, partnerB] = partners.rows.map((r) => r.id);
  });
  afterAll(() => t.close());

  const messages = (signupId: string) =>
    t.db.query(`SELECT kind, channel, recipient, body FROM message WHERE signup_id = $1 ORDER BY created_at`, [signupId]).then((r) => r.rows);

  it('runs the staff path: consultation, meeting, sign-up list and CSV, check-in, message all, outcome report, participation', async () => {
    const consultationId = await createOpenConsultation(t, staff, 'birzai');
    const meeting = await createMeeting(t, staff, consultationId, { kind: 'training', capacity: 5 });

    const listed = await t.http.get('/api/public/municipalities/birzai/meetings').expect(200);
    expect(listed.body).toEqual([expect.objectContaining({ id: meeting.id, kind: 'training', seatsLeft: 5, signupOpen: true })]);
    expect(listed.body[0]).not.toHaveProperty('attended');

    const ona = await confirmedSignUp(t, meeting.id, person({ name: 'Ona Onaitė', contact: 'Ona@Example.LT', organisation: '=cmd()' }));
    expect(ona.body).toMatchObject({ status: 'confirmed', name: 'Ona Onaitė', contact: 'ona@example.lt', waitlistPosition: null });
    expect(ona.body.checkinCode).toMatch(/^[A-Z2-9]{6}$/);
    const jonas = await confirmedSignUp(t, meeting.id, person({ name: 'Jonas', contact: 'jonas@example.lt', language: 'en' }));

    // The request for a place sent a link to confirm it; the confirmation is stored with its send
    // job in the same transaction as the place. Neither stored text holds the link or the code:
    // the worker fills them in when it sends (consultations-jobs reads the sent emails).
    const [request, confirmation] = await messages(ona.body.id);
    expect(request).toMatchObject({ kind: 'confirm_request', channel: 'email', recipient: 'ona@example.lt' });
    expect(confirmation).toMatchObject({ kind: 'confirmation', channel: 'email', recipient: 'ona@example.lt' });
    for (const stored of [request, confirmation]) {
      expect(stored.body).not.toContain(ona.body.checkinCode);
      expect(stored.body).not.toContain(ona.body.manageToken.split('.')[1]);
    }
    expect(confirmation.body).toContain('{{checkin_code}}');
    expect((await messages(jonas.body.id)).map((m) => m.kind)).toEqual(['confirm_request', 'confirmation']);
    const confirmationId = (await t.db.query(`SELECT id FROM message WHERE signup_id = $1 AND kind = 'confirmation'`, [ona.body.id])).rows[0].id;
    expect(await countRows(t.db, 'outbox', `queue = 'messages' AND job_id = $1`, [`message-${confirmationId}`])).toBe(1);

    const list = await t.http.get(`/api/meetings/${meeting.id}/signups`).set(staff.auth).expect(200);
    expect(list.body.items.map((s: { name: string; status: string }) => [s.name, s.status])).toEqual([['Ona Onaitė', 'confirmed'], ['Jonas', 'confirmed']]);
    // Excel-friendly: a UTF-8 byte-order mark, a name saying where and when, Vilnius time, formulas defused.
    const csv = await t.http.get(`/api/meetings/${meeting.id}/signups.csv`).set(staff.auth).buffer(true).parse(rawText).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Vilnius' }).format(new Date(meeting.startsAt));
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="signups-birzai-${day}.csv"; filename*=UTF-8''signups-birzai-${day}.csv`);
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    const csvRows: Record<string, string>[] = parse(csv.body, { columns: true, bom: true });
    expect(csvRows).toEqual([
      expect.objectContaining({ Name: 'Ona Onaitė', 'E-mail': 'ona@example.lt', Organisation: "'=cmd()", 'Check-in code': ona.body.checkinCode, Attended: 'no' }),
      expect.objectContaining({ Name: 'Jonas', 'E-mail': 'jonas@example.lt', Attended: 'no' }),
    ]);
    const signedUp = (await t.db.query(`SELECT created_at FROM signup WHERE id = $1`, [ona.body.id])).rows[0].created_at as Date;
    const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Vilnius', dateStyle: 'short', timeStyle: 'short' }).format(signedUp);
    expect(csvRows[0]['Signed up']).toBe(local);
    for (const request of [
      t.http.get(`/api/meetings/${meeting.id}/signups.csv?lang=lt`).set(staff.auth),
      t.http.get(`/api/meetings/${meeting.id}/signups.csv`).set(staff.auth).set('Accept-Language', 'lt-LT,lt;q=0.9,en;q=0.5'),
    ]) {
      const lt = await request.buffer(true).parse(rawText).expect(200);
      expect((parse(lt.body, { columns: true, bom: true }) as Record<string, string>[])[0]).toMatchObject({ Būsena: 'patvirtinta', 'Vardas ir pavardė': 'Ona Onaitė', Dalyvavo: 'ne' });
    }
    const badLang = await t.http.get(`/api/meetings/${meeting.id}/signups.csv?lang=de`).set(staff.auth).expect(400);
    expect(badLang.body.details).toEqual([{ field: 'lang', reason: 'lang must be lt or en' }]);

    // Check-in opens on the meeting day (two days away): before it, only with a reason, which is stored.
    const early = await t.http.post(`/api/meetings/${meeting.id}/attendance`).set(staff.auth).send({ code: ona.body.checkinCode }).expect(409);
    expect(early.body).toMatchObject({ code: 'CHECKIN_NOT_MEETING_DAY', details: [{ field: 'overrideReason', reason: expect.any(String) }] });
    expect(await countRows(t.db, 'signup', 'attended_at IS NOT NULL')).toBe(0);
    // Typed in lower case with a space, as people do; a second time says so.
    const typed = `${ona.body.checkinCode.slice(0, 3).toLowerCase()} ${ona.body.checkinCode.slice(3)}`;
    const checkin = await t.http.post(`/api/meetings/${meeting.id}/attendance`).set(staff.auth)
      .send({ code: typed, overrideReason: 'Training held early at the library' }).expect(200);
    expect(checkin.body).toMatchObject({ signupId: ona.body.id, name: 'Ona Onaitė', alreadyCheckedIn: false, overridden: true });
    expect((await t.db.query(`SELECT checkin_override_reason, checked_in_by FROM signup WHERE id = $1`, [ona.body.id])).rows)
      .toEqual([{ checkin_override_reason: 'Training held early at the library', checked_in_by: staff.id }]);
    const again = await t.http.post(`/api/meetings/${meeting.id}/attendance`).set(staff.auth).send({ code: ona.body.checkinCode, overrideReason: 'again, by mistake' }).expect(200);
    expect(again.body.alreadyCheckedIn).toBe(true);
    const unknown = await t.http.post(`/api/meetings/${meeting.id}/attendance`).set(staff.auth).send({ code: 'ZZZZZZ', overrideReason: 'testing a code' }).expect(404);
    expect(unknown.body).toMatchObject({ code: 'CHECKIN_CODE_UNKNOWN', details: [{ field: 'code', reason: expect.any(String) }] });

    const sent = await t.http.post(`/api/meetings/${meeting.id}/messages`).set(staff.auth).send({ subject: 'Pakeista salė', body: 'Renkamės 2 aukšte.' }).expect(202);
    expect(sent.body).toEqual({ recipients: 2 });
    expect((await messages(jonas.body.id)).map((m) => m.kind)).toEqual(['confirm_request', 'confirmation', 'staff']);

    // The meeting has not been held yet: publishing the report needs an explicit confirmation.
    const report = { heardLt: 'Girdėjome', heardEn: 'We heard', decidedLt: 'Nuspręsta', decidedEn: 'Decided' };
    const unconfirmed = await t.http.put(`/api/consultations/${consultationId}/report`).set(staff.auth).send(report).expect(409);
    expect(unconfirmed.body).toMatchObject({ code: 'MEETINGS_NOT_HELD', details: [{ field: 'confirmUnheldMeetings', reason: expect.stringContaining('1 not held') }] });
    expect(await countRows(t.db, 'consultation', `id = $1 AND report_published_at IS NULL AND phase = 'open'`, [consultationId])).toBe(1);
    await t.http.put(`/api/consultations/${consultationId}/report`).set(staff.auth).send({ ...report, confirmUnheldMeetings: true }).expect(200);
    const page = await t.http.get(`/api/public/consultations/${consultationId}`).expect(200);
    expect(page.body).toMatchObject({ phase: 'reported', report: { heardEn: 'We heard', decidedEn: 'Decided' } });
    expect(JSON.stringify(page.body)).not.toContain('Ona');

    await t.http.put('/api/participation/targets').set(admin.auth).send({ targets: [{ kind: 'training', municipalityCode: 'birzai', target: 30 }, { kind: 'discussion', target: 450 }] }).expect(204);
    const participation = await t.http.get('/api/participation').set(staff.auth).expect(200);
    expect(participation.body.items).toContainEqual({ municipalityCode: 'birzai', kind: 'training', meetings: 1, confirmed: 2, attended: 1, target: 30 });
    expect(participation.body.items.every((row: { municipalityCode: string | null }) => row.municipalityCode === 'birzai')).toBe(true);
    const overall = await t.http.get('/api/participation').set(admin.auth).expect(200);
    expect(overall.body.items).toContainEqual(expect.objectContaining({ municipalityCode: null, kind: 'discussion', target: 450 }));
    expect(JSON.stringify(overall.body)).not.toContain('Ona');
  });

  it('puts a full meeting\'s sign-ups on the waitlist and promotes the first when a place is cancelled, and tells them', async () => {
    const meeting = await createMeeting(t, staff, await createOpenConsultation(t, staff, 'birzai'), { capacity: 2 });
    const first = await confirmedSignUp(t, meeting.id, person());
    await confirmedSignUp(t, meeting.id, person());
    const third = await confirmedSignUp(t, meeting.id, person());
    const fourth = await confirmedSignUp(t, meeting.id, person());
    expect([third.body.status, third.body.waitlistPosition, fourth.body.waitlistPosition]).toEqual(['waitlisted', 1, 2]);
    expect((await messages(third.body.id)).map((m) => m.kind)).toEqual(['confirm_request', 'waitlisted']);

    const cancelled = await manage(t, 'post', '/cancel', first.body.manageToken).expect(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await manage(t, 'get', '', third.body.manageToken).expect(200)).body).toMatchObject({ status: 'confirmed', waitlistPosition: null });
    expect((await manage(t, 'get', '', fourth.body.manageToken).expect(200)).body.waitlistPosition).toBe(1);
    expect((await messages(third.body.id)).map((m) => m.kind)).toEqual(['confirm_request', 'waitlisted', 'promoted']);
    expect((await messages(first.body.id)).map((m) => m.kind)).toEqual(['confirm_request', 'confirmation', 'cancelled']);

    // Cancelling again changes nothing; a waitlisted person leaving promotes nobody.
    await manage(t, 'post', '/cancel', first.body.manageToken).expect(200);
    await manage(t, 'post', '/cancel', fourth.body.manageToken).expect(200);
    const counts = await t.db.query(`SELECT status, count(*)::int AS n FROM signup WHERE meeting_id = $1 GROUP BY status ORDER BY status`, [meeting.id]);
    expect(counts.rows).toEqual([{ status: 'cancelled', n: 2 }, { status: 'confirmed', n: 2 }]);
    expect((await t.db.query(`SELECT confirmed_count FROM meeting WHERE id = $1`, [meeting.id])).rows[0].confirmed_count).toBe(2);
  });

  it('keeps per-organisation quotas: a partner\'s fourth person waits while others still get places', async () => {
    const consultationId = await createOpenConsultation(t, staff, 'birzai');
    const visit = await createMeeting(t, staff, consultationId, {
      kind: 'visit',
      capacity: 6,
      quotas: [{ partnerOrganisationId: partnerA, seats: 3 }, { partnerOrganisationId: partnerB, seats: 3 }],
    });
    const missing = await signUp(t, visit.id, person()).expect(400);
    expect(missing.body.details).toEqual([{ field: 'partnerOrganisationId', reason: expect.stringContaining('required') }]);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await confirmedSignUp(t, visit.id, person({ partnerOrganisationId: partnerA }))).body.status);
    expect(statuses).toEqual(['confirmed', 'confirmed', 'confirmed', 'waitlisted']);
    const b = await confirmedSignUp(t, visit.id, person({ partnerOrganisationId: partnerB }));
    expect(b.body).toMatchObject({ status: 'confirmed', partnerOrganisation: 'Vestland' });
    const quotas = (await t.http.get(`/api/public/meetings/${visit.id}`).expect(200)).body.quotas;
    expect(quotas).toEqual(expect.arrayContaining([
      expect.objectContaining({ partnerOrganisationId: partnerA, seats: 3, confirmed: 3, seatsLeft: 0 }),
      expect.objectContaining({ partnerOrganisationId: partnerB, seats: 3, confirmed: 1, seatsLeft: 2 }),
    ]));
    // A quota over capacity, or an organisation that is not a partner, is refused and nothing is stored.
    const before = await countRows(t.db, 'meeting');
    const over = await t.http.post(`/api/consultations/${consultationId}/meetings`).set(staff.auth).send({
      kind: 'visit', titleLt: 'Vizitas', titleEn: 'Visit', startsAt: new Date(Date.now() + 86400_000).toISOString(),
      endsAt: new Date(Date.now() + 90000_000).toISOString(), place: 'Bergen', capacity: 4,
      quotas: [{ partnerOrganisationId: partnerA, seats: 3 }, { partnerOrganisationId: partnerB, seats: 3 }],
    }).expect(400);
    expect(over.body.details[0].field).toBe('quotas');
    expect(await countRows(t.db, 'meeting')).toBe(before);
  });

  it('gives a signed manage link: details, .ics, and nothing for a forged or altered token', async () => {
    const meeting = await createMeeting(t, staff, await createOpenConsultation(t, staff, 'birzai'));
    const signup = await confirmedSignUp(t, meeting.id, person({ language: 'en' }));
    const view = await manage(t, 'get', '', signup.body.manageToken).expect(200);
    expect(view.body).toMatchObject({ id: signup.body.id, status: 'confirmed', meeting: { id: meeting.id, titleEn: 'Public discussion' } });
    expect(view.body.checkinUrl).toContain(`/staff/meetings/${meeting.id}/check-in?code=${signup.body.checkinCode}`);

    const ics = await manage(t, 'get', '/calendar.ics', signup.body.manageToken).expect(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    expect(ics.text).toContain('BEGIN:VCALENDAR');
    expect(ics.text).toContain(`DTSTART:${stamp(meeting.startsAt)}`);
    expect(ics.text).toContain(`DTEND:${stamp(meeting.endsAt)}`);
    expect(ics.text).toContain('SUMMARY:Public discussion');
    expect(ics.text).toMatch(/LOCATION:Kultūros centras\\, Vytauto g. 1/);
    expect(ics.text).toContain(`UID:meeting-${meeting.id}@`);

    const [id, mac] = signup.body.manageToken.split('.');
    for (const bad of [`${id}.${mac.slice(0, -2)}xx`, `${id}`, 'nonsense', `${id}.${mac}.extra`]) {
      const res = await manage(t, 'get', '', bad).expect(404);
      expect(res.body.code).toBe('SIGNUP_NOT_FOUND');
      await manage(t, 'post', '/cancel', bad).expect(404);
    }
    await t.http.get('/api/public/signup').expect(404);
    expect((await manage(t, 'get', '', signup.body.manageToken)).body.status).toBe('confirmed');
  });

  it('refuses sign-ups for cancelled, past, closed or not-yet-open meetings with a clear 4xx, and writes nothing', async () => {
    const consultationId = await createOpenConsultation(t, staff, 'birzai');
    const cancelled = await createMeeting(t, staff, consultationId);
    const holder = await confirmedSignUp(t, cancelled.id, person());
    expect((await t.http.post(`/api/meetings/${cancelled.id}/cancel`).set(staff.auth).expect(200)).body).toEqual({ notified: 1 });
    expect((await messages(holder.body.id)).map((m) => m.kind)).toEqual(['confirm_request', 'confirmation', 'meeting_cancelled']);
    await t.http.post(`/api/meetings/${cancelled.id}/cancel`).set(staff.auth).expect(409);

    const past = await createMeeting(t, staff, consultationId);
    await t.db.query(`UPDATE meeting SET signup_deadline = now() - interval '2 days', starts_at = now() - interval '1 day', ends_at = now() - interval '20 hours' WHERE id = $1`, [past.id]);
    const closed = await createMeeting(t, staff, consultationId);
    await t.db.query(`UPDATE meeting SET signup_deadline = now() - interval '1 minute' WHERE id = $1`, [closed.id]);
    const announced = await createMeeting(t, staff, await createOpenConsultation(t, staff, 'birzai', 'announced'));

    const before = await countRows(t.db, 'signup');
    const messagesBefore = await countRows(t.db, 'message');
    for (const [meetingId, status, code] of [
      [cancelled.id, 410, 'MEETING_CANCELLED'],
      [past.id, 410, 'MEETING_PAST'],
      [closed.id, 410, 'SIGNUP_DEADLINE_PASSED'],
      [announced.id, 409, 'SIGNUP_NOT_OPEN'],
      ['00000000-0000-4000-8000-000000000000', 404, 'MEETING_NOT_FOUND'],
    ] as const) {
      const res = await signUp(t, meetingId, person()).expect(status);
      expect(res.body.code).toBe(code);
    }
    expect(await countRows(t.db, 'signup')).toBe(before);
    expect(await countRows(t.db, 'message')).toBe(messagesBefore);
  });

  it('refuses cancelling after the meeting started, or after check-in, with a clear 4xx, and changes nothing', async () => {
    const meeting = await createMeeting(t, staff, await createOpenConsultation(t, staff, 'birzai'));
    const started = await confirmedSignUp(t, meeting.id, person());
    const checkedIn = await confirmedSignUp(t, meeting.id, person());
    // Two days early: check-in then needs a stated reason (see the staff path above).
    await t.http.post(`/api/meetings/${meeting.id}/attendance`).set(staff.auth)
      .send({ code: checkedIn.body.checkinCode, overrideReason: 'Atvyko į išankstinį susitikimą' }).expect(200);
    const attended = await manage(t, 'post', '/cancel', checkedIn.body.manageToken).expect(409);
    expect(attended.body).toMatchObject({ code: 'SIGNUP_ATTENDED', details: [{ field: 'x-manage-token' }] });

    await t.db.query(`UPDATE meeting SET signup_deadline = now() - interval '2 days', starts_at = now() - interval '1 day', ends_at = now() - interval '20 hours' WHERE id = $1`, [meeting.id]);
    const late = await manage(t, 'post', '/cancel', started.body.manageToken).expect(410);
    expect(late.body.code).toBe('MEETING_PAST');
    const rows = await t.db.query(`SELECT status, cancelled_at FROM signup WHERE meeting_id = $1`, [meeting.id]);
    expect(rows.rows).toEqual([{ status: 'confirmed', cancelled_at: null }, { status: 'confirmed', cancelled_at: null }]);
    expect((await messages(started.body.id)).map((m) => m.kind)).toEqual(['confirm_request', 'confirmation']);
  });

  it('answers bad input with 400 naming the field (a phone number included: sign-ups need an email), and one contact holds one place per meeting', async () => {
    const meeting = await createMeeting(t, staff, await createOpenConsultation(t, staff, 'birzai'));
    const before = await countRows(t.db, 'signup');
    for (const [body, field] of [
      [person({ consent: false }), 'consent'],
      [person({ consent: undefined }), 'consent'],
      [person({ contact: 'not a contact' }), 'contact'],
      [person({ contact: 'someone@' }), 'contact'],
      [person({ name: '' }), 'name'],
      [person({ language: 'de' }), 'language'],
      [person({ partnerOrganisationId: partnerA }), 'partnerOrganisationId'],
      [person({ contact: '+370 612 34567' }), 'contact'],
    ] as const) {
      const res = await signUp(t, meeting.id, body).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect(await countRows(t.db, 'signup')).toBe(before);

    await confirmedSignUp(t, meeting.id, person({ contact: 'Jurgis@Example.lt' }));
    // Asking again with the same address (any case) answers as a first sign-up does and stores no second one.
    await signUp(t, meeting.id, person({ contact: 'jurgis@example.LT' })).expect(202);
    expect(await countRows(t.db, 'signup', 'meeting_id = $1', [meeting.id])).toBe(1);

    const staffBad = await t.http.post(`/api/consultations/${(await t.db.query(`SELECT consultation_id FROM meeting WHERE id = $1`, [meeting.id])).rows[0].consultation_id}/meetings`)
      .set(staff.auth).send({ kind: 'party', titleLt: 'x', capacity: 0 }).expect(400);
    expect(staffBad.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['kind', 'titleLt', 'capacity', 'startsAt']));
    const phase = await t.http.patch(`/api/consultations/${(await t.db.query(`SELECT consultation_id FROM meeting WHERE id = $1`, [meeting.id])).rows[0].consultation_id}`)
      .set(staff.auth).send({ phase: 'reported' }).expect(400);
    expect(phase.body.details).toEqual([{ field: 'phase', reason: expect.stringContaining('outcome report') }]);
  });

  it('a pending sign-up holds no seat, and past its window its link takes none and the contact may ask again', async () => {
    const meeting = await createMeeting(t, staff, await createOpenConsultation(t, staff, 'birzai'), { capacity: 1 });
    const late = person({ name: 'Vėluojantis' });
    await signUp(t, meeting.id, late).expect(202);
    const token = await pendingManageToken(t, meeting.id, late.contact);
    expect((await manage(t, 'get', '', token).expect(200)).body).toMatchObject({ status: 'pending', checkinCode: null, checkinUrl: null });
    // Someone quicker confirms and takes the only seat.
    await confirmedSignUp(t, meeting.id, person());
    await t.db.query(`UPDATE signup SET confirm_by = now() - interval '1 second' WHERE meeting_id = $1 AND status = 'pending'`, [meeting.id]);
    const expired = await manage(t, 'post', '/confirm', token).expect(410);
    expect(expired.body.code).toBe('SIGNUP_CONFIRMATION_EXPIRED');
    expect((await t.db.query(`SELECT confirmed_count FROM meeting WHERE id = $1`, [meeting.id])).rows[0].confirmed_count).toBe(1);
    // Asking again clears the stale request (its details are deleted) and starts a new one: the waitlist this time.
    await signUp(t, meeting.id, late).expect(202);
    const stale = await t.db.query(`SELECT status, name, email FROM signup WHERE id = $1`, [token.split('.')[0]]);
    expect(stale.rows).toEqual([{ status: 'cancelled', name: null, email: null }]);
    expect((await manage(t, 'get', '', token).expect(410)).body.code).toBe('SIGNUP_CONFIRMATION_EXPIRED');
    const again = await manage(t, 'post', '/confirm', await pendingManageToken(t, meeting.id, late.contact)).expect(200);
    expect(again.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1, name: 'Vėluojantis' });
  });

  it('never overbooks under concurrent confirmations, and the database refuses an overbooking that skips the service', async () => {
    const meeting = await createMeeting(t, staff, await createOpenConsultation(t, staff, 'birzai'), { capacity: 10 });
    const people = Array.from({ length: 60 }, () => person());
    const asked = await Promise.all(people.map((p) => signUp(t, meeting.id, p)));
    expect(asked.map((r) => r.status).every((s) => s === 202)).toBe(true);
    // Pending sign-ups hold no seat.
    expect((await t.db.query(`SELECT confirmed_count FROM meeting WHERE id = $1`, [meeting.id])).rows[0].confirmed_count).toBe(0);
    const tokens = await Promise.all(people.map((p) => pendingManageToken(t, meeting.id, p.contact)));
    const results = await Promise.all(tokens.map((token) => manage(t, 'post', '/confirm', token)));
    expect(results.map((r) => r.status).every((s) => s === 200)).toBe(true);
    const confirmed = results.filter((r) => r.body.status === 'confirmed').length;
    expect(confirmed).toBe(10);
    expect(results.filter((r) => r.body.status === 'waitlisted').length).toBe(50);
    expect(await countRows(t.db, 'signup', `meeting_id = $1 AND status = 'confirmed'`, [meeting.id])).toBe(10);

    const waiting = (await t.db.query(`SELECT id FROM signup WHERE meeting_id = $1 AND status = 'waitlisted' LIMIT 1`, [meeting.id])).rows[0].id;
    await expect(t.db.query(`UPDATE signup SET status = 'confirmed' WHERE id = $1`, [waiting])).rejects.toThrow(/meeting_not_overbooked/);
    expect(await countRows(t.db, 'signup', `meeting_id = $1 AND status = 'confirmed'`, [meeting.id])).toBe(10);
  });
});
