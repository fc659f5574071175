import type { ChildProcess } from 'node:child_process';
import type { INestApplicationContext } from '@nestjs/common';
import { createAccount, createMunicipality, type TestAccount } from '../support/factories';
import { residentAnswers } from '../support/resident-answers';
import { answer, createPublishedSurvey } from '../support/survey-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { freePort, startRedis, stopProcess as stopRedis } from '../support/private-services';
import { allCompiled, compilations, FAST_JOBS_ENV, killHard, killSpawnedWorkers, spawnWorkerProcess, startInProcessWorker, waitFor } from '../support/test-worker';

interface StoredResults {
  items: unknown;
  response_count: number;
  source_seq: number;
}

async function storedResults(t: TestApp, versionId: string): Promise<StoredResults[]> {
  const { rows } = await t.db.query(
    'SELECT items, response_count, source_seq FROM result_set WHERE survey_version_id = $1',
    [versionId],
  );
  return rows;
}

async function arrangeSurvey(t: TestApp, responses: number): Promise<{ researcher: TestAccount; surveyId: string; versionId: string }> {
  await createMunicipality(t.db, 'birzai');
  const researcher = await createAccount(t.db, 'researcher');
  const { surveyId, versionId } = await createPublishedSurvey(t, researcher.auth);
  for (const answers of residentAnswers(5, responses)) await answer(t, versionId, { answers }).expect(201);
  return { researcher, surveyId, versionId };
}

describe('results: a worker killed mid-job', () => {
  let t: TestApp;
  let worker: ChildProcess | undefined;

  beforeAll(async () => {
    t = await startTestApp(FAST_JOBS_ENV);
  });
  afterAll(async () => {
    try {
      await killSpawnedWorkers();
    } finally {
      await t?.close();
    }
  });

  // Two worker processes start from source here (ts-node): on a loaded machine that alone takes a while.
  it('is taken over by another worker, which stores exactly what a clean run stores', async () => {
    const { researcher, surveyId, versionId } = await arrangeSurvey(t, 40);
    worker = await spawnWorkerProcess(t.config);
    const compile = () => t.http.post(`/api/surveys/${surveyId}/results/compilations`).set(researcher.auth).send({}).expect(202);

    // A clean run first: what every later run must reproduce.
    await compile();
    await waitFor('the clean run', () => allCompiled(t.db, versionId, 1), 60000);
    const [clean] = await storedResults(t, versionId);
    expect(clean.source_seq).toBe(1);

    // Hold writes to result_set, so the next run stops inside its saving transaction.
    const blocker = await t.db.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE result_set IN SHARE MODE');
      await compile();
      await waitFor('the second run to reach its save', async () => {
        const [row] = await compilations(t.db, versionId);
        return row.status === 'running' && row.started_seq === 2 && row.progress === 90;
      });
      await killHard(worker);
      worker = undefined;
    } finally {
      await blocker.query('COMMIT');
      blocker.release();
    }

    // The dead worker's transaction never committed: still the clean run's rows, and the job is not done.
    expect(await storedResults(t, versionId)).toEqual([clean]);
    expect((await compilations(t.db, versionId))[0]).toMatchObject({ status: 'running', requested_seq: 2 });

    // A new worker finds the job stalled (its lock expired) and runs it again.
    worker = await spawnWorkerProcess(t.config);
    await waitFor('the re-run after the kill', () => allCompiled(t.db, versionId, 1), 60000);
    const after = await storedResults(t, versionId);
    expect(after).toEqual([{ ...clean, source_seq: 2 }]);
    expect((await compilations(t.db, versionId))[0]).toMatchObject({ status: 'done', progress: 100, last_error: null });
  }, 240000);
});

describe('results: a compile requested while Redis is down', () => {
  let t: TestApp;
  let worker: INestApplicationContext | undefined;
  let redis: ChildProcess;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    t = await startTestApp({ ...FAST_JOBS_ENV, REDIS_URL: `redis://127.0.0.1:${port}` });
    worker = await startInProcessWorker(t.config);
  });
  afterAll(async () => {
    try {
      await worker?.close();
      await t?.close();
    } finally {
      await stopRedis(redis);
    }
  });

  it('waits in the outbox and runs once Redis is back', async () => {
    const { researcher, surveyId, versionId } = await arrangeSurvey(t, 12);
    await stopRedis(redis);

    await t.http.post(`/api/surveys/${surveyId}/results/compilations`).set(researcher.auth).send({}).expect(202);
    // The dispatcher keeps trying (it polls every 100 ms here) and records why it could not.
    await waitFor('a failed dispatch attempt', async () => {
      const { rows } = await t.db.query(`SELECT attempts, last_error FROM outbox WHERE dispatched_at IS NULL`);
      return rows.length === 1 && rows[0].attempts >= 2 && typeof rows[0].last_error === 'string';
    });
    expect((await compilations(t.db, versionId))[0]).toMatchObject({ status: 'queued', requested_seq: 1 });
    expect(await storedResults(t, versionId)).toEqual([]);

    redis = await startRedis(port);
    await waitFor('the compile after Redis returned', () => allCompiled(t.db, versionId, 1), 60000);
    const [stored] = await storedResults(t, versionId);
    expect(stored).toMatchObject({ response_count: 12, source_seq: 1 });
    const { rows } = await t.db.query(`SELECT count(*)::int AS waiting FROM outbox WHERE dispatched_at IS NULL`);
    expect(rows[0].waiting).toBe(0);
  });
});
