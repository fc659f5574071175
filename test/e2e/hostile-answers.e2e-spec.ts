import { randomUUID } from 'node:crypto';
import { countRows, createAccount, createMunicipality, type TestAccount } from '../support/factories';
import { createPublishedSurvey, VALID_ANSWERS } from '../support/survey-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Hostile answers on the public submit route: each is a 400 (or 413) naming the field, never a
 * 500, and no response row is written. Written apart from the validation code, from the outside.
 */
describe('hostile answers to PUT /api/public/responses/:id', () => {
  let t: TestApp;
  let researcher: TestAccount;
  let versionId: string;
  beforeAll(async () => {
    t = await startTestApp();
    await createMunicipality(t.db, 'birzai');
    researcher = await createAccount(t.db, 'researcher');
    ({ versionId } = await createPublishedSurvey(t, researcher.auth));
  });
  afterAll(() => t.close());

  const put = (answers: unknown, raw?: string) => {
    const request = t.http.put(`/api/public/responses/${randomUUID()}`).set('Content-Type', 'application/json');
    return request.send(
      raw ?? JSON.stringify({ surveyVersionId: versionId, municipalityCode: 'birzai', language: 'lt', status: 'complete', answers }),
    );
  };

  let nested: unknown = 'deep';
  for (let i = 0; i < 10_000; i++) nested = [nested];
  const cases: [string, unknown, RegExp][] = [
    ['a NUL character', { ...VALID_ANSWERS, ideas: 'a\u0000b' }, /answers\.ideas/],
    ['a lone surrogate', { ...VALID_ANSWERS, ideas: 'a\ud800b' }, /answers\.ideas/],
    ['a NUL in a key', { ...VALID_ANSWERS, 'x\u0000': 'a' }, /answers\.x/],
    ['a huge array', { ...VALID_ANSWERS, ways: Array.from({ length: 5_000 }, () => 'meeting') }, /answers\.ways/],
    ['null for a checkbox', { ...VALID_ANSWERS, ways: null }, /answers\.ways/],
    ['null inside a value', { ...VALID_ANSWERS, ways: ['meeting', null] }, /answers\.ways/],
    ['toString as a key', { ...VALID_ANSWERS, toString: 'x' }, /answers\.toString/],
    ['hasOwnProperty as a key', { ...VALID_ANSWERS, hasOwnProperty: 'x' }, /answers\.hasOwnProperty/],
  ];

  it.each(cases)('%s: 400 naming the field, nothing stored', async (_name, answers, field) => {
    const before = await countRows(t.db, 'response');
    const res = await put(answers);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.details ?? res.body.message)).toMatch(field);
    expect(await countRows(t.db, 'response')).toBe(before);
  });

  // KNOWN GAPS, not fixed yet (see the report): these keys still reach the database as 201, and the
  // 10,000-level body is not yet a 400 naming the field. `it.failing` keeps them visible: it turns
  // red the day they pass, so whoever fixes them moves them up into `cases`.
  const knownGaps: [string, unknown, RegExp][] = [
    ['10,000-level nesting', { ...VALID_ANSWERS, ideas: nested }, /answers\.ideas/],
    ['constructor as a key', { ...VALID_ANSWERS, constructor: 'x' }, /answers\.constructor/],
    ['prototype as a key', { ...VALID_ANSWERS, prototype: 'x' }, /answers\.prototype/],
  ];
  it.failing.each(knownGaps)('KNOWN GAP %s: 400 naming the field, nothing stored', async (_name, answers, field) => {
    const before = await countRows(t.db, 'response');
    const res = await put(answers);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.details ?? res.body.message)).toMatch(field);
    expect(await countRows(t.db, 'response')).toBe(before);
  });

  it('__proto__ as a key: 400, nothing stored', async () => {
    const before = await countRows(t.db, 'response');
    const body = `{"surveyVersionId":"${versionId}","municipalityCode":"birzai","language":"lt","status":"complete","answers":{"took_part":"yes","trust":3,"__proto__":{"x":1}}}`;
    const res = await put(undefined, body);
    expect(res.status).toBe(400);
    expect(await countRows(t.db, 'response')).toBe(before);
  });

  it('a 5 MB body: 413, nothing stored', async () => {
    const before = await countRows(t.db, 'response');
    const res = await put({ ...VALID_ANSWERS, ideas: 'x'.repeat(5 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(await countRows(t.db, 'response')).toBe(before);
  });

  it('the valid answers still go through (the cases above differ from them only in the hostile part)', async () => {
    const res = await put(VALID_ANSWERS);
    expect(res.status).toBe(201);
  });
});
