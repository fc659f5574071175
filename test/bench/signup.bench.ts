/**
 * bench:signup — 1,000 people taking places over HTTP, all in flight together, for one meeting of
 * 30 seats. A place is taken when its contact confirms by the link emailed to them, so the run has
 * two bursts on the real api: first 1,000 requests for a place (POST /api/public/meetings/:id/signups:
 * validation, rate limits, the pending row and the email with the link; reported on its own line),
 * then the 1,000 confirmations (POST /api/public/signup/confirm with each one's link: the meeting's
 * row lock, the capacity trigger, the confirmation message and its outbox row). The confirmations
 * are what takes places, as the single request did before, so the last line is about them.
 * The links are built as the worker builds them (from the pending rows' ids and APP_SECRET).
 * Counts come from the database afterwards, not from the responses alone. A baseline on the same
 * server (a plain insert, signup-bench-api.ts) takes the same burst first.
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { manageTokenFor } from '../../libs/consultations/src/signups/manage-tokens';
import { runMigrations } from '../../libs/database/src/migrate';
import { databaseUrl, dropDatabasesWithPrefix, TEST_ADMIN_URL } from '../../libs/database/src/testing/test-databases';

const REQUESTS = Number(process.env.BENCH_SIGNUPS ?? 1000);
const SEATS = Number(process.env.BENCH_SEATS ?? 30);
const PORT = 3102;
/** Requests in flight at once; by default all of them. */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? REQUESTS);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function prepareDatabase(name: string) {
  const admin = new Client({ connectionString: TEST_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = databaseUrl(name);
  await runMigrations(url);
  const db = new Client({ connectionString: url });
  await db.connect();
  await db.query(`CREATE TABLE bench_baseline_signup (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL, contact text NOT NULL)`);
  const { rows: [m] } = await db.query(`INSERT INTO municipality (code, name_lt, name_en) VALUES ('birzai', 'Biržai', 'Biržai') RETURNING id`);
  const { rows: [c] } = await db.query(
    `INSERT INTO consultation (municipality_id, title_lt, title_en, institution, institution_en, phase) VALUES ($1, 'Diskusija', 'Discussion', 'Taryba', 'Council', 'open') RETURNING id`,
    [m.id],
  );
  const { rows: [meeting] } = await db.query(
    `INSERT INTO meeting (consultation_id, kind, title_lt, title_en, starts_at, ends_at, signup_deadline, place, capacity, retention_days)
     VALUES ($1, 'discussion', 'Vieša diskusija', 'Public discussion', now() + interval '7 days', now() + interval '7 days 2 hours',
             now() + interval '6 days', 'Biržai', $2, 30) RETURNING id`,
    [c.id, SEATS],
  );
  return { db, url, meetingId: meeting.id as string };
}

interface Burst {
  statuses: Map<number, number>;
  bodies: string[];
  latencies: number[];
  networkErrors: number;
}

/** Sends the requests, CONCURRENCY at a time (one connection each), and times each from its own start. */
async function burst(url: string, body: (i: number) => object | null, headers: (i: number) => Record<string, string> = () => ({})): Promise<Burst> {
  const result: Burst = { statuses: new Map(), bodies: [], latencies: [], networkErrors: 0 };
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, REQUESTS) }, async () => {
      for (let i = next++; i < REQUESTS; i = next++) await one(i);
    }),
  );
  return result;

  async function one(i: number) {
      const started = performance.now();
      try {
        const payload = body(i);
        const res = await fetch(url, {
          method: 'POST',
          headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...headers(i) },
          body: payload ? JSON.stringify(payload) : undefined,
        });
        const text = await res.text();
        result.latencies.push(performance.now() - started);
        result.statuses.set(res.status, (result.statuses.get(res.status) ?? 0) + 1);
        result.bodies.push(text);
      } catch {
        result.networkErrors++;
      }
  }
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

async function main() {
  const name = `dp_bench_signup_${Date.now().toString(36)}`;
  const { db, url, meetingId } = await prepareDatabase(name);
  const secret = randomBytes(32).toString('hex');
  const env = {
    ...process.env,
    DATABASE_URL: url,
    REDIS_URL,
    APP_SECRET: secret,
    LOG_LEVEL: 'info',
    RATE_LIMIT_PUBLIC_PER_MINUTE: '100000000',
    RATE_LIMIT_TARGET_PER_MINUTE: '100000000',
    RATE_LIMIT_SIGNUPS_PER_HOUR: '100000000',
    SIGNUP_CONFIRM_MINUTES: '60',
    // A burst of 1,000 at once queues for the pool for seconds: the production timeouts (which answer
    // 503 rather than hang) would cut it short. The bench measures the burst, as before they existed.
    DB_QUERY_TIMEOUT_MS: '120000',
    DB_CONNECT_TIMEOUT_MS: '120000',
    REDIS_COMMAND_TIMEOUT_MS: '60000',
    REDIS_KEY_PREFIX: `${name}:`,
    PORT: String(PORT),
  };
  const api = fork(join(__dirname, 'signup-bench-api.ts'), [], {
    env,
    execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
    stdio: 'ignore',
  });
  try {
    await new Promise((resolve, reject) => {
      api.once('message', resolve);
      api.once('exit', (code) => reject(new Error(`bench api exited with ${code}`)));
    });
    const person = (run: string) => (i: number) => ({ name: `Dalyvis ${i}`, contact: `dalyvis.${run}.${i}@example.lt`, consent: true, language: 'lt' });
    // Warm up both routes (JIT, connection pool) with requests that do not count.
    await fetch(`http://127.0.0.1:${PORT}/bench/baseline/signups`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(person('w')(0)) });
    const warm = await fetch(`http://127.0.0.1:${PORT}/api/public/meetings/00000000-0000-4000-8000-000000000000/signups`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(person('w')(0)),
    });
    if (warm.status !== 404) throw new Error(`sign-up sanity check failed: ${warm.status} ${await warm.text()}`);

    const requests = await burst(`http://127.0.0.1:${PORT}/api/public/meetings/${meetingId}/signups`, person('s'));
    const { rows: pending } = await db.query(`SELECT id FROM signup WHERE meeting_id = $1 AND status = 'pending' ORDER BY position`, [meetingId]);
    const links = pending.map((row) => manageTokenFor(secret, row.id));
    const baseline = await burst(`http://127.0.0.1:${PORT}/bench/baseline/signups`, person('b'));
    const confirms = await burst(`http://127.0.0.1:${PORT}/api/public/signup/confirm`, () => null, (i) => ({ 'x-manage-token': links[i] ?? 'missing' }));

    const { rows: [counts] } = await db.query(
      `SELECT count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed, count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted,
              (SELECT confirmed_count FROM meeting WHERE id = $1) AS counter, (SELECT capacity FROM meeting WHERE id = $1) AS capacity,
              (SELECT count(*)::int FROM message) AS messages, (SELECT count(*)::int FROM outbox WHERE queue = 'messages') AS queued
         FROM signup WHERE meeting_id = $1`,
      [meetingId],
    );
    const answered = confirms.bodies.map((b) => { try { return JSON.parse(b).status as string; } catch { return 'unparsable'; } });
    const errors = REQUESTS - (requests.statuses.get(202) ?? 0) + REQUESTS - (confirms.statuses.get(200) ?? 0);
    const overbooked = Math.max(0, counts.confirmed - counts.capacity, counts.counter - counts.capacity);
    const p99 = percentile(confirms.latencies, 99);
    const baselineP99 = percentile(baseline.latencies, 99);
    const requestP99 = percentile(requests.latencies, 99);
    console.log(`requests for a place: statuses ${JSON.stringify(Object.fromEntries(requests.statuses))}, network errors ${requests.networkErrors}, p50 ${percentile(requests.latencies, 50).toFixed(1)} ms, p99 ${requestP99.toFixed(1)} ms (${(requestP99 / baselineP99).toFixed(2)} x baseline); ${pending.length} pending`);
    console.log(`confirmations: statuses ${JSON.stringify(Object.fromEntries(confirms.statuses))}, network errors ${confirms.networkErrors}; responses said confirmed ${answered.filter((s) => s === 'confirmed').length}, waitlisted ${answered.filter((s) => s === 'waitlisted').length}`);
    console.log(`database: ${counts.confirmed} confirmed, ${counts.waitlisted} waitlisted, meeting counter ${counts.counter} of ${counts.capacity}; ${counts.messages} messages with ${counts.queued} outbox rows`);
    console.log(`confirmation latency ms: p50 ${percentile(confirms.latencies, 50).toFixed(1)}, p90 ${percentile(confirms.latencies, 90).toFixed(1)}, max ${Math.max(...confirms.latencies).toFixed(1)}`);
    console.log(`baseline (plain insert, same burst): p50 ${percentile(baseline.latencies, 50).toFixed(1)} ms, errors ${REQUESTS - (baseline.statuses.get(201) ?? 0)}`);
    console.log(`signup: ${REQUESTS} requests, confirmed: ${counts.confirmed}, waitlisted: ${counts.waitlisted}, overbooked: ${overbooked}, p99: ${p99.toFixed(1)} ms, baseline p99: ${baselineP99.toFixed(1)} ms, ratio: ${(p99 / baselineP99).toFixed(2)}, errors: ${errors}`);
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
