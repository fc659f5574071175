/**
 * bench:submit — load on the real submit endpoint (PUT /api/public/responses/:id, the shipped
 * resident survey, full validation) against a baseline route on the same server that only inserts
 * the same JSON into the same table (see bench-api.ts). The server is a child process; load comes
 * from wrk (or autocannon), outside it.
 * Rounds alternate (baseline, submit, baseline, submit...) so machine noise hits both alike.
 */
import { fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { runMigrations } from '../../libs/database/src/migrate';
import { databaseUrl, dropDatabasesWithPrefix, TEST_ADMIN_URL } from '../../libs/database/src/testing/test-databases';
import { hasWrk, load, type LoadResult } from './load';

const ROOT = join(__dirname, '../..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
// BENCH_SURVEY=<file>: the same bench on another survey file (slug, languages, breakdowns, definition),
// answered with the `<name>.example-answers.json` beside it; e.g. test/bench/surveys/household.json
// (dynamic panels and matrices, which take survey-core's full model).
const SURVEY_FILE = process.env.BENCH_SURVEY ?? join(ROOT, 'surveys/resident-survey.json');
const survey = JSON.parse(readFileSync(SURVEY_FILE, 'utf8'));
const answers = JSON.parse(readFileSync(SURVEY_FILE.replace(/\.json$/, '.example-answers.json'), 'utf8'));

async function prepareDatabase(name: string) {
  const admin = new Client({ connectionString: TEST_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = databaseUrl(name);
  await runMigrations(url);
  const db = new Client({ connectionString: url });
  await db.connect();
  const { rows: [m] } = await db.query(`INSERT INTO municipality (code, name_lt, name_en) VALUES ('birzai', 'Biržai', 'Biržai') RETURNING id`);
  const { rows: [s] } = await db.query(
    // Every request comes from one address: lift the per-address limit (at most 100000 a day).
    `INSERT INTO survey (slug, access_mode, languages, breakdowns, responses_per_address_per_day) VALUES ($1, 'public', $2, $3, 100000) RETURNING id`,
    [survey.slug, survey.languages, survey.breakdowns],
  );
  await db.query(`INSERT INTO survey_municipality (survey_id, municipality_id) VALUES ($1, $2)`, [s.id, m.id]);
  const { rows: [v] } = await db.query(
    `INSERT INTO survey_version (survey_id, version, definition, published_at) VALUES ($1, 1, $2, now()) RETURNING id`,
    [s.id, survey.definition],
  );
  return { url, db, surveyId: s.id as string, versionId: v.id as string, municipalityId: m.id as string };
}

async function main() {
  const name = `dp_bench_${Date.now().toString(36)}`;
  const { url, db, surveyId, versionId, municipalityId } = await prepareDatabase(name);
  const env = { ...process.env, DATABASE_URL: url, REDIS_URL, APP_SECRET: randomBytes(32).toString('hex'), LOG_LEVEL: 'info', RATE_LIMIT_PUBLIC_PER_MINUTE: '100000000', REDIS_KEY_PREFIX: `${name}:` };
  // BENCH_CPU_PROF=<dir> writes a CPU profile of the api process, to find what a submit spends time on.
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const api = fork(join(__dirname, 'bench-api.ts'), [], {
    env: { ...env, PORT: '3101', SURVEY_ID: surveyId, VERSION_ID: versionId, MUNICIPALITY_ID: municipalityId },
    execArgv: [...profile, '-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
    stdio: 'ignore',
  });
  try {
    await new Promise((resolve, reject) => {
      api.once('message', resolve);
      api.once('exit', (code) => reject(new Error(`bench api exited with ${code}`)));
    });
    const submitBody = { surveyVersionId: versionId, municipalityCode: 'birzai', language: 'lt', status: 'complete', answers };
    const submitUrl = 'http://127.0.0.1:3101/api/public/responses';
    const baselineUrl = 'http://127.0.0.1:3101/bench/baseline/responses';

    const sanity = await fetch(`${submitUrl}/${randomUUID()}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(submitBody) });
    if (sanity.status !== 201) throw new Error(`submit sanity check failed: ${sanity.status} ${await sanity.text()}`);

    const submits: LoadResult[] = [];
    const baselines: LoadResult[] = [];
    console.log(`load generator: ${hasWrk() ? 'wrk' : 'autocannon (install wrk for less noise: apt-get install wrk)'}`);
    for (let round = 0; round < ROUNDS; round++) {
      baselines.push(await load(baselineUrl, submitBody, SECONDS, CONNECTIONS));
      submits.push(await load(submitUrl, submitBody, SECONDS, CONNECTIONS));
      console.log(`round ${round + 1}: baseline ${baselines[round].requestsPerSecond.toFixed(0)} req/s, submit ${submits[round].requestsPerSecond.toFixed(0)} req/s, submit p99 ${submits[round].p99Ms} ms`);
    }
    const mean = (results: LoadResult[]) => results.reduce((sum, r) => sum + r.requestsPerSecond, 0) / results.length;
    const submitRate = mean(submits);
    const baselineRate = mean(baselines);
    const p99 = Math.max(...submits.map((r) => r.p99Ms));
    const errors = submits.reduce((sum, r) => sum + r.errors, 0);
    const stored = (await db.query(`SELECT count(*)::int AS n FROM response WHERE payload_hash <> $1`, ['0'.repeat(64)])).rows[0].n;
    const completed = submits.reduce((sum, r) => sum + r.completed, 0) + 1;
    console.log(`rows stored by submit: ${stored} (${completed} completed requests); ${CONNECTIONS} connections, ${ROUNDS} x ${SECONDS} s per side`);
    console.log(
      `submit: ${submitRate.toFixed(0)} req/s, baseline: ${baselineRate.toFixed(0)} req/s, ratio: ${(submitRate / baselineRate).toFixed(2)}, p99: ${p99} ms, errors: ${errors}`,
    );
  } finally {
    api.kill('SIGTERM');
    await db.end();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await dropDatabasesWithPrefix(name);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
