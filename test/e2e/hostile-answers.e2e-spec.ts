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

  const cases: [string, unknown, RegExp][] = [
    ['constructor as a key', { ...VALID_ANSWERS, constructor: 'x' }, /answers\.constructor/],
    ['prototype as a key', { ...VALID_ANSWERS, prototype: 'x' }, /answers\.prototype/],
    ['answers not an object', ['a'], /answers/],
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

  it('10,000-level nesting: 400 naming the field, nothing stored', async () => {
    const before = await countRows(t.db, 'response');
    // Written as text: JSON.stringify itself runs out of stack on it.
    const nested = `${'['.repeat(10_000)}"deep"${']'.repeat(10_000)}`;
    const body = `{"surveyVersionId":"${versionId}","municipalityCode":"birzai","language":"lt","status":"complete","answers":{"took_part":"yes","trust":3,"ideas":${nested}}}`;
    const res = await put(undefined, body);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.details)).toMatch(/answers\.ideas/);
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
