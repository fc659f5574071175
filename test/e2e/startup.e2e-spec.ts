import { spawn, type ChildProcess } from 'node:child_process';
import { freePort, killOnExit, PausableProxy, stopProcess } from '../support/private-services';
import { startTestApp, type TestApp } from '../support/test-app';
import { waitFor } from '../support/test-worker';

interface Started {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** An app's entry point as its own process, from source, with `env` over the test app's config. */
function startEntry(entry: string, t: TestApp, env: Record<string, string>): Started {
  const merged: Record<string, string> = { ...(process.env as Record<string, string>) };
  for (const [key, value] of Object.entries(t.config)) if (value !== undefined) merged[key] = String(value);
  const child = killOnExit(
    spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', entry], {
      env: { ...merged, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    }),
  );
  let stderr = '';
  child.stderr!.on('data', (data: Buffer) => (stderr += data.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stderr: () => stderr, exited };
}

/** A process that cannot reach a service at start says so in one line per try and retries, with a bound. */
describe('startup without the services', () => {
  let t: TestApp;
  const started: Started[] = [];
  let proxy: PausableProxy | undefined;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    try {
      for (const s of started) await stopProcess(s.child, 'SIGKILL');
      await proxy?.close();
    } finally {
      await t?.close();
    }
  });

  it('gives up after STARTUP_RETRY_SECONDS with one line per try and no stack', async () => {
    const closedPort = await freePort();
    const worker = startEntry('apps/worker/src/main.ts', t, {
      DATABASE_URL: `postgres://postgres@127.0.0.1:${closedPort}/nowhere`,
      STARTUP_RETRY_SECONDS: '2',
    });
    started.push(worker);
    expect(await worker.exited).toBe(1);
    const lines = worker.stderr().trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines.slice(0, -1)) {
      expect(line).toMatch(new RegExp(`^worker: cannot reach PostgreSQL at 127\\.0\\.0\\.1:${closedPort} \\(ECONNREFUSED\\); retrying in [\\d.]+ s$`));
    }
    expect(lines.at(-1)).toBe(`worker: cannot reach PostgreSQL at 127.0.0.1:${closedPort} (ECONNREFUSED); gave up after 2 s`);
  });

  it('retries until PostgreSQL answers, then starts', async () => {
    proxy = new PausableProxy('127.0.0.1', 5432);
    await proxy.start();
    proxy.pause();
    const url = new URL(t.config.DATABASE_URL);
    url.host = `127.0.0.1:${proxy.port}`;
    const port = await freePort();
    const api = startEntry('apps/api/src/main.ts', t, { DATABASE_URL: url.toString(), PORT: String(port), STARTUP_RETRY_SECONDS: '120' });
    started.push(api);
    await waitFor('a retry line', () => Promise.resolve(/^api: cannot reach PostgreSQL at 127\.0\.0\.1:\d+ \(.+\); retrying in/m.test(api.stderr())));
    proxy.resume();
    await waitFor('the api serving', () => fetch(`http://127.0.0.1:${port}/api/health`).then((res) => res.ok, () => false), 90000);
    expect(api.stderr()).toMatch(/^api: PostgreSQL at 127\.0\.0\.1:\d+ answers now$/m);
    expect(api.stderr()).not.toMatch(/^\s+at /m);
  });
});
