/**
 * bench:submit — load on the real submit endpoint (PUT /api/public/responses/:id, the shipped
 * resident survey, full validation) against a baseline that only inserts the same JSON.
 * Both servers run as child processes; autocannon runs here, so load comes from a second process.
 * Rounds alternate (baseline, submit, baseline, submit...) so machine noise hits both alike.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { runMigrations } from '../../libs/database/src/migrate';
import { databaseUrl, dropDatabasesWithPrefix, TEST_ADMIN_URL } from '../../libs/database/src/testing/test-databases';

const ROOT = join(__dirname, '../..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const survey = JSON.parse(readFileSync(join(ROOT, 'surveys/resident-survey.json'), 'utf8'));
const answers = JSON.parse(readFileSync(join(ROOT, 'surveys/resident-survey.example-answers.json'), 'utf8'));

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
    `INSERT INTO survey (slug, access_mode, languages, breakdowns) VALUES ($1, 'public', $2, $3) RETURNING id`,
    [survey.slug, survey.languages, survey.breakdowns],
  );
  await db.query(`INSERT INTO survey_municipality (survey_id, municipality_id) VALUES ($1, $2)`, [s.id, m.id]);
  const { rows: [v] } = await db.query(
    `INSERT INTO survey_version (survey_id, version, definition, published_at) VALUES ($1, 1, $2, now()) RETURNING id`,
    [s.id, survey.definition],
  );
  return { url, db, surveyId: s.id as string, versionId: v.id as string, municipalityId: m.id as string };
}

function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    const poll = () =>
      fetch(url).then(
        (res) => (res.ok ? resolve() : retry()),
        () => retry(),
      );
    const retry = () => (Date.now() - started > 30_000 ? reject(new Error(`${url} did not come up`)) : setTimeout(poll, 200));
    poll();
  });
}

function load(url: string, body: object): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        method: 'PUT',
        connections: CONNECTIONS,
        duration: SECONDS,
        headers: { 'content-type': 'application/json' },
        requests: [{ setupRequest: (req) => ({ ...req, path: `${new URL(url).pathname}/${randomUUID()}`, body: JSON.stringify(body) }) }],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

async function main() {
  const name = `dp_bench_${Date.now().toString(36)}`;
  const { url, db, surveyId, versionId, municipalityId } = await prepareDatabase(name);
  const env = { ...process.env, DATABASE_URL: url, REDIS_URL, APP_SECRET: randomBytes(32).toString('hex'), LOG_LEVEL: 'info', RATE_LIMIT_PUBLIC_PER_MINUTE: '100000000', REDIS_KEY_PREFIX: `${name}:` };
  // BENCH_CPU_PROF=<dir> writes a CPU profile of the api process, to find what a submit spends time on.
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const api = spawn(process.execPath, [...profile, join(ROOT, 'dist/apps/api/src/main.js')], { env: { ...env, PORT: '3101' }, stdio: 'ignore' });
  const baseline = fork(join(__dirname, 'baseline-server.ts'), [], {
    env: { ...env, PORT: '3102', SURVEY_ID: surveyId, VERSION_ID: versionId, MUNICIPALITY_ID: municipalityId },
    execArgv: ['-r', 'ts-node/register/transpile-only'],
    stdio: 'ignore',
  });
  try {
    await waitForHealth('http://127.0.0.1:3101/api/health', api);
    await new Promise((resolve) => baseline.once('message', resolve));
    const submitBody = { surveyVersionId: versionId, municipalityCode: 'birzai', language: 'lt', status: 'complete', answers };
    const submitUrl = 'http://127.0.0.1:3101/api/public/responses';
    const baselineUrl = 'http://127.0.0.1:3102/baseline/responses';

    const sanity = await fetch(`${submitUrl}/${randomUUID()}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(submitBody) });
    if (sanity.status !== 201) throw new Error(`submit sanity check failed: ${sanity.status} ${await sanity.text()}`);

    const submits: autocannon.Result[] = [];
    const baselines: autocannon.Result[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      baselines.push(await load(baselineUrl, submitBody));
      submits.push(await load(submitUrl, submitBody));
      console.log(`round ${round + 1}: baseline ${baselines[round].requests.average} req/s, submit ${submits[round].requests.average} req/s, submit p99 ${submits[round].latency.p99} ms`);
    }
    const mean = (results: autocannon.Result[]) => results.reduce((sum, r) => sum + r.requests.average, 0) / results.length;
    const submitRate = mean(submits);
    const baselineRate = mean(baselines);
    const p99 = Math.max(...submits.map((r) => r.latency.p99));
    const errors = submits.reduce((sum, r) => sum + r.errors + r.timeouts + r.non2xx, 0);
    const stored = (await db.query(`SELECT count(*)::int AS n FROM response WHERE payload_hash <> $1`, ['0'.repeat(64)])).rows[0].n;
    const sent = submits.reduce((sum, r) => sum + r.requests.total, 0) + 1;
    console.log(`rows stored by submit: ${stored} (${sent} completed requests); ${CONNECTIONS} connections, ${ROUNDS} x ${SECONDS} s per side`);
    console.log(
      `submit: ${submitRate.toFixed(0)} req/s, baseline: ${baselineRate.toFixed(0)} req/s, ratio: ${(submitRate / baselineRate).toFixed(2)}, p99: ${p99} ms, errors: ${errors}`,
    );
  } finally {
    api.kill('SIGTERM');
    baseline.kill('SIGTERM');
    await db.end();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await dropDatabasesWithPrefix(name);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
