import { randomUUID } from 'node:crypto';
import { createMeeting, createOpenConsultation, person, signUp } from '../support/consultation-fixtures';
import { countRows, createAccount, createMunicipality, type TestAccount } from '../support/factories';
import { createPublishedSurvey } from '../support/survey-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/** The endpoints not covered elsewhere: each bad request gets a clear 4xx naming the field, and writes nothing. */
describe('bad input on the remaining endpoints', () => {
  let t: TestApp;
  let admin: TestAccount;
  let researcher: TestAccount;
  beforeAll(async () => {
    t = await startTestApp();
    await createMunicipality(t.db, 'birzai');
    admin = await createAccount(t.db, 'admin');
    researcher = await createAccount(t.db, 'researcher');
  });
  afterAll(() => t.close());

  const fields = (body: { details?: { field: string }[] }) => (body.details ?? []).map((d) => d.field).sort();

  it('POST /api/auth/tokens', async () => {
    const before = await countRows(t.db, 'auth_session');
    const res = await t.http.post('/api/auth/tokens').send({ email: 'x', password: 'y', label: 'l'.repeat(101) }).expect(400);
    expect(fields(res.body)).toEqual(['email', 'label']);
    expect(await countRows(t.db, 'auth_session')).toBe(before);
  });

  it('PATCH /api/admin/municipalities/:code', async () => {
    const res = await t.http.patch('/api/admin/municipalities/birzai').set(admin.auth).send({ nameEn: '', code: 'NO WAY' }).expect(400);
    expect(fields(res.body)).toEqual(['code', 'nameEn']);
    await t.http.patch('/api/admin/municipalities/atlantis').set(admin.auth).send({ nameEn: 'A' }).expect(404);
    const { rows } = await t.db.query(`SELECT code, name_en FROM municipality WHERE code = 'birzai'`);
    expect(rows).toEqual([{ code: 'birzai', name_en: 'birzai municipality' }]);
  });

  it('POST /api/admin/partner-organisations', async () => {
    const before = await countRows(t.db, 'partner_organisation');
    const res = await t.http.post('/api/admin/partner-organisations').set(admin.auth).send({ name: '', country: 'Lithuania' }).expect(400);
    expect(fields(res.body)).toEqual(['country', 'name']);
    const unknown = await t.http
      .post('/api/admin/partner-organisations')
      .set(admin.auth)
      .send({ name: 'Somewhere LAG', country: 'LT', municipalityCode: 'atlantis' })
      .expect(400);
    expect(fields(unknown.body)).toEqual(['municipalityCode']);
    expect(await countRows(t.db, 'partner_organisation')).toBe(before);
  });

  it('GET /api/admin/accounts/:id and other id routes refuse malformed ids with 400', async () => {
    const res = await t.http.get('/api/admin/accounts/not-a-uuid').set(admin.auth).expect(400);
    expect(res.body.statusCode).toBe(400);
    expect(res.body.message).toMatch(/uuid/i);
    await t.http.get('/api/surveys/12345').set(researcher.auth).expect(400);
    await t.http.get('/api/public/survey-versions/abc').expect(400);
  });

  it('POST /api/surveys/:id/versions and publish', async () => {
    const { surveyId } = await createPublishedSurvey(t, researcher.auth);
    const before = await countRows(t.db, 'survey_version', 'survey_id = $1', [surveyId]);
    const notObject = await t.http.post(`/api/surveys/${surveyId}/versions`).set(researcher.auth).send({ definition: 'x' }).expect(400);
    expect(fields(notObject.body)).toEqual(['definition']);
    const noQuestions = await t.http.post(`/api/surveys/${surveyId}/versions`).set(researcher.auth).send({ definition: { pages: [] } }).expect(400);
    expect(noQuestions.body.code).toBe('DEFINITION_INVALID');
    const missing = await t.http.post(`/api/surveys/${surveyId}/versions/9/publish`).set(researcher.auth).expect(404);
    expect(missing.body.code).toBe('SURVEY_VERSION_NOT_FOUND');
    await t.http.post(`/api/surveys/${surveyId}/versions/two/publish`).set(researcher.auth).expect(400);
    expect(await countRows(t.db, 'survey_version', 'survey_id = $1', [surveyId])).toBe(before);
  });

  it('POST /api/public/invitations/lookup', async () => {
    const res = await t.http.post('/api/public/invitations/lookup').send({ token: 'short' }).expect(400);
    expect(fields(res.body)).toEqual(['token']);
    await t.http.post('/api/public/invitations/lookup').send({}).expect(400);
  });

  it('GET /api/public/municipalities/:code/surveys for an unknown municipality', async () => {
    const res = await t.http.get('/api/public/municipalities/atlantis/surveys').expect(404);
    expect(res.body).toMatchObject({ code: 'MUNICIPALITY_NOT_FOUND', message: 'No municipality with code "atlantis"' });
  });
});

/**
 * The inputs that gave 500s (deep JSON on every route, NUL and lone surrogates in any text,
 * integers over 2^31, null in optional edit fields): one check (InputSafetyPipe) answers each
 * with a 400 naming the field, and nothing is written. openapi-fuzz.e2e-spec.ts throws the same at
 * every operation.
 */
describe('hostile input: 400 naming the field, nothing written', () => {
  let t: TestApp;
  let staff: TestAccount;
  let researcher: TestAccount;
  beforeAll(async () => {
    t = await startTestApp();
    await createMunicipality(t.db, 'birzai');
    staff = await createAccount(t.db, 'staff', ['birzai']);
    researcher = await createAccount(t.db, 'researcher');
  });
  afterAll(() => t.close());

  const fieldsOf = (body: { details?: { field: string }[] }) => (body.details ?? []).map((d) => d.field);
  const deep = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

  it('deep JSON on public, signed-in and sign-in routes', async () => {
    const { versionId } = await createPublishedSurvey(t, researcher.auth);
    const responses = await countRows(t.db, 'response');
    const answers = `{"surveyVersionId":"${versionId}","municipalityCode":"birzai","language":"lt","status":"complete","answers":${deep(100)}}`;
    const submit = await t.http.put(`/api/public/responses/${randomUUID()}`).set('content-type', 'application/json').send(answers).expect(400);
    expect(fieldsOf(submit.body)[0]).toMatch(/^answers(\.a)+$/);
    expect(await countRows(t.db, 'response')).toBe(responses);
    for (const [path, auth] of [['/api/auth/sessions', {}], ['/api/consultations', staff.auth], ['/api/surveys', researcher.auth]] as const) {
      const res = await t.http.post(path).set(auth).set('content-type', 'application/json').send(deep(5000)).expect(400);
      expect(fieldsOf(res.body)[0]).toMatch(/^a(\.a)+$/);
    }
  });

  it('NUL characters and lone surrogates in any text, values and names alike', async () => {
    const meeting = await createMeeting(t, staff, await createOpenConsultation(t, staff, 'birzai'));
    const before = await countRows(t.db, 'signup');
    for (const [body, field] of [
      [person({ name: 'Ona\u0000' }), 'name'],
      [person({ name: 'Ona \uD800' }), 'name'],
      [person({ organisation: '\uDC00' }), 'organisation'],
      [{ ...person(), ['bad\u0000key']: 1 }, 'bad\u0000key'],
    ] as const) {
      const res = await signUp(t, meeting.id, body).expect(400);
      expect(fieldsOf(res.body)).toContain(field);
    }
    expect(await countRows(t.db, 'signup')).toBe(before);
    const path = await t.http.get('/api/public/municipalities/bir%00zai/meetings').expect(400);
    expect(fieldsOf(path.body)).toEqual(['code']);
  });

  it('integers over 2^31', async () => {
    const consultationId = await createOpenConsultation(t, staff, 'birzai');
    const before = await countRows(t.db, 'meeting');
    const res = await t.http.post(`/api/consultations/${consultationId}/meetings`).set(staff.auth).send({
      kind: 'discussion', titleLt: 'x', titleEn: 'x', startsAt: new Date(Date.now() + 86400_000).toISOString(),
      endsAt: new Date(Date.now() + 90000_000).toISOString(), place: 'Salė', capacity: 2 ** 31, retentionDays: 2 ** 40,
    }).expect(400);
    expect(fieldsOf(res.body).sort()).toEqual(['capacity', 'retentionDays']);
    expect(await countRows(t.db, 'meeting')).toBe(before);
  });

  it('null in optional edit fields, where the API document does not allow it; null where it does still works', async () => {
    const consultationId = await createOpenConsultation(t, staff, 'birzai');
    const res = await t.http.patch(`/api/consultations/${consultationId}`).set(staff.auth).send({ titleEn: null, institution: null }).expect(400);
    expect(fieldsOf(res.body).sort()).toEqual(['institution', 'titleEn']);
    expect((await t.db.query(`SELECT title_en FROM consultation WHERE id = $1`, [consultationId])).rows).toEqual([{ title_en: 'Budget priorities' }]);
    const { surveyId } = await createPublishedSurvey(t, researcher.auth, { closesAt: new Date(Date.now() + 86400_000).toISOString() });
    await t.http.patch(`/api/surveys/${surveyId}`).set(researcher.auth).send({ closesAt: null }).expect(200);
    expect((await t.db.query(`SELECT closes_at FROM survey WHERE id = $1`, [surveyId])).rows).toEqual([{ closes_at: null }]);
  });
});
