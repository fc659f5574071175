import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import Redis from 'ioredis';
import { countRows, createAccount, createMunicipality, type TestAccount } from '../support/factories';
import { releases, releaseSettled } from '../support/results-releases';
import { answer, createPublishedSurvey, VALID_ANSWERS } from '../support/survey-fixtures';
import { startTestApp, TEST_REDIS_URL, type TestApp } from '../support/test-app';
import { compilations, FAST_JOBS_ENV, startInProcessWorker, waitFor } from '../support/test-worker';

const D = 2;
/** Written into the JSON text as 1e400 (valid JSON, no JavaScript number can hold it). */
const BEYOND_FLOAT8 = '__1e400__';
const jsonText = (answers: Record<string, unknown>) => JSON.stringify(answers).replace(`"${BEYOND_FLOAT8}"`, '1e400');

/**
 * Answers no current form would send, as an old row, a hand edit or an earlier survey version may
 * hold them: every JSON type where another was expected, repeats, huge arrays, numbers beyond
 * float8. Each must count as "not answered", never fail the compile.
 */
const HOSTILE: Record<string, unknown>[] = [
  { took_part: null, ways: null, trust: null, years: null, age_band: null },
  { took_part: { yes: true }, ways: 'meeting', trust: '4', years: '12', age_band: ['30_44'] },
  { took_part: ['yes'], ways: { meeting: true }, trust: [4], years: BEYOND_FLOAT8, age_band: { value: '30_44' } },
  { took_part: true, ways: [null, 1, { a: 1 }, ['meeting']], trust: 4.5, years: -12.5, age_band: 30 },
  { took_part: 'yes', ways: ['meeting', 'meeting', 'meeting'], trust: 4, years: 12, age_band: '30_44' },
  { took_part: 'yes', ways: Array.from({ length: 5000 }, (_, i) => (i % 2 ? 'petition' : `junk-${i}`)), trust: 4, age_band: 'nonsense' },
  { took_part: '', ways: [], trust: 0, years: 'NaN', age_band: '' },
  { 'ways-Comment': { nested: [1, 2, 3] }, ideas: 42, unknown_question: [1, 2] },
];

describe('results: protection on any data', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let researcher: TestAccount;

  beforeAll(async () => {
    t = await startTestApp({ ...FAST_JOBS_ENV, JOB_ATTEMPTS: '3' });
    worker = await startInProcessWorker(t.config);
    await createMunicipality(t.db, 'birzai');
    researcher = await createAccount(t.db, 'researcher');
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('compiles and releases a municipality whose stored answers hold every wrong JSON shape, counting them as not answered', async () => {
    const { surveyId, versionId } = await createPublishedSurvey(t, researcher.auth);
    const { rows: [target] } = await t.db.query(
      `SELECT s.id AS survey_id, m.id AS municipality_id FROM survey s, municipality m WHERE s.id = $1 AND m.code = 'birzai'`,
      [surveyId],
    );
    // Written straight to the table (the api would refuse them today), as complete responses.
    const rows = [...HOSTILE, ...Array.from({ length: 30 }, () => VALID_ANSWERS)];
    for (const answers of rows) {
      await t.db.query(
        `INSERT INTO response (id, survey_id, survey_version_id, municipality_id, language, status, answers, payload_hash, submitted_on)
         VALUES ($1, $2, $3, $4, 'lt', 'complete', $5::jsonb, repeat('0', 64), current_date)`,
        [randomUUID(), target.survey_id, versionId, target.municipality_id, jsonText(answers)],
      );
    }
    await t.http.post(`/api/surveys/${surveyId}/results/releases`).set(researcher.auth).send({}).expect(202);
    await releaseSettled(t.db, versionId, 1);
    expect((await compilations(t.db, versionId))[0]).toMatchObject({ status: 'done', last_error: null });
    expect((await releases(t.db, versionId)).map((r) => [r.release_no, r.response_count])).toEqual([[1, rows.length]]);

    const { body } = await t.http.get(`/api/surveys/${surveyId}/results`).set(researcher.auth).expect(200);
    const m = body.municipalities[0];
    const item = (name: string) => m.items.find((i: { item: string }) => i.item === name);
    // Answered counts: the 30 valid rows plus the hostile rows whose value is really one of the
    // choices (index 4: 'yes', 4, 30_44; index 5: 'yes', 4), within the noise.
    const near = (cell: { count: number | null }, truth: number) => expect(Math.abs(cell.count! - truth)).toBeLessThanOrEqual(D);
    near(item('took_part').answered, 32);
    // A rating stored as the string "4" (index 1) reads as the choice 4; 4.5 and [4] are no choice.
    near(item('trust').answered, 33);
    near(item('ways').answered, 30 + 4); // arrays: index 3, 4, 5 and 6 (the empty one)
    // 'meeting' three times in one answer is one person; only index 4 and the valid rows chose it.
    near(item('ways').counts.find((c: { value: string }) => c.value === 'meeting').count, 31);
    near(item('years').answered, 32); // numbers: the valid rows, index 3 and 4; 1e400 and strings are not
    // Breakdown values that are not choices count as not stated, so the groups still add up.
    const trustByAge = item('trust').breakdowns[0].groups;
    expect(trustByAge.map((g: { value: string | null }) => g.value)).toEqual(['18_29', '30_44', '45_plus', null]);
  });

  it('stores a failure that retrying cannot fix as a code, and does not retry it', async () => {
    const { surveyId } = await createPublishedSurvey(t, researcher.auth);
    // A draft (never published) version in the compile queue: as if unpublished under a queued job.
    const { rows: [draft] } = await t.db.query(
      `INSERT INTO survey_version (survey_id, version, definition) SELECT survey_id, 2, definition FROM survey_version WHERE survey_id = $1 RETURNING id`,
      [surveyId],
    );
    const { rows: [m] } = await t.db.query(`SELECT id FROM municipality WHERE code = 'birzai'`);
    await t.db.query(`SELECT request_result_compilation($1, $2, 0)`, [draft.id, m.id]);
    await waitFor('the compile to fail', async () => (await compilations(t.db, draft.id))[0]?.status === 'failed', 30000);
    const { rows: [row] } = await t.db.query(`SELECT status, attempt, last_error FROM result_compilation WHERE survey_version_id = $1`, [draft.id]);
    expect(row).toEqual({ status: 'failed', attempt: 1, last_error: 'VERSION_NOT_PUBLISHED' });
  });

  it('limits new responses per address and day (429 naming it, nothing stored) and stores no address anywhere', async () => {
    const { surveyId, versionId } = await createPublishedSurvey(t, researcher.auth, { responsesPerAddressPerDay: 3 });
    for (let i = 0; i < 3; i++) await answer(t, versionId).expect(201);
    const before = await countRows(t.db, 'response', 'survey_id = $1', [surveyId]);
    const refusedId = randomUUID();
    const refused = await answer(t, versionId, {}, refusedId).expect(429);
    expect(refused.body).toMatchObject({ code: 'TOO_MANY_RESPONSES_FROM_ADDRESS', details: [{ field: 'address', reason: expect.stringContaining('3') }] });
    expect(await countRows(t.db, 'response', 'survey_id = $1', [surveyId])).toBe(before);
    expect(await countRows(t.db, 'response', 'id = $1', [refusedId])).toBe(0);
    // Bad input is refused before it counts against the limit.
    const other = await createPublishedSurvey(t, researcher.auth, { responsesPerAddressPerDay: 1 });
    await answer(t, other.versionId, { answers: { trust: 'not a rating' } }).expect(400);
    await answer(t, other.versionId).expect(201);

    // No address in PostgreSQL (every text column of every table) nor in Redis (keys and values).
    const addresses = ['127.0.0.1', '::ffff:127.0.0.1', '::1'];
    const { rows: columns } = await t.db.query(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'inet', 'character')`,
    );
    for (const { table_name, column_name } of columns) {
      for (const address of addresses) {
        expect(await countRows(t.db, `"${table_name}"`, `"${column_name}"::text LIKE $1`, [`%${address}%`])).toBe(0);
      }
    }
    const redis = new Redis(TEST_REDIS_URL);
    try {
      const keys = await redis.keys(`${t.config.REDIS_KEY_PREFIX}address-limit:*`);
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) {
        const value = await redis.get(key);
        for (const address of addresses) {
          expect(key).not.toContain(address);
          expect(value).not.toContain(address);
        }
        expect(await redis.ttl(key)).toBeGreaterThan(0);
      }
    } finally {
      redis.disconnect();
    }
    // The limit is a survey setting, validated like any other.
    const bad = await t.http.patch(`/api/surveys/${surveyId}`).set(researcher.auth).send({ responsesPerAddressPerDay: 0 }).expect(400);
    expect(bad.body.details).toEqual([{ field: 'responsesPerAddressPerDay', reason: expect.stringContaining('at least 1') }]);
  });

  it('flags a day with far more responses than the municipality usually gets', async () => {
    const { surveyId, versionId } = await createPublishedSurvey(t, researcher.auth);
    const { rows: [target] } = await t.db.query(
      `SELECT s.id AS survey_id, m.id AS municipality_id FROM survey s, municipality m WHERE s.id = $1 AND m.code = 'birzai'`,
      [surveyId],
    );
    // Two a day for ten days, then 40 on one day.
    const days = [...Array.from({ length: 10 }, (_, d) => Array(2).fill(d + 2)), Array(40).fill(1)].flat();
    for (const daysAgo of days) {
      await t.db.query(
        `INSERT INTO response (id, survey_id, survey_version_id, municipality_id, language, status, answers, payload_hash, submitted_on)
         VALUES ($1, $2, $3, $4, 'lt', 'complete', '{}', repeat('0', 64), current_date - $5::int)`,
        [randomUUID(), target.survey_id, versionId, target.municipality_id, daysAgo],
      );
    }
    const { body } = await t.http.get(`/api/surveys/${surveyId}/results/compilations`).set(researcher.auth).expect(200);
    const { rows: [{ day }] } = await t.db.query(`SELECT (current_date - 1)::text AS day`);
    expect(body.items[0].burstDays).toEqual([day]);
  });
});
