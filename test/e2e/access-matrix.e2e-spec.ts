import { randomUUID } from 'node:crypto';
import { countRows, createAccount, createMunicipality, type TestAccount } from '../support/factories';
import { confirmedSignUp, createMeeting, createOpenConsultation, inHours, pendingManageToken, person, signUp } from '../support/consultation-fixtures';
import { answer, createPublishedSurvey, SMALL_DEFINITION, type PublishedSurvey } from '../support/survey-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Staff of one municipality must not read or change another's surveys, responses or invitations,
 * even knowing the ids. Every staff-facing route is tried by staff of Biržai on a Zarasai survey.
 */
describe('access matrix: staff are confined to their municipality', () => {
  let t: TestApp;
  let birzaiStaff: TestAccount;
  let zarasaiStaff: TestAccount;
  let researcher: TestAccount;
  let admin: TestAccount;
  let zarasai: PublishedSurvey;
  let shared: PublishedSurvey;

  beforeAll(async () => {
    t = await startTestApp();
    await createMunicipality(t.db, 'birzai');
    await createMunicipality(t.db, 'zarasai');
    birzaiStaff = await createAccount(t.db, 'staff', ['birzai']);
    zarasaiStaff = await createAccount(t.db, 'staff', ['zarasai']);
    researcher = await createAccount(t.db, 'researcher');
    admin = await createAccount(t.db, 'admin');
    zarasai = await createPublishedSurvey(t, zarasaiStaff.auth, { municipalityCodes: ['zarasai'] });
    shared = await createPublishedSurvey(t, researcher.auth, { municipalityCodes: ['birzai', 'zarasai'] });
    await answer(t, zarasai.versionId, { municipalityCode: 'zarasai' }).expect(201);
  });
  afterAll(() => t.close());

  const routes = (id: string) => [
    ['GET', `/api/surveys/${id}`, undefined],
    ['PATCH', `/api/surveys/${id}`, { closesAt: '2999-01-01T00:00:00Z' }],
    ['POST', `/api/surveys/${id}/close`, undefined],
    ['POST', `/api/surveys/${id}/versions`, { definition: SMALL_DEFINITION }],
    ['GET', `/api/surveys/${id}/versions/1`, undefined],
    ['POST', `/api/surveys/${id}/versions/1/publish`, undefined],
    ['GET', `/api/surveys/${id}/response-counts`, undefined],
    ['POST', `/api/surveys/${id}/invitations`, { municipalityCode: 'zarasai', count: 2 }],
    ['GET', `/api/surveys/${id}/invitations`, undefined],
  ] as const;

  const call = (method: string, path: string, body: object | undefined, auth: Record<string, string>) => {
    const req = method === 'GET' ? t.http.get(path) : method === 'PATCH' ? t.http.patch(path) : t.http.post(path);
    return body ? req.set(auth).send(body) : req.set(auth);
  };

  it.each(routes('ZARASAI').map(([method, path, body]) => [method, path, body]))(
    '%s %s on another municipality\'s survey is 404 for staff, and changes nothing',
    async (method, template, body) => {
      const path = template.replace('ZARASAI', zarasai.surveyId);
      const before = await t.db.query(`SELECT s.closes_at, (SELECT count(*) FROM survey_version WHERE survey_id = s.id) AS versions,
        (SELECT count(*) FROM invitation WHERE survey_id = s.id) AS invitations FROM survey s WHERE s.id = $1`, [zarasai.surveyId]);
      const res = await call(method, path, body as object | undefined, birzaiStaff.auth).expect(404);
      expect(res.body.code).toBe('SURVEY_NOT_FOUND');
      const after = await t.db.query(`SELECT s.closes_at, (SELECT count(*) FROM survey_version WHERE survey_id = s.id) AS versions,
        (SELECT count(*) FROM invitation WHERE survey_id = s.id) AS invitations FROM survey s WHERE s.id = $1`, [zarasai.surveyId]);
      expect(after.rows).toEqual(before.rows);
    },
  );

  it.each([
    ['its own staff', () => zarasaiStaff],
    ['a researcher', () => researcher],
    ['an admin', () => admin],
  ])('lets %s read the same survey and its counts', async (_who, who) => {
    await t.http.get(`/api/surveys/${zarasai.surveyId}`).set(who().auth).expect(200);
    const counts = await t.http.get(`/api/surveys/${zarasai.surveyId}/response-counts`).set(who().auth).expect(200);
    expect(counts.body).toEqual([expect.objectContaining({ municipalityCode: 'zarasai', complete: 1 })]);
  });

  it('lists only surveys in the caller\'s municipalities', async () => {
    const mine = await t.http.get('/api/surveys').set(birzaiStaff.auth).expect(200);
    expect(mine.body.map((s: { id: string }) => s.id)).toEqual([shared.surveyId]);
    const all = await t.http.get('/api/surveys').set(researcher.auth).expect(200);
    expect(all.body.map((s: { id: string }) => s.id).sort()).toEqual([zarasai.surveyId, shared.surveyId].sort());
  });

  it('lets staff read but not change a survey that also runs elsewhere, nor invite outside their municipality', async () => {
    await t.http.get(`/api/surveys/${shared.surveyId}`).set(birzaiStaff.auth).expect(200);
    const change = await t.http.post(`/api/surveys/${shared.surveyId}/close`).set(birzaiStaff.auth).expect(403);
    expect(change.body.code).toBe('SURVEY_NOT_YOURS');
    const before = await countRows(t.db, 'invitation');
    const invite = await t.http.post(`/api/surveys/${shared.surveyId}/invitations`).set(birzaiStaff.auth).send({ municipalityCode: 'zarasai', count: 1 }).expect(403);
    expect(invite.body.details).toEqual([{ field: 'municipalityCode', reason: 'names a municipality you do not work for' }]);
    expect(await countRows(t.db, 'invitation')).toBe(before);
  });

  it('does not let staff create a survey for another municipality', async () => {
    const before = await countRows(t.db, 'survey');
    const res = await t.http
      .post('/api/surveys')
      .set(birzaiStaff.auth)
      .send({ slug: 'sneaky', definition: SMALL_DEFINITION, municipalityCodes: ['birzai', 'zarasai'] })
      .expect(403);
    expect(res.body.code).toBe('MUNICIPALITY_OUTSIDE_SCOPE');
    expect(await countRows(t.db, 'survey')).toBe(before);
  });

  describe('consultations and sign-ups', () => {
    let consultationId: string;
    let meetingId: string;
    let checkinCode: string;

    beforeAll(async () => {
      consultationId = await createOpenConsultation(t, zarasaiStaff, 'zarasai');
      meetingId = (await createMeeting(t, zarasaiStaff, consultationId, { capacity: 5 })).id;
      checkinCode = (await confirmedSignUp(t, meetingId, person({ name: 'Zarasiškis' }))).body.checkinCode;
    });

    const snapshot = () =>
      t.db
        .query(`SELECT c.phase, c.title_en, c.report_published_at, (SELECT count(*) FROM meeting WHERE consultation_id = c.id) AS meetings,
                  (SELECT json_agg(json_build_object('status', s.status, 'attended', s.attended_at)) FROM signup s JOIN meeting m ON m.id = s.meeting_id
                    WHERE m.consultation_id = c.id) AS signups, (SELECT count(*) FROM message) AS messages,
                  (SELECT count(*) FROM meeting WHERE consultation_id = c.id AND cancelled_at IS NOT NULL) AS cancelled,
                  (SELECT json_agg(json_build_object('capacity', capacity, 'starts', starts_at, 'place', place)) FROM meeting WHERE consultation_id = c.id) AS edits,
                  (SELECT count(*) FROM audit_log) AS audit, (SELECT count(*) FROM meeting_message) AS batches
             FROM consultation c WHERE c.id = $1`, [consultationId])
        .then((r) => r.rows);

    const consultationRoutes = () => [
      ['GET', `/api/consultations/${consultationId}`, undefined, 'CONSULTATION_NOT_FOUND'],
      ['PATCH', `/api/consultations/${consultationId}`, { phase: 'held', titleEn: 'Taken over' }, 'CONSULTATION_NOT_FOUND'],
      ['PUT', `/api/consultations/${consultationId}/report`, { heardLt: 'a', heardEn: 'a', decidedLt: 'a', decidedEn: 'a' }, 'CONSULTATION_NOT_FOUND'],
      ['POST', `/api/consultations/${consultationId}/meetings`, { kind: 'training', titleLt: 'Mokymai', titleEn: 'Training', startsAt: inHours(24), endsAt: inHours(26), place: 'Biržai', capacity: 5 }, 'CONSULTATION_NOT_FOUND'],
      ['GET', `/api/meetings/${meetingId}/signups`, undefined, 'MEETING_NOT_FOUND'],
      ['GET', `/api/meetings/${meetingId}/signups.csv`, undefined, 'MEETING_NOT_FOUND'],
      ['POST', `/api/meetings/${meetingId}/attendance`, { code: 'PLACEHOLDER' }, 'MEETING_NOT_FOUND'],
      ['POST', `/api/meetings/${meetingId}/messages`, { subject: 'Hello', body: 'Spam from Biržai' }, 'MEETING_NOT_FOUND'],
      ['POST', `/api/meetings/${meetingId}/cancel`, undefined, 'MEETING_NOT_FOUND'],
      ['PATCH', `/api/meetings/${meetingId}`, { capacity: 50, place: 'Biržai', startsAt: inHours(72) }, 'MEETING_NOT_FOUND'],
      ['GET', `/api/meetings/${meetingId}/messages`, undefined, 'MEETING_NOT_FOUND'],
      ['GET', `/api/meetings/${meetingId}/attendance-sheet`, undefined, 'MEETING_NOT_FOUND'],
    ] as const;

    it('keeps another municipality\'s consultations, meetings and sign-ups from staff: every route 404, nothing changes', async () => {
      const before = await snapshot();
      for (const [method, path, body, code] of consultationRoutes()) {
        const payload = body && 'code' in body ? { code: checkinCode, overrideReason: 'checking in early' } : body;
        const req = method === 'GET' ? t.http.get(path) : method === 'PATCH' ? t.http.patch(path) : method === 'PUT' ? t.http.put(path) : t.http.post(path);
        const res = await (payload ? req.set(birzaiStaff.auth).send(payload) : req.set(birzaiStaff.auth));
        expect([method, path, res.status, res.body.code]).toEqual([method, path, 404, code]);
        expect(JSON.stringify(res.body)).not.toContain('Zarasiškis');
      }
      expect(await snapshot()).toEqual(before);
      const mine = await t.http.get('/api/consultations').set(birzaiStaff.auth).expect(200);
      expect(mine.body).toEqual([]);
      const participation = await t.http.get('/api/participation').set(birzaiStaff.auth).expect(200);
      expect(participation.body.items.filter((row: { municipalityCode: string }) => row.municipalityCode !== 'birzai')).toEqual([]);
      const create = await t.http.post('/api/consultations').set(birzaiStaff.auth)
        .send({ municipalityCode: 'zarasai', titleLt: 'Svetima', titleEn: 'Foreign', institution: 'Taryba' }).expect(403);
      expect(create.body.details).toEqual([{ field: 'municipalityCode', reason: 'names a municipality you do not work for' }]);
    });

    it('confirms a pending sign-up only with its own emailed link: no link, a forged one or a session get 404, nothing changes', async () => {
      const pending = person({ name: 'Nepatvirtinęs' });
      await signUp(t, meetingId, pending).expect(202);
      const [id, mac] = (await pendingManageToken(t, meetingId, pending.contact)).split('.');
      const other = (await t.db.query(`SELECT id FROM signup WHERE meeting_id = $1 AND status = 'confirmed' LIMIT 1`, [meetingId])).rows[0].id;
      const before = await snapshot();
      for (const [who, token] of [
        [undefined, undefined],
        [undefined, `${id}.${mac.slice(0, -2)}AA`],
        [undefined, `${id}.${mac}x`],
        [undefined, `${other}.${mac}`],
        [zarasaiStaff, undefined],
        [admin, `${id}.forged`],
      ] as const) {
        let req = t.http.post('/api/public/signup/confirm');
        if (who) req = req.set(who.auth);
        if (token) req = req.set('x-manage-token', token);
        const res = await req;
        expect([token, res.status, res.body.code]).toEqual([token, 404, 'SIGNUP_NOT_FOUND']);
      }
      expect(await snapshot()).toEqual(before);
      expect((await t.db.query(`SELECT status FROM signup WHERE id = $1`, [id])).rows).toEqual([{ status: 'pending' }]);
      // Staff do not see it either until it is confirmed.
      const list = await t.http.get(`/api/meetings/${meetingId}/signups`).set(zarasaiStaff.auth).expect(200);
      expect(JSON.stringify(list.body)).not.toContain('Nepatvirtinęs');
    });

    it('lets the municipality\'s own staff and admins in, and keeps researchers to participation counts', async () => {
      for (const who of [zarasaiStaff, admin]) {
        await t.http.get(`/api/meetings/${meetingId}/signups`).set(who.auth).expect(200);
        await t.http.get(`/api/consultations/${consultationId}`).set(who.auth).expect(200);
        await t.http.get(`/api/meetings/${meetingId}/messages`).set(who.auth).expect(200);
        await t.http.get(`/api/meetings/${meetingId}/attendance-sheet`).set(who.auth).expect(200);
      }
      await t.http.patch(`/api/meetings/${meetingId}`).set(zarasaiStaff.auth).send({ capacity: 6 }).expect(200);
      for (const path of [`/api/meetings/${meetingId}/signups`, `/api/meetings/${meetingId}/messages`, `/api/meetings/${meetingId}/attendance-sheet`]) {
        await t.http.get(path).set(researcher.auth).expect(403);
      }
      const researcherEdit = await t.http.patch(`/api/meetings/${meetingId}`).set(researcher.auth).send({ capacity: 7 }).expect(403);
      expect(researcherEdit.body.code).toBe('ROLE_NOT_ALLOWED');
      await t.http.get('/api/participation').set(researcher.auth).expect(200);
      // Staff pick partner organisations for meeting quotas from this list.
      await t.http.get('/api/admin/partner-organisations').set(zarasaiStaff.auth).expect(200);
      await t.http.put('/api/participation/targets').set(zarasaiStaff.auth).send({ targets: [] }).expect(403);
      for (const path of ['/api/consultations', `/api/meetings/${meetingId}/signups`, '/api/participation']) {
        expect((await t.http.get(path).expect(401)).body.code).toBe('NOT_SIGNED_IN');
      }
    });
  });

  it('keeps admin routes for admins, and every non-public route behind sign-in', async () => {
    for (const who of [birzaiStaff, researcher]) {
      await t.http.get('/api/admin/accounts').set(who.auth).expect(403);
      await t.http.get('/api/admin/audit').set(who.auth).expect(403);
    }
    await t.http.get('/api/admin/accounts').set(admin.auth).expect(200);
    await t.http.get('/api/admin/audit').set(admin.auth).expect(200);
    // Account changes are the admin's: staff and researchers get 403 and change nothing.
    const hash = (await t.db.query(`SELECT password_hash FROM account WHERE id = $1`, [zarasaiStaff.id])).rows[0].password_hash;
    for (const who of [birzaiStaff, researcher]) {
      await t.http.post(`/api/admin/accounts/${zarasaiStaff.id}/password`).set(who.auth).send({ newPassword: 'taken over by a colleague' }).expect(403);
      await t.http.get(`/api/admin/accounts/${zarasaiStaff.id}/tokens`).set(who.auth).expect(403);
      await t.http.delete(`/api/admin/accounts/${zarasaiStaff.id}/tokens/${randomUUID()}`).set(who.auth).expect(403);
    }
    expect((await t.db.query(`SELECT password_hash FROM account WHERE id = $1`, [zarasaiStaff.id])).rows[0].password_hash).toBe(hash);
    await t.http.get('/api/auth/me').set(zarasaiStaff.auth).expect(200);
    for (const [method, path] of [['post', '/api/auth/password'], ['get', '/api/auth/tokens'], ['delete', `/api/auth/tokens/${randomUUID()}`]] as const) {
      expect((await t.http[method](path).expect(401)).body.code).toBe('NOT_SIGNED_IN');
    }
    for (const path of ['/api/surveys', `/api/surveys/${zarasai.surveyId}`, '/api/admin/accounts', '/api/auth/me', '/api/admin/audit']) {
      const res = await t.http.get(path).expect(401);
      expect(res.body.code).toBe('NOT_SIGNED_IN');
    }
    await t.http.get(`/api/surveys/${randomUUID()}`).set(birzaiStaff.auth).expect(404);
  });
});
