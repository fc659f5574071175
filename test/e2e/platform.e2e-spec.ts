import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { Account, AuthSession } from '../../libs/auth/src';
import { Municipality, PartnerOrganisation } from '../../libs/municipalities/src';
import { Invitation, Survey, SurveyResponse, SurveyVersion } from '../../libs/surveys/src';
import { dataSourceOptions } from '../../libs/database/src';
import { startTestApp, type TestApp } from '../support/test-app';

describe('platform basics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reports database and Redis up on /api/health', async () => {
    const res = await t.http.get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up', redis: 'up' });
  });

  it('serves the OpenAPI document with the public and survey routes', async () => {
    const res = await t.http.get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/public/responses/{id}', '/api/surveys', '/api/auth/sessions', '/api/health']),
    );
  });

  it('sends security headers', async () => {
    const res = await t.http.get('/api/health');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('answers an unknown API route with the standard error body', async () => {
    const res = await t.http.get('/api/nothing-here').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found', code: 'HTTP_404' });
  });

  (existsSync('dist/web/index.html') ? it : it.skip)('serves the web app for its pages and any other non-API path', async () => {
    for (const path of ['/', '/m/birzai', '/s/some-survey?m=birzai', '/resume', '/no/such/page']) {
      const res = await t.http.get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).toContain('<div id="root">');
    }
  });

  it('refuses a body over the size limit with 413 and a clear message', async () => {
    const big = { definition: { title: 'x'.repeat(t.config.BODY_LIMIT_BYTES + 10) } };
    const res = await t.http.post('/api/auth/sessions').send(big).expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
    expect(res.body.message).toMatch(/too large/i);
  });

  // Migrations are hand-written; this catches an entity and the schema drifting apart
  // (a renamed or missing column, a wrong nullability) without tripping over constraint names.
  it('has entities whose tables and columns exist in the migrated schema', async () => {
    const dataSource = new DataSource({
      ...dataSourceOptions({ url: t.config.DATABASE_URL, poolSize: 1 }),
      entities: [Municipality, PartnerOrganisation, Account, AuthSession, Survey, SurveyVersion, SurveyResponse, Invitation],
    });
    await dataSource.initialize();
    try {
      const { rows } = await t.db.query(
        `SELECT table_name, column_name, is_nullable = 'YES' AS nullable FROM information_schema.columns
          WHERE table_schema = 'public'`,
      );
      const schema = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, r.nullable]));
      const expected = dataSource.entityMetadatas.flatMap((entity) =>
        entity.columns.map((column) => [`${entity.tableName}.${column.databaseName}`, column.isNullable]),
      );
      expect(expected.length).toBeGreaterThan(40);
      const mismatches = expected.filter(([key, nullable]) => schema.get(key as string) !== nullable);
      expect(mismatches).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});
