import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { confirmedSignUp, createMeeting, createOpenConsultation, person } from '../support/consultation-fixtures';
import { createAccount, createMunicipality, type TestAccount } from '../support/factories';
import { createPublishedSurvey } from '../support/survey-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/** Requests per operation; FUZZ_RUNS raises it for a longer hunt. The seed makes a failure repeatable. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);

type Schema = { $ref?: string; type?: string; properties?: Record<string, Schema>; items?: Schema; enum?: unknown[]; format?: string; nullable?: boolean };
interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: string }[];
  body?: Schema;
}

/** What an attacker puts where a value should go: the inputs that gave 500s, and friends. */
const HOSTILE_TEXT = ['\u0000', 'a\u0000b', '\uD800', 'x\uDC00y', '😀\uD83D', 'é'.repeat(5000), '', ' ', '../../etc/passwd', "'; DROP TABLE survey; --", '{{manage_url}}'];
const HOSTILE_NUMBERS = [2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e308, -1, 0, 0.5, 2 ** 31 - 1];
const HOSTILE_PATH = ['%00', 'a%00b', '%ED%A0%80', '%F0%9F', '99999999999999999999', '-1', 'x'.repeat(600), '..%2F..%2F', 'null'];
const hostileValue = fc.oneof(
  fc.constantFrom<unknown>(null, true, [], {}, [null], { a: null }),
  fc.constantFrom(...HOSTILE_TEXT),
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.string(),
  fc.integer(),
  fc.double(),
);

describe('fuzzing every operation of the OpenAPI document: never a 5xx, never a cacheable personal answer', () => {
  let t: TestApp;
  let roles: Record<string, TestAccount>;
  const ids: string[] = [];
  const tokens: string[] = [];
  /** Names, contacts and secrets: an answer that carries one must not be cached. */
  const personal: string[] = [];
  const operations: Operation[] = [];
  let components: Record<string, Schema> = {};

  beforeAll(async () => {
    t = await startTestApp();
    await createMunicipality(t.db, 'birzai');
    await createMunicipality(t.db, 'zarasai');
    roles = {
      admin: await createAccount(t.db, 'admin'),
      staff: await createAccount(t.db, 'staff', ['birzai']),
      researcher: await createAccount(t.db, 'researcher'),
    };
    // Real objects, so generated requests also reach the rules behind the id checks.
    const survey = await createPublishedSurvey(t, roles.researcher.auth, { municipalityCodes: ['birzai'] });
    const invited = await createPublishedSurvey(t, roles.staff.auth, { accessMode: 'invitation', anonymous: true });
    const consultationId = await createOpenConsultation(t, roles.staff, 'birzai');
    const meeting = await createMeeting(t, roles.staff, consultationId, { capacity: 3 });
    const signup = await confirmedSignUp(t, meeting.id, person());
    ids.push(survey.surveyId, survey.versionId, invited.surveyId, consultationId, meeting.id, signup.body.id, roles.staff.id);
    tokens.push(signup.body.manageToken);
    personal.push(signup.body.name, signup.body.contact, signup.body.checkinCode, ...Object.values(roles).map((r) => r.email));

    const document = (await t.http.get('/api/docs-json').expect(200)).body;
    components = document.components?.schemas ?? {};
    for (const [path, methods] of Object.entries<Record<string, { parameters?: Operation['parameters']; requestBody?: { content?: Record<string, { schema: Schema }> } }>>(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        operations.push({ method, path, parameters: operation.parameters ?? [], body: operation.requestBody?.content?.['application/json']?.schema });
      }
    }
  });
  afterAll(() => t.close());

  const resolve = (schema: Schema | undefined): Schema | undefined =>
    schema?.$ref ? components[schema.$ref.split('/').pop()!] : schema;

  /** A value for a schema: mostly plausible, often hostile, nested objects generated the same way. */
  function valueFor(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
    const s = resolve(schema);
    if (!s || depth > 3) return hostileValue;
    const plausible: fc.Arbitrary<unknown> = s.enum
      ? fc.constantFrom(...s.enum)
      : s.type === 'object' || s.properties
        ? fc.record(Object.fromEntries(Object.entries(s.properties ?? {}).map(([key, child]) => [key, valueFor(child, depth + 1)])), { requiredKeys: [] })
        : s.type === 'array'
          ? fc.array(valueFor(s.items, depth + 1), { maxLength: 3 })
          : s.type === 'integer' || s.type === 'number'
            ? fc.integer({ min: -5, max: 100 })
            : s.type === 'boolean'
              ? fc.boolean()
              : s.format === 'uuid'
                ? fc.constantFrom(...ids, randomUUID())
                : s.format === 'date-time'
                  ? fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString())
                  : fc.oneof(fc.constantFrom('birzai', 'lt', 'en', 'ona@example.lt', 'public', 'invitation'), fc.string({ maxLength: 20 }));
    return fc.oneof({ weight: 3, arbitrary: plausible }, { weight: 2, arbitrary: hostileValue });
  }

  const deepJson = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

  function requestFor(operation: Operation) {
    const pathParams = operation.parameters.filter((p) => p.in === 'path');
    const queryParams = operation.parameters.filter((p) => p.in === 'query');
    return fc.record({
      role: fc.constantFrom('none', 'admin', 'staff', 'researcher'),
      path: fc.tuple(...pathParams.map(() => fc.oneof(fc.constantFrom(...ids, 'birzai', '1'), fc.constantFrom(...HOSTILE_PATH), fc.uuid()))),
      query: fc.tuple(...queryParams.map(() => fc.option(fc.oneof(fc.constantFrom('1', '99999999999', '%00', '-1', 'lt'), fc.string({ maxLength: 8 }).map(encodeURIComponent))))),
      token: fc.constantFrom(...tokens, 'junk', `${randomUUID()}.AAAA`),
      body: operation.body
        ? fc.oneof(
            { weight: 6, arbitrary: valueFor(operation.body).map((value) => ({ json: value })) },
            { weight: 1, arbitrary: fc.constantFrom(deepJson(5000), deepJson(70), '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]', '"\\u0000"', '{"a":"\\ud800"}', '{"__proto__":{"x":1}}', '12345678901234567890').map((raw) => ({ raw })) },
          )
        : fc.constant(undefined),
    });
  }

  it('answers every generated request below 500', async () => {
    expect(operations.length).toBeGreaterThan(40);
    const failures: string[] = [];
    const cacheFailures: string[] = [];
    let sent = 0;
    for (const operation of operations) {
      const samples = fc.sample(requestFor(operation), { numRuns: RUNS, seed: SEED });
      for (const sample of samples) {
        let index = 0;
        const path = operation.path.replace(/\{[^}]+\}/g, () => String(sample.path[index++]));
        const query = sample.query
          .map((value, i) => (value === null ? null : `${operation.parameters.filter((p) => p.in === 'query')[i].name}=${value}`))
          .filter(Boolean)
          .join('&');
        let request = t.http[operation.method as 'get'](query ? `${path}?${query}` : path)
          .set('x-manage-token', sample.token)
          .set('x-resume-token', sample.token);
        if (sample.role !== 'none') request = request.set(roles[sample.role].auth);
        if (sample.body && 'raw' in sample.body) request = request.set('content-type', 'application/json').send(sample.body.raw);
        else if (sample.body) request = request.send(JSON.stringify(sample.body.json) ?? 'null').set('content-type', 'application/json');
        const res = await request;
        sent++;
        const text = res.text ?? '';
        const carriesPersonal = personal.some((value) => text.includes(value)) || /"(token|csrfToken|resumeToken|manageToken)"\s*:/.test(text);
        if (res.status < 300 && carriesPersonal && res.headers['cache-control'] !== 'no-store') {
          cacheFailures.push(`${operation.method.toUpperCase()} ${path} as ${sample.role}: cache-control ${res.headers['cache-control']}`);
        }
        if (res.status >= 500) failures.push(`${operation.method.toUpperCase()} ${path}${query ? `?${query}` : ''} as ${sample.role}: ${res.status} ${JSON.stringify(sample.body)?.slice(0, 200)}`);
      }
    }
    expect(sent).toBe(operations.length * RUNS);
    expect(failures).toEqual([]);
    expect(cacheFailures).toEqual([]);
  }, 300_000);

  it('answers with names, contacts or tokens are never cacheable (checked on the real paths)', async () => {
    const signIn = await t.http.post('/api/auth/tokens').send({ email: 'nobody@test.local', password: 'x'.repeat(12) });
    expect(signIn.headers['cache-control']).toBe('no-store');
    const own = await t.http.get('/api/public/signup').set('x-manage-token', tokens[0]).expect(200);
    expect(own.headers['cache-control']).toBe('no-store');
    const list = await t.http.get('/api/admin/accounts').set(roles.admin.auth).expect(200);
    expect(list.headers['cache-control']).toBe('no-store');
    // The public catalogue stays cacheable.
    expect((await t.http.get('/api/public/municipalities').expect(200)).headers['cache-control']).toBeUndefined();
  });
});
