import { spawn, type ChildProcess } from 'node:child_process';
import type { INestApplicationContext } from '@nestjs/common';
import type { Pool } from 'pg';
import { createWorker } from '../../apps/worker/src/create-worker';
import type { AppConfig } from '../../libs/config/src';
import { killOnExit } from './private-services';
import { closedSoFar } from './teardown-signal';

/** Fast settings for tests: poll the outbox often, take over a dead worker's job within seconds. */
export const FAST_JOBS_ENV = {
  OUTBOX_POLL_MS: '100',
  JOB_LOCK_MS: '2000',
  JOB_BACKOFF_MS: '200',
  RESULTS_CLOSE_SWEEP_MS: '1000',
};

/** The worker in this process, built exactly as `npm start` builds it. */
export function startInProcessWorker(config: AppConfig): Promise<INestApplicationContext> {
  return createWorker(config);
}

const spawnedWorkers = new Set<ChildProcess>();

/**
 * The worker as its own OS process (from source, via ts-node), so a test can kill it without
 * warning. Resolves once it says it is ready. Every one is tracked: `killSpawnedWorkers()` in
 * afterAll ends them all (also one a timed-out test spawned after its afterAll began), they never
 * keep Jest's event loop alive, and they are killed when the test process exits.
 */
export function spawnWorkerProcess(config: AppConfig): Promise<ChildProcess> {
  const env: Record<string, string> = { ...(process.env as Record<string, string>) };
  for (const [key, value] of Object.entries(config)) if (value !== undefined) env[key] = String(value);
  const child = killOnExit(
    spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/worker/src/main.ts'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  spawnedWorkers.add(child);
  child.once('exit', () => spawnedWorkers.delete(child));
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (data: Buffer) => {
      output += data.toString();
      if (output.includes('worker ready')) {
        // From here on the child and its pipes must not hold the test process open.
        child.unref();
        (child.stdout as unknown as { unref?: () => void }).unref?.();
        (child.stderr as unknown as { unref?: () => void }).unref?.();
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (data: Buffer) => (output += data.toString()));
    child.once('exit', (code) => reject(new Error(`worker exited (${code}) before it was ready:\n${output}`)));
  });
}

export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/**
 * The api as its own OS process (from source), listening on `port`; resolves once /api/health
 * answers 200. Tracked like the workers: killed by killSpawnedWorkers() and on exit.
 */
export async function spawnApiProcess(config: AppConfig, port: number): Promise<ChildProcess> {
  const env: Record<string, string> = { ...(process.env as Record<string, string>) };
  for (const [key, value] of Object.entries(config)) if (value !== undefined) env[key] = String(value);
  env.PORT = String(port);
  env.HOST = '127.0.0.1';
  const child = killOnExit(
    spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    }),
  );
  spawnedWorkers.add(child);
  child.once('exit', () => spawnedWorkers.delete(child));
  let errors = '';
  child.stderr!.on('data', (data: Buffer) => (errors += data.toString()));
  await waitFor(`the api on port ${port}`, async () => {
    if (child.exitCode !== null) throw new Error(`api exited (${child.exitCode}) before it was ready:\n${errors}`);
    return fetch(`http://127.0.0.1:${port}/api/health`).then((res) => res.ok, () => false);
  });
  child.unref();
  (child.stderr as unknown as { unref?: () => void }).unref?.();
  return child;
}

/** Kills every worker process a test spawned and waits until each is gone. */
export async function killSpawnedWorkers(): Promise<void> {
  await Promise.all([...spawnedWorkers].map((child) => killHard(child)));
}

export interface CompilationRow {
  municipality: string;
  status: string;
  progress: number;
  last_error: string | null;
  requested_seq: number;
  started_seq: number;
}

export async function compilations(db: Pool, versionId: string): Promise<CompilationRow[]> {
  const { rows } = await db.query(
    `SELECT m.code AS municipality, c.status, c.progress, c.last_error, c.requested_seq, c.started_seq
       FROM result_compilation c JOIN municipality m ON m.id = c.municipality_id
      WHERE c.survey_version_id = $1 ORDER BY m.code`,
    [versionId],
  );
  return rows;
}

/**
 * Polls until `done` returns true (checked against the database, never by sleeping a fixed time).
 * The bound is generous (a loaded machine is slow, not wrong) and stays below Jest's testTimeout
 * (120 s), so a condition that never comes fails with its name rather than as a test timeout.
 */
export async function waitFor(what: string, done: () => Promise<boolean>, timeoutMs = 60000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const closedAtStart = closedSoFar();
  while (Date.now() < deadline) {
    if (closedSoFar() !== closedAtStart) throw new Error(`Stopped waiting for ${what}: the test file is closing`);
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}

export async function allCompiled(db: Pool, versionId: string, count: number): Promise<boolean> {
  const rows = await compilations(db, versionId);
  return rows.length === count && rows.every((row) => row.status === 'done' && row.requested_seq === row.started_seq);
}
