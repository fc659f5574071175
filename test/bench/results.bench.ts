/**
 * bench:results — how long the real worker takes to compile results for every municipality of a
 * survey with many responses, against the cheapest thing that could produce the same counts: ONE
 * plain SQL GROUP BY over the same rows. The compile does more (breakdowns, group sizes, numeric
 * stats, disclosure control, storing results), so the ratio says what all of that costs on top of
 * the counting itself; the target is <= 1.5. Also the worker's peak memory (VmHWM), which must not
 * grow with the number of responses (target < 300 MB).
 *
 * Setup: a throwaway migrated database, 10 municipalities, the shipped resident survey imported and
 * published through the CLI's import, BENCH_RESPONSES (default 1,000,000) synthetic completed
 * responses loaded with COPY, ANALYZE. The worker runs as its own process (from source, as tests
 * spawn it) with the platform's default job settings. Both sides are timed with a warm cache.
 *
 * BENCH_EXPLAIN=1 additionally prints EXPLAIN ANALYZE of the compile's three queries (the exact SQL
 * the compiler sends) for the largest municipality, and of the baseline.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import Redis from 'ioredis';
import { Pool } from 'pg';
import type { EntityManager } from 'typeorm';
import { importSurveys } from '../../apps/cli/src/commands/import-surveys';
import { parseConfig } from '../../libs/config/src';
import { createTemplateDatabase, databaseUrl, dropDatabasesWithPrefix } from '../../libs/database/src/testing/test-databases';
import { countCube, countGroups, numericStats } from '../../libs/results/src/compile/aggregate-queries';
import { planResults, type ResultPlan } from '../../libs/results/src/definition/result-items';
import { NOISE_BOUND } from '../../libs/results/src/perturbation/ptable';
import { requestCompiles } from '../../libs/surveys/src/compile-requests';
import { createMunicipality } from '../support/factories';
import { loadSyntheticResponses } from '../support/synthetic-responses';
import { killHard, spawnWorkerProcess } from '../support/test-worker';

const ROOT = join(__dirname, '../..');
const SURVEY_FILE = join(ROOT, 'surveys/resident-survey.json');
const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 1_000_000);
const MUNICIPALITIES = 10;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const COMPILE_TIMEOUT_MS = Number(process.env.BENCH_COMPILE_TIMEOUT_MS ?? 30 * 60 * 1000);
const POLL_MS = 50;

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const log = (line: string) => console.log(line);

/** Runs `work`, prints how long it took, returns its result and the milliseconds. */
async function phase<T>(what: string, work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  const ms = performance.now() - start;
  log(`${what}: ${seconds(ms)} s`);
  return [result, ms];
}

/** Peak and current resident memory of a process, in MB (Linux). */
function memoryOf(pid: number): { peakMb: number; rssMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
}

/**
 * The baseline: one GROUP BY over every completed response of the version, counting each closed
 * answer per (municipality, item, value): single-answer questions (radiogroup, dropdown, rating,
 * boolean) by their value, checkbox questions by each chosen value, matrix questions per row.
 * Question names come from the same plan the compiler uses, so both count the same answers.
 */
const BASELINE_SQL = `
  SELECT r.municipality_id, x.item, x.value, count(*)::int AS n
    FROM response r
   CROSS JOIN LATERAL jsonb_each(r.answers) AS a(name, answer)
   CROSS JOIN LATERAL (
      SELECT a.name, a.answer #>> '{}' WHERE a.name = ANY ($2::text[])
      UNION ALL
      SELECT a.name, chosen FROM jsonb_array_elements_text(CASE WHEN a.name = ANY ($3::text[]) THEN a.answer END) AS chosen
      UNION ALL
      SELECT a.name || '.' || cell.key, cell.value FROM jsonb_each_text(CASE WHEN a.name = ANY ($4::text[]) THEN a.answer END) AS cell
   ) AS x(item, value)
   WHERE r.survey_version_id = $1 AND r.status = 'complete'
   GROUP BY r.municipality_id, x.item, x.value`;
const baselineParams = (versionId: string, plan: ResultPlan) => [versionId, plan.choiceQuestions, plan.multipleQuestions, plan.matrixQuestions];

interface BaselineRow {
  municipality_id: string;
  item: string;
  value: string;
  n: number;
}

/**
 * The compile and the baseline must have counted the same thing: every published (unsuppressed)
 * overall count of a choice or checkbox item must be the baseline's count give or take the
 * perturbation's noise bound (libs/results/src/perturbation/ptable.ts). Throws on a mismatch.
 */
async function crossCheck(pool: Pool, versionId: string, baseline: BaselineRow[]): Promise<number> {
  const expected = new Map(baseline.map((row) => [`${row.municipality_id}|${row.item}|${row.value}`, row.n]));
  const { rows } = await pool.query(`SELECT municipality_id, items FROM result_set WHERE survey_version_id = $1`, [versionId]);
  let compared = 0;
  const wrong: string[] = [];
  for (const { municipality_id, items } of rows) {
    for (const item of items) {
      if (item.kind === 'numeric') continue;
      for (const { value, count } of item.counts) {
        if (count.suppressed) continue;
        const key = `${municipality_id}|${item.item}|${value}`;
        compared++;
        if (Math.abs((expected.get(key) ?? 0) - count.count) > NOISE_BOUND) wrong.push(`${key}: compile ${count.count}, baseline ${expected.get(key) ?? 0}`);
      }
    }
  }
  if (wrong.length) throw new Error(`compile and baseline disagree on ${wrong.length} counts, e.g.\n${wrong.slice(0, 5).join('\n')}`);
  return compared;
}

/** The compile's three queries for one municipality, as the compiler sends them (captured, not copied). */
async function compileQueries(versionId: string, municipalityId: string, plan: ResultPlan) {
  const captured: { name: string; sql: string; params: unknown[] }[] = [];
  // Statements other than the query itself (countCube's SET LOCAL enable_sort) become settings of it.
  const capture = (name: string) =>
    ({ query: (sql: string, params: unknown[]) => Promise.resolve((/^\s*SET /i.test(sql) || captured.push({ name, sql, params }), [])) }) as unknown as EntityManager;
  await countGroups(capture('countGroups'), versionId, municipalityId, plan);
  await countCube(capture('countCube'), versionId, municipalityId, plan);
  await numericStats(capture('numericStats'), versionId, municipalityId, plan);
  return captured;
}

async function explain(pool: Pick<Pool, 'query'>, name: string, sql: string, params: unknown[]): Promise<void> {
  const { rows } = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  log(`--- EXPLAIN ANALYZE ${name}\n${rows.map((row) => row['QUERY PLAN']).join('\n')}`);
}

/** SIGTERM (the worker closes its queues and connections), SIGKILL if it has not exited in 5 s. */
async function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<boolean>((resolve) => child.once('exit', () => resolve(true)));
  child.kill('SIGTERM');
  const timer = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000).unref());
  if (!(await Promise.race([exited, timer]))) await killHard(child);
}

async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

async function main(): Promise<string> {
  const name = `dp_bench_results_${Date.now().toString(36)}`;
  const redisPrefix = `${name}:`;
  let pool: Pool | undefined;
  let worker: ChildProcess | undefined;
  try {
    const url = databaseUrl(name);
    await phase('create and migrate database', () => createTemplateDatabase(name));
    const config = parseConfig({
      ...process.env, // WORKER_CONCURRENCY, DB_POOL_SIZE etc. may be tuned from outside; defaults otherwise
      DATABASE_URL: url,
      REDIS_URL,
      REDIS_KEY_PREFIX: redisPrefix,
      APP_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    });
    pool = new Pool({ connectionString: url, max: 2 });
    const db = pool;

    const codes = Array.from({ length: MUNICIPALITIES }, (_, i) => `bench${String(i + 1).padStart(2, '0')}`);
    const municipalityIds: string[] = [];
    for (const code of codes) municipalityIds.push(await createMunicipality(db, code));
    await phase('import and publish surveys/resident-survey.json (CLI import)', () =>
      importSurveys(config, [SURVEY_FILE], { municipalityCodes: codes, publish: true }),
    );
    const slug = JSON.parse(readFileSync(SURVEY_FILE, 'utf8')).slug;
    const { rows: [survey] } = await db.query(
      `SELECT s.id AS survey_id, sv.id AS version_id, sv.definition, s.breakdowns
         FROM survey s JOIN survey_version sv ON sv.survey_id = s.id
        WHERE s.slug = $1 AND sv.published_at IS NOT NULL`,
      [slug],
    );
    const versionId: string = survey.version_id;
    const plan = planResults(survey.definition, survey.breakdowns);

    const [, loadMs] = await phase(`load ${RESPONSES} synthetic responses (COPY)`, () =>
      loadSyntheticResponses(db, survey.definition, { surveyId: survey.survey_id, surveyVersionId: versionId, municipalityIds, count: RESPONSES }),
    );
    log(`  ${Math.round(RESPONSES / (loadMs / 1000))} responses/s`);
    await phase('ANALYZE', () => db.query('ANALYZE'));
    const { rows: [size] } = await db.query(
      `SELECT pg_size_pretty(pg_table_size('response')) AS table, pg_size_pretty(pg_indexes_size('response')) AS indexes`,
    );
    log(`  response table ${size.table}, indexes ${size.indexes}`);

    const [spawned] = await phase('start worker process', () => spawnWorkerProcess(config));
    worker = spawned;
    log(`  worker pid ${worker.pid}, rss when idle ${Math.round(memoryOf(worker.pid!).rssMb)} MB, concurrency ${config.WORKER_CONCURRENCY}`);

    // Untimed: read the table once so the compile does not pay for a cold cache the baseline skips.
    await phase('warm-up SELECT count(*) FROM response', () => db.query('SELECT count(*) FROM response'));

    // Compile: what "compile all" does (requestCompiles: request_result_compilation(version,
    // municipality, 0) for each targeted municipality, in municipality id order, one transaction).
    // The order is random with respect to size, so a run where the largest comes last is slower.
    const compileStart = performance.now();
    const client = await db.connect();
    try {
      await client.query('BEGIN');
      const tx = { query: async (sql: string, params: unknown[]) => (await client.query(sql, params)).rows } as unknown as EntityManager;
      await requestCompiles(tx, survey.survey_id, { delaySeconds: 0 });
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
    const deadline = Date.now() + COMPILE_TIMEOUT_MS;
    for (;;) {
      const { rows } = await db.query(`SELECT municipality_id, status, last_error FROM result_compilation WHERE survey_version_id = $1`, [versionId]);
      const failed = rows.filter((row) => row.status === 'failed');
      if (failed.length) {
        throw new Error(`compile failed for ${failed.length} municipalities:\n${failed.map((row) => `${row.municipality_id}: ${row.last_error}`).join('\n')}`);
      }
      if (rows.length === MUNICIPALITIES && rows.every((row) => row.status === 'done')) break;
      if (Date.now() > deadline) throw new Error(`compile not done after ${COMPILE_TIMEOUT_MS} ms: ${JSON.stringify(rows.map((row) => row.status))}`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    const compileMs = performance.now() - compileStart;
    log(`compile, all ${MUNICIPALITIES} municipalities (request to last done): ${seconds(compileMs)} s`);
    const { rows: perMunicipality } = await db.query(
      `SELECT m.code, s.response_count, extract(epoch FROM c.finished_at - c.started_at) * 1000 AS run_ms,
              extract(epoch FROM c.started_at - c.requested_at) * 1000 AS wait_ms
         FROM result_compilation c JOIN municipality m ON m.id = c.municipality_id
         JOIN result_set s ON s.survey_version_id = c.survey_version_id AND s.municipality_id = c.municipality_id
        WHERE c.survey_version_id = $1 ORDER BY c.started_at`,
      [versionId],
    );
    for (const row of perMunicipality) {
      log(`  ${row.code}: ${String(row.response_count).padStart(7)} responses, waited ${seconds(row.wait_ms)} s, ran ${seconds(row.run_ms)} s`);
    }
    const busyMs = perMunicipality.reduce((sum, row) => sum + Number(row.run_ms), 0);
    log(`  sum of job run times ${seconds(busyMs)} s (${Math.round(RESPONSES / (busyMs / 1000))} responses/s per job slot)`);

    const [baseline, baselineMs] = await phase('baseline: one GROUP BY over all responses', async () => {
      const { rows } = await db.query<BaselineRow>(BASELINE_SQL, baselineParams(versionId, plan));
      return rows;
    });
    log(`  ${baseline.length} (municipality, item, value) counts`);
    const compared = await crossCheck(db, versionId, baseline);
    log(`  cross-check: ${compared} published overall counts of the compile are within the noise bound (${NOISE_BOUND}) of the baseline's`);

    // Read before the worker is stopped: VmHWM is the peak resident set over its whole life.
    const { peakMb } = memoryOf(worker.pid!);

    if (process.env.BENCH_EXPLAIN) {
      const largest = municipalityIds[municipalityIds.length - 1]; // the loader's weights make the last the largest
      const session = await db.connect(); // one connection, so the settings below apply to the query after them
      try {
        for (const query of await compileQueries(versionId, largest, plan)) {
          // As the compiler runs it (it sets enable_sort = off locally around countCube).
          await session.query(`SET enable_sort = ${query.name === 'countCube' ? 'off' : 'on'}`);
          const start = performance.now();
          await session.query(query.sql, query.params);
          log(`${query.name} (largest municipality) alone: ${seconds(performance.now() - start)} s`);
          await explain(session, query.name, query.sql, query.params);
        }
      } finally {
        session.release(true);
      }
      await explain(db, 'baseline', BASELINE_SQL, baselineParams(versionId, plan));
    }

    const compileS = compileMs / 1000;
    const baselineS = baselineMs / 1000;
    return `results: ${RESPONSES} responses in ${compileS.toFixed(2)} s, baseline: ${baselineS.toFixed(2)} s, ratio: ${(compileS / baselineS).toFixed(2)}, worker peak rss: ${Math.round(peakMb)} MB`;
  } finally {
    if (worker) await stopWorker(worker);
    await pool?.end();
    await deleteRedisKeys(redisPrefix).catch((error) => console.error(`could not delete Redis keys ${redisPrefix}*: ${error.message}`));
    await dropDatabasesWithPrefix(name);
    log(`dropped database ${name}`);
  }
}

main().then(
  (summary) => console.log(summary),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
