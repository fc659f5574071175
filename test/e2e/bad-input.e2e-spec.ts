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
