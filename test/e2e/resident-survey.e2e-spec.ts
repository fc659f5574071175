import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { importSurveys } from '../../apps/cli/src/commands/import-surveys';
import { shippedSurveyFiles } from '../../apps/cli/src/commands/start';
import { countRows, createAccount, createMunicipality } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

const shipped = JSON.parse(readFileSync('surveys/resident-survey.json', 'utf8'));
const example = JSON.parse(readFileSync('surveys/resident-survey.example-answers.json', 'utf8'));

describe('the shipped resident survey, end to end', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PUBLIC_PER_MINUTE: '40' });
    for (const code of ['birzai', 'zarasai']) await createMunicipality(t.db, code);
  });
  afterAll(() => t.close());

  it('imports over HTTP, publishes, and takes the example answers in Lithuanian and English', async () => {
    const researcher = await createAccount(t.db, 'researcher');
    const created = await t.http
      .post('/api/surveys')
      .set(researcher.auth)
      .send({ slug: 'resident-http', definition: shipped.definition, languages: shipped.languages, breakdowns: shipped.breakdowns, municipalityCodes: ['birzai', 'zarasai'] })
      .expect(201);
    const published = await t.http.post(`/api/surveys/${created.body.id}/versions/1/publish`).set(researcher.auth).expect(201);
    const versionId = published.body.versions[0].id;
    const page = await t.http.get(`/api/public/surveys/${created.body.id}`).expect(200);
    expect(page.body).toMatchObject({ versionId, languages: ['lt', 'en'], accessMode: 'public', anonymous: true });
    expect(page.body.definition.title).toEqual(shipped.definition.title);

    for (const [language, municipalityCode] of [['lt', 'birzai'], ['en', 'zarasai']]) {
      await t.http
        .put(`/api/public/responses/${randomUUID()}`)
        .send({ surveyVersionId: versionId, municipalityCode, language, status: 'complete', answers: example })
        .expect(201);
    }
    expect(await countRows(t.db, 'response', `survey_id = $1 AND status = 'complete'`, [created.body.id])).toBe(2);
  });

  it('imports with the operator command, idempotently, and makes a new version only when the file changes', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await importSurveys(t.config, shippedSurveyFiles(), { municipalityCodes: [], publish: true });
      await importSurveys(t.config, shippedSurveyFiles(), { municipalityCodes: [], publish: true });
      expect(log.mock.calls.map((c) => String(c[0]).replace(/^\S+ /, ''))).toEqual([
        'resident-survey v1 created (published, 2 municipalities)',
        'resident-survey v1 unchanged (published, 2 municipalities)',
      ]);
    } finally {
      log.mockRestore();
    }
    const { rows } = await t.db.query(
      `SELECT v.version, v.published_at IS NOT NULL AS published FROM survey s JOIN survey_version v ON v.survey_id = s.id WHERE s.slug = 'resident-survey'`,
    );
    expect(rows).toEqual([{ version: 1, published: true }]);
  });

  it('rate limits public endpoints per client with 429 and Retry-After', async () => {
    let limited: { status: number; headers: Record<string, string>; body: { code: string } } | undefined;
    for (let i = 0; i < 60 && !limited; i++) {
      const res = await t.http.get('/api/public/municipalities');
      if (res.status === 429) limited = res;
    }
    expect(limited?.body.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
    // Health checks are never limited: load balancers poll them.
    await t.http.get('/api/health').expect(200);
  });
});
