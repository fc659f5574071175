import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../libs/database/src';
import { bullPrefix, JobReconciler, OutboxDispatcher, QUEUE_NAMES, type QueueName } from '../../libs/jobs/src';
import { createAccount, createMunicipality } from '../support/factories';
import { createMeeting, createOpenConsultation, person, confirmedSignUp, reminderJobId } from '../support/consultation-fixtures';
import { freePort, startRedis, stopProcess } from '../support/private-services';
import { answer, createPublishedSurvey } from '../support/survey-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { allCompiled, FAST_JOBS_ENV, startInProcessWorker, waitFor } from '../support/test-worker';

const SECOND_IN_HOURS = 1 / 3600;

/**
 * PostgreSQL is the source of truth for jobs: Redis loses everything (FLUSHALL on a private
 * redis-server, as a restart without persistence would), and the workers' reconcilers put back
 * every job still due (a compile, a reminder, unsent messages, the repeating sweeps), which then
 * run, once each, with two workers reconciling side by side.
 */
describe('jobs: the reconciler restores what Redis lost', () => {
  let t: TestApp;
  let redis: ChildProcess;
  let client: Redis;
  const queues = new Map<QueueName, Queue>();
  const workers: INestApplicationContext[] = [];
  let mailDir: string;

  beforeAll(async () => {
    const port = await freePort();
    redis = await startRedis(port);
    mailDir = mkdtempSync(join(tmpdir(), 'reconcile-mail-'));
    t = await startTestApp({
      ...FAST_JOBS_ENV,
      REDIS_URL: `redis://127.0.0.1:${port}`,
      REMINDER_LEAD_MINUTES: '60',
      JOB_RECONCILE_MS: '1000',
      MAIL_DIR: mailDir,
    });
    client = new Redis(t.config.REDIS_URL, { maxRetriesPerRequest: null });
    for (const name of QUEUE_NAMES) queues.set(name, new Queue(name, { connection: client, prefix: bullPrefix(t.config) }));
  });
  afterAll(async () => {
    try {
      for (const worker of workers) await worker.close();
      for (const queue of queues.values()) await queue.close();
      client.disconnect();
      await t?.close();
    } finally {
      await stopProcess(redis);
      rmSync(mailDir, { recursive: true, force: true });
    }
  });

  const jobIds = async () => {
    const ids: string[] = [];
    for (const queue of queues.values()) {
      for (const job of await queue.getJobs(['waiting', 'delayed', 'active', 'prioritized'])) ids.push(job.id!);
    }
    return ids.sort();
  };
  const schedulers = async () => {
    const names: string[] = [];
    for (const [name, queue] of queues) for (const s of await queue.getJobSchedulers()) names.push(`${name}/${s.key}`);
    return names.sort();
  };

  it('re-creates every due job after FLUSHALL, and each runs once', async () => {
    // Work that is due: a compile (six responses), a reminder five seconds away, two people's messages.
    await createMunicipality(t.db, 'birzai');
    const researcher = await createAccount(t.db, 'researcher');
    const staff = await createAccount(t.db, 'staff', ['birzai']);
    const { surveyId, versionId } = await createPublishedSurvey(t, researcher.auth);
    for (let i = 0; i < 6; i++) await answer(t, versionId).expect(201);
    await t.http.post(`/api/surveys/${surveyId}/results/compilations`).set(researcher.auth).send({}).expect(202);
    const meeting = await createMeeting(t, staff, await createOpenConsultation(t, staff, 'birzai'), { startsInHours: 1 + 5 * SECOND_IN_HOURS });
    for (let i = 0; i < 2; i++) await confirmedSignUp(t, meeting.id, person());

    // Hand it all to BullMQ, as a worker's dispatcher would, with no worker to run it yet.
    const dataSource = await new DataSource(dataSourceOptions({ url: t.config.DATABASE_URL, poolSize: 1 })).initialize();
    const dispatcher = new OutboxDispatcher(dataSource, t.config);
    try {
      await waitFor('every outbox row handed over', async () => {
        await dispatcher.dispatch();
        const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL`);
        return rows[0].n === 0;
      });
    } finally {
      await dispatcher.onApplicationShutdown();
      await dataSource.destroy();
    }
    const handedOver = await jobIds();
    expect(handedOver.filter((id) => id.startsWith('compile-'))).toHaveLength(1);
    expect(handedOver).toContain(reminderJobId(meeting));
    // Each person: the email with the link to confirm, then the confirmation.
    expect(handedOver.filter((id) => id.startsWith('message-'))).toHaveLength(4);

    // Redis loses everything.
    await client.flushall();
    expect(await jobIds()).toEqual([]);

    // Two workers start; each reconciles at start and every second.
    workers.push(await startInProcessWorker(t.config), await startInProcessWorker(t.config));
    await waitFor('the compile', () => allCompiled(t.db, versionId, 1), 30000);
    const sent = async (kind: string) =>
      (await t.db.query(`SELECT count(*)::int AS n FROM message WHERE kind = $1 AND sent_at IS NOT NULL`, [kind])).rows[0].n;
    await waitFor('both confirmations sent', async () => (await sent('confirmation')) === 2, 30000);
    await waitFor('both reminders sent', async () => (await sent('reminder')) === 2, 30000);
    expect(await schedulers()).toEqual(['messages/retry-sweep', 'results/close-sweep', 'signups/retention-sweep', 'studies/retention-sweep']);

    // Once each: one compile run, one reminder and one confirmation per person, nothing left to restore.
    const { rows: compiled } = await t.db.query(`SELECT requested_seq, started_seq FROM result_compilation WHERE survey_version_id = $1`, [versionId]);
    expect(compiled).toEqual([{ requested_seq: 1, started_seq: 1 }]);
    const { rows: perPerson } = await t.db.query(
      `SELECT s.id, count(m.id) FILTER (WHERE m.kind = 'reminder')::int AS reminders, count(m.id) FILTER (WHERE m.kind = 'confirmation')::int AS confirmations
         FROM signup s JOIN message m ON m.signup_id = s.id WHERE s.meeting_id = $1 GROUP BY s.id`,
      [meeting.id],
    );
    expect(perPerson.map((r) => [r.reminders, r.confirmations])).toEqual([
      [1, 1],
      [1, 1],
    ]);
    expect((await workers[0].get(JobReconciler).reconcile()).restored).toEqual({});
  });

  it('puts the repeating sweeps back within JOB_RECONCILE_MS when Redis loses them under running workers', async () => {
    await client.flushall();
    await waitFor('the sweeps back', async () => (await schedulers()).length === 4, 15000);
    expect(await schedulers()).toEqual(['messages/retry-sweep', 'results/close-sweep', 'signups/retention-sweep', 'studies/retention-sweep']);
  });
});
