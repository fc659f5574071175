import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { bullPrefix, jobSpec } from '../../libs/jobs/src';
import { createAccount, createMunicipality, type TestAccount } from '../support/factories';
import { createMeeting, createOpenConsultation, pendingManageToken, person } from '../support/consultation-fixtures';
import { freePort } from '../support/private-services';
import { answer, createPublishedSurvey } from '../support/survey-fixtures';
import { startTestApp, TEST_REDIS_URL, type TestApp } from '../support/test-app';
import { allCompiled, FAST_JOBS_ENV, killSpawnedWorkers, spawnApiProcess, spawnWorkerProcess, waitFor } from '../support/test-worker';

/**
 * Nothing may assume one process (DESIGN.md): two api processes and two workers, each its own OS
 * process, on one database and one Redis, driven over real HTTP.
 */
describe('several api and worker processes on one database and Redis', () => {
  let t: TestApp;
  let staff: TestAccount;
  let researcher: TestAccount;
  const apis: string[] = [];

  beforeAll(async () => {
    // Long database waits: this test is about what several processes decide together, not about
    // shedding load (a loaded 2-core machine can keep 40 requests waiting for a connection past 3 s).
    t = await startTestApp({ ...FAST_JOBS_ENV, DB_CONNECT_TIMEOUT_MS: '60000', DB_QUERY_TIMEOUT_MS: '60000' });
    await createMunicipality(t.db, 'birzai');
    staff = await createAccount(t.db, 'staff', ['birzai']);
    researcher = await createAccount(t.db, 'researcher');
    const ports = [await freePort(), await freePort()];
    // Started one after another: four ts-node processes at once starve a 2-core machine.
    for (const port of ports) {
      await spawnApiProcess(t.config, port);
      apis.push(`http://127.0.0.1:${port}`);
    }
    await spawnWorkerProcess(t.config);
    await spawnWorkerProcess(t.config);
  }, 900000);
  afterAll(async () => {
    try {
      await killSpawnedWorkers();
    } finally {
      await t?.close();
    }
  });

  const post = (base: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('confirms exactly the capacity in a sign-up storm split over both apis', async () => {
    const capacity = 12;
    const meeting = await createMeeting(t, staff, await createOpenConsultation(t, staff, 'birzai'), { capacity });
    // 80 residents ask at once, then all confirm by their links at once; the seat is taken on confirming.
    const residents = Array.from({ length: 80 }, () => person());
    const asked = await Promise.all(residents.map((r, i) => post(apis[i % 2], `/api/public/meetings/${meeting.id}/signups`, r)));
    expect(asked.map((res) => res.status).filter((status) => status !== 202)).toEqual([]);
    const tokens = await Promise.all(residents.map((r) => pendingManageToken(t, meeting.id, r.contact)));
    const storm = await Promise.all(tokens.map((token, i) => post(apis[(i + 1) % 2], '/api/public/signup/confirm', {}, { 'x-manage-token': token })));
    const answers = await Promise.all(storm.map(async (res) => ({ status: res.status, body: (await res.json()) as { status: string } })));
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    expect(answers.filter((a) => a.body.status === 'confirmed')).toHaveLength(capacity);
    const { rows } = await t.db.query(
      `SELECT m.confirmed_count, count(s.id) FILTER (WHERE s.status = 'confirmed')::int AS confirmed,
              count(s.id) FILTER (WHERE s.status = 'waitlisted')::int AS waitlisted
         FROM meeting m JOIN signup s ON s.meeting_id = m.id WHERE m.id = $1 GROUP BY m.id`,
      [meeting.id],
    );
    expect(rows).toEqual([{ confirmed_count: capacity, confirmed: capacity, waitlisted: 80 - capacity }]);
    // Every message (confirmation requests, confirmations, waitlist notices) is sent once, by one of the two workers.
    await waitFor('every message sent', async () => {
      const { rows: unsent } = await t.db.query(`SELECT count(*)::int AS n FROM message WHERE sent_at IS NULL`);
      return unsent[0].n === 0;
    });
    const { rows: sends } = await t.db.query(`SELECT max(attempts)::int AS most FROM message`);
    expect(sends[0].most).toBe(1);
  });

  it('runs one compile request once, asked for through both apis at the same moment', async () => {
    const { surveyId, versionId } = await createPublishedSurvey(t, researcher.auth);
    for (let i = 0; i < 6; i++) await answer(t, versionId).expect(201);
    const asked = await Promise.all(apis.map((base) => post(base, `/api/surveys/${surveyId}/results/compilations`, {}, researcher.auth)));
    expect(asked.map((res) => res.status)).toEqual([202, 202]);
    await waitFor('the compile', () => allCompiled(t.db, versionId, 1));

    const { rows: compilation } = await t.db.query(
      `SELECT requested_seq, started_seq, attempt FROM result_compilation WHERE survey_version_id = $1`,
      [versionId],
    );
    expect(compilation).toEqual([{ requested_seq: 1, started_seq: 1, attempt: 1 }]);
    const { rows: outbox } = await t.db.query(`SELECT attempts FROM outbox WHERE job_name = 'compile' AND payload->>'surveyVersionId' = $1`, [versionId]);
    expect(outbox).toEqual([{ attempts: 1 }]);
    // BullMQ ran that one job once: one attempt, completed, by one of the two workers.
    const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue('results', { connection: redis, prefix: bullPrefix(t.config) });
    try {
      const municipality = (await t.db.query(`SELECT id FROM municipality WHERE code = 'birzai'`)).rows[0].id as string;
      const job = await queue.getJob(jobSpec('results', 'compile', { surveyVersionId: versionId, municipalityId: municipality, seq: 1 }).jobId);
      expect(job).toBeDefined();
      // The job writes 'done' to the database just before BullMQ records it completed.
      await waitFor('BullMQ to record the job completed', async () => (await job!.getState()) === 'completed');
      expect(job!.attemptsMade).toBe(1);
      const compileJobs = (await queue.getJobs(['completed', 'failed', 'active', 'waiting', 'delayed'])).filter((j) => j.name === 'compile' && j.data.surveyVersionId === versionId);
      expect(compileJobs).toHaveLength(1);
    } finally {
      await queue.close();
      redis.disconnect();
    }
  });
});
