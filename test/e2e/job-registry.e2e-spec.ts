import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import type { Pool } from 'pg';
import { requestResultCompilation } from '../../libs/database/src/sql/request-result-compilation';
import { bullPrefix, isJobName, isQueueName, JOBS, jobSpec, QUEUE_NAMES } from '../../libs/jobs/src';
import { createAccount, createMunicipality } from '../support/factories';
import { createMeeting, createOpenConsultation, manage, person, confirmedSignUp } from '../support/consultation-fixtures';
import { answer, createPublishedSurvey } from '../support/survey-fixtures';
import { startTestApp, TEST_REDIS_URL, type TestApp } from '../support/test-app';
import { FAST_JOBS_ENV, startInProcessWorker, waitFor } from '../support/test-worker';

interface OutboxRow {
  queue: string;
  job_name: string;
  job_id: string;
  payload: unknown;
}

/** What is wrong with an outbox row by the registry's lights (queue, name, id scheme), or null. */
function mismatch(row: OutboxRow): string | null {
  const { queue, job_name: name } = row;
  if (!isQueueName(queue)) return `unknown queue ${queue}`;
  if (!isJobName(queue, row.job_name)) return `unknown job ${queue}/${name}`;
  if ((JOBS[queue] as Record<string, { kind: string }>)[name].kind !== 'once') return `${queue}/${name} is a repeating job, never an outbox row`;
  const expected = jobSpec(queue, name as never, row.payload as never).jobId;
  return expected === row.job_id ? null : `${queue}/${name}: job id ${row.job_id}, the registry derives ${expected}`;
}

const outboxRows = async (db: Pool): Promise<OutboxRow[]> =>
  (await db.query(`SELECT queue, job_name, job_id, payload FROM outbox ORDER BY id`)).rows;

/**
 * The SQL functions that write outbox rows (libs/database/src/sql: request_result_compilation,
 * take_signup) and the TypeScript writers all produce rows the registry agrees with: the same
 * queue and job names and the same job ids, so a job the outbox hands over is one a processor
 * knows, and a job the reconciler re-creates has the id the outbox would have given it.
 */
describe('jobs: one registry for every writer of jobs', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ REMINDER_LEAD_MINUTES: '60' });
    await createMunicipality(t.db, 'birzai');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('every outbox row written by the SQL functions and the services matches the registry', async () => {
    const researcher = await createAccount(t.db, 'researcher');
    const staff = await createAccount(t.db, 'staff', ['birzai']);
    const { surveyId, versionId } = await createPublishedSurvey(t, researcher.auth);
    await answer(t, versionId).expect(201);
    // request_result_compilation (responses no longer ask for compiles; a researcher does)
    await t.http.post(`/api/surveys/${surveyId}/results/compilations`).set(researcher.auth).send({}).expect(202);
    const meeting = await createMeeting(t, staff, await createOpenConsultation(t, staff, 'birzai'), { capacity: 1 }); // the reminder
    const first = await confirmedSignUp(t, meeting.id, person()); // take_signup: a confirmation
    await confirmedSignUp(t, meeting.id, person()); // take_signup: waitlisted
    await manage(t, 'post', '/cancel', first.body.manageToken).expect(200); // a promotion (enqueueMessages)

    const rows = await outboxRows(t.db);
    expect(rows.map(mismatch).filter(Boolean)).toEqual([]);
    // Every one-off job the registry declares was written by at least one of these paths.
    const written = new Set(rows.map((r) => `${r.queue}/${r.job_name}`));
    const oneOff = QUEUE_NAMES.flatMap((q) =>
      Object.entries(JOBS[q] as Record<string, { kind: string }>).filter(([, d]) => d.kind === 'once').map(([n]) => `${q}/${n}`),
    );
    expect(oneOff.filter((job) => !written.has(job))).toEqual([]);
  });

  it('notices a SQL function that writes its own job name or id scheme', async () => {
    // The check is real: a variant of request_result_compilation that names its job differently fails it.
    const broken = requestResultCompilation.sql.replace(`'results', 'compile', 'compile-'`, `'results', 'compile-results', 'compile:'`);
    expect(broken).not.toBe(requestResultCompilation.sql);
    const client = await t.db.connect();
    try {
      await client.query('BEGIN');
      await client.query(broken);
      await client.query(`DELETE FROM result_compilation`);
      const { rows: version } = await client.query(`SELECT id FROM survey_version LIMIT 1`);
      const { rows: municipality } = await client.query(`SELECT id FROM municipality WHERE code = 'birzai'`);
      await client.query(`SELECT request_result_compilation($1, $2, 0)`, [version[0].id, municipality[0].id]);
      const { rows } = await client.query(`SELECT queue, job_name, job_id, payload FROM outbox WHERE job_name <> 'compile' AND queue = 'results'`);
      expect(rows.map(mismatch)).toEqual(['unknown job results/compile-results']);
      expect(mismatch({ ...rows[0], job_name: 'compile' })).toMatch(/job id compile:.*the registry derives compile-/);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});

describe('jobs: a job no processor knows', () => {
  let t: TestApp;
  let worker: INestApplicationContext | undefined;
  let redis: Redis;
  let queue: Queue;

  beforeAll(async () => {
    t = await startTestApp({ ...FAST_JOBS_ENV, JOB_ATTEMPTS: '3' });
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    queue = new Queue('signups', { connection: redis, prefix: bullPrefix(t.config) });
    worker = await startInProcessWorker(t.config);
  });
  afterAll(async () => {
    try {
      await worker?.close();
      await queue?.close();
      redis?.disconnect();
    } finally {
      await t?.close();
    }
  });

  it('fails at once, naming the job, instead of running another job in its place', async () => {
    // Before the registry, an unknown name on the signups queue ran the retention purge.
    const job = await queue.add('purge-everything', {}, { jobId: 'unknown-1' });
    await waitFor('the job to fail', async () => (await job.getState()) === 'failed');
    const failed = (await queue.getJob('unknown-1'))!;
    expect(failed.failedReason).toBe('No processor for job "purge-everything" on queue signups');
    expect(failed.returnvalue).toBeFalsy();
    // Unrecoverable: not retried although JOB_ATTEMPTS allows three.
    expect(failed.attemptsMade).toBe(1);
  });
});
