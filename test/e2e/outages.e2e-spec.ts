import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { hashPassword } from '../../libs/auth/src/secrets';
import { createAccount, createMunicipality, type TestAccount } from '../support/factories';
import { createMeeting, createOpenConsultation, manage, pendingManageToken, person, signUp } from '../support/consultation-fixtures';
import { freePort, PausableProxy, startRedis, stopProcess } from '../support/private-services';
import { releaseSettled } from '../support/results-releases';
import { answer, createPublishedSurvey, type PublishedSurvey } from '../support/survey-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { FAST_JOBS_ENV, startInProcessWorker, waitFor } from '../support/test-worker';

/** Figures for the report: how long each request took during an outage. */
const measured: Record<string, number> = {};
afterAll(() => {
  // One line, read by whoever runs the suite (README's outage figures come from here).
  process.stdout.write(`outage timings (ms): ${JSON.stringify(measured)}\n`);
});

async function timed<T>(label: string, work: () => PromiseLike<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  measured[label] = Math.round(performance.now() - started);
  return result;
}

const PASSWORD = 'correct horse battery staple';

interface Arranged {
  researcher: TestAccount;
  staff: TestAccount;
  survey: PublishedSurvey;
  slug: string;
  meetingId: string;
  signInEmail: string;
}

/** A published survey with published results, an open meeting, and an account that signs in with a password. */
async function arrange(t: TestApp): Promise<Arranged> {
  await createMunicipality(t.db, 'birzai');
  const researcher = await createAccount(t.db, 'researcher');
  const staff = await createAccount(t.db, 'staff', ['birzai']);
  const survey = await createPublishedSurvey(t, researcher.auth);
  for (let i = 0; i < 6; i++) await answer(t, survey.versionId).expect(201);
  await t.http.post(`/api/surveys/${survey.surveyId}/results/releases`).set(researcher.auth).send({}).expect(202);
  await releaseSettled(t.db, survey.versionId, 1);
  await t.http.put(`/api/surveys/${survey.surveyId}/results/publication`).set(researcher.auth).send({ version: 1, questions: ['trust'] }).expect(200);
  const { rows } = await t.db.query(`SELECT slug FROM survey WHERE id = $1`, [survey.surveyId]);
  const meetingId = (await createMeeting(t, staff, await createOpenConsultation(t, staff, 'birzai'), { capacity: 50 })).id;
  const signInEmail = `ruta.${randomUUID().slice(0, 8)}@test.local`;
  await t.db.query(`INSERT INTO account (email, display_name, password_hash, role) VALUES ($1, 'Rūta', $2, 'researcher')`, [
    signInEmail,
    await hashPassword(PASSWORD),
  ]);
  return { researcher, staff, survey, slug: rows[0].slug, meetingId, signInEmail };
}

/**
 * Everything a resident or a visitor does on the public path, at once, each timed under `label`.
 * A sign-up is the request and then the confirmation by the emailed link (`confirm`: skipped
 * while the database is away, since the request could not be stored).
 */
async function publicPath(t: TestApp, a: Arranged, label: string, { confirm = true } = {}) {
  const signUpAndConfirm = async () => {
    const resident = person();
    const asked = await timed(`${label}: sign-up`, () => signUp(t, a.meetingId, resident));
    if (!confirm || asked.status !== 202) return { asked, confirmed: undefined };
    const token = await pendingManageToken(t, a.meetingId, resident.contact);
    const confirmed = await timed(`${label}: confirm`, () => manage(t, 'post', '/confirm', token));
    return { asked, confirmed };
  };
  const [submitted, signedUp, surveys, meetings, results, signIn] = await Promise.all([
    timed(`${label}: submit`, () => answer(t, a.survey.versionId)),
    signUpAndConfirm(),
    timed(`${label}: public surveys`, () => t.http.get('/api/public/municipalities/birzai/surveys')),
    timed(`${label}: public meetings`, () => t.http.get('/api/public/municipalities/birzai/meetings')),
    timed(`${label}: published results`, () => t.http.get(`/api/public/results/${a.slug}`)),
    timed(`${label}: sign-in`, () => t.http.post('/api/auth/sessions').send({ email: a.signInEmail, password: PASSWORD })),
  ]);
  return { submitted, signedUp: signedUp.asked, confirmed: signedUp.confirmed, surveys, meetings, results, signIn };
}

/** The statuses of one publicPath round, confirm last. */
const statuses = (r: Awaited<ReturnType<typeof publicPath>>) => [
  r.submitted.status,
  r.signedUp.status,
  r.surveys.status,
  r.meetings.status,
  r.results.status,
  r.signIn.status,
  r.confirmed?.status,
];

describe('outages: Redis stopped or frozen', () => {
  let t: TestApp;
  let worker: INestApplicationContext | undefined;
  let redis: ChildProcess;
  let port: number;
  let a: Arranged;

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    t = await startTestApp({ ...FAST_JOBS_ENV, REDIS_URL: `redis://127.0.0.1:${port}`, MAIL_DIR: `/tmp/outages-mail-${randomUUID()}` });
    worker = await startInProcessWorker(t.config);
    a = await arrange(t);
  }, 60000);
  afterAll(async () => {
    try {
      redis.kill('SIGCONT');
      await worker?.close();
      await t?.close();
    } finally {
      await stopProcess(redis);
    }
  });

  it('lets residents submit and sign up while Redis is stopped; public pages and sign-in answer; the jobs run once it is back', async () => {
    await stopProcess(redis);
    const r = await publicPath(t, a, 'redis stopped');
    expect(statuses(r)).toEqual([201, 202, 200, 200, 200, 201, 200]);
    expect(r.confirmed!.body.status).toBe('confirmed');
    // A compile asked for while Redis is down (responses ask for none; results change at releases).
    await t.http.post(`/api/surveys/${a.survey.surveyId}/results/compilations`).set(a.researcher.auth).send({}).expect(202);
    // What needs Redis waits in the outbox: the email with the link to confirm, the confirmation, and the compile.
    const confirmation = r.confirmed!.body.id as string;
    await waitFor('the dispatcher to find Redis down', async () => {
      const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL AND attempts > 0 AND last_error IS NOT NULL`);
      return rows[0].n >= 1;
    });
    const unsent = await t.db.query(`SELECT kind, sent_at FROM message WHERE signup_id = $1 ORDER BY created_at`, [confirmation]);
    expect(unsent.rows).toEqual([
      { kind: 'confirm_request', sent_at: null },
      { kind: 'confirmation', sent_at: null },
    ]);

    redis = await startRedis(port);
    await waitFor('the sign-up\'s messages sent after Redis returned', async () => {
      const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM message WHERE signup_id = $1 AND sent_at IS NOT NULL`, [confirmation]);
      return rows[0].n === 2;
    }, 30000);
    await waitFor('the compile asked for while Redis was down', async () => {
      const { rows } = await t.db.query(`SELECT response_count FROM result_set WHERE survey_version_id = $1`, [a.survey.versionId]);
      return rows[0]?.response_count === 7;
    }, 30000);
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL`);
    expect(rows[0].n).toBe(0);
  });

  it('never hangs a request while Redis is frozen (SIGSTOP): each answers within the command timeout', async () => {
    // Redis is back from the previous test; sign-ups go through Redis-backed rate limits again.
    await waitFor('Redis answering the api', async () => (await t.http.get('/api/health')).status === 200);
    redis.kill('SIGSTOP');
    try {
      const r = await publicPath(t, a, 'redis frozen');
      expect(statuses(r)).toEqual([201, 202, 200, 200, 200, 201, 200]);
      // The api noticed the freeze (a command timed out) and now skips Redis at once.
      const later = await publicPath(t, a, 'redis still frozen');
      expect(statuses(later)).toEqual([201, 202, 200, 200, 200, 201, 200]);
      for (const [label, ms] of Object.entries(measured)) if (label.startsWith('redis')) expect(ms).toBeLessThan(5000);
      const health = await timed('redis frozen: health', () => t.http.get('/api/health'));
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ redis: 'down', database: 'up' });
    } finally {
      redis.kill('SIGCONT');
    }
    await waitFor('health after Redis resumed', async () => (await t.http.get('/api/health')).status === 200);
  });
});

describe('outages: PostgreSQL frozen', () => {
  let t: TestApp;
  let proxy: PausableProxy;
  let a: Arranged;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    proxy = new PausableProxy('127.0.0.1', 5432);
    await proxy.start();
    t = await startTestApp(
      FAST_JOBS_ENV,
      {
        apiDatabaseUrl: (url) => {
          const viaProxy = new URL(url);
          viaProxy.host = `127.0.0.1:${proxy.port}`;
          return viaProxy.toString();
        },
      },
    );
    worker = await startInProcessWorker(t.config);
    a = await arrange(t);
    await worker.close();
    worker = undefined;
  }, 60000);
  afterAll(async () => {
    try {
      proxy.resume();
      await worker?.close();
      await t?.close();
    } finally {
      await proxy.close();
    }
  });

  it('answers 503 with Retry-After within 5 s while the database does not answer, and recovers by itself', async () => {
    expect((await t.http.get('/api/public/municipalities/birzai/surveys')).status).toBe(200);
    proxy.pause();
    let frozen;
    try {
      frozen = await publicPath(t, a, 'postgres frozen', { confirm: false });
    } finally {
      proxy.resume();
    }
    const { confirmed: _notAsked, ...answers } = frozen;
    for (const res of Object.values(answers)) {
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
    }
    for (const [label, ms] of Object.entries(measured)) if (label.startsWith('postgres frozen')) expect(ms).toBeLessThan(5000);

    // No restart: the same process serves again once the database answers.
    const resumed = performance.now();
    await waitFor('the api serving again', async () => (await t.http.get('/api/public/municipalities/birzai/surveys')).status === 200);
    measured['postgres resumed: first 200 after'] = Math.round(performance.now() - resumed);
    const again = await publicPath(t, a, 'postgres resumed');
    expect(statuses(again)).toEqual([201, 202, 200, 200, 200, 201, 200]);
  });
});
