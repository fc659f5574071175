import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * Services of a test's own, which it may stop, freeze or cut off without disturbing the shared
 * PostgreSQL and Redis other tests (and engineers) use. Every one registers itself with
 * `killOnExit`, so a crashed or timed-out test run leaves none behind.
 */

const spawned = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Kills `child` if this process exits first (a failed test, Jest's forced exit), not only in afterAll. */
export function killOnExit(child: ChildProcess): ChildProcess {
  spawned.add(child);
  child.once('exit', () => spawned.delete(child));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const c of spawned) {
        if (c.pid && c.exitCode === null) {
          try {
            // SIGCONT first: a frozen process cannot act on SIGKILL's cleanup (the kernel still kills it, but a stopped redis keeps its port until resumed).
            process.kill(c.pid, 'SIGCONT');
            c.kill('SIGKILL');
          } catch {
            /* already gone */
          }
        }
      }
    });
  }
  return child;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A redis-server of the test's own, without persistence. Resolves once it accepts connections. */
export async function startRedis(port: number): Promise<ChildProcess> {
  const redis = killOnExit(
    spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    redis.stdout!.on('data', (data: Buffer) => {
      output += data.toString();
      if (output.includes('Ready to accept connections')) resolve();
    });
    redis.once('exit', (code) => reject(new Error(`redis-server exited (${code}):\n${output}`)));
  });
  return redis;
}

/** Stops a process (resuming it first if frozen) and waits until it is gone. */
export function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGCONT');
    child.kill(signal);
  });
}

/**
 * A TCP proxy in front of a service that the test can pause: paused, it accepts connections and
 * reads nothing from either side, so clients see a service that has frozen (as a SIGSTOPped
 * PostgreSQL would look), without touching the shared server behind it. Resumed, it forwards what
 * was held and carries on.
 */
export class PausableProxy {
  private server: Server | undefined;
  private readonly pairs = new Set<[Socket, Socket]>();
  private paused = false;
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.targetPort, this.targetHost);
      const pair: [Socket, Socket] = [client, upstream];
      this.pairs.add(pair);
      client.pipe(upstream);
      upstream.pipe(client);
      if (this.paused) this.hold(pair);
      const drop = () => {
        this.pairs.delete(pair);
        client.destroy();
        upstream.destroy();
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  private hold([client, upstream]: [Socket, Socket]): void {
    client.pause();
    upstream.pause();
  }

  pause(): void {
    this.paused = true;
    for (const pair of this.pairs) this.hold(pair);
  }

  resume(): void {
    this.paused = false;
    for (const [client, upstream] of this.pairs) {
      client.resume();
      upstream.resume();
    }
  }

  async close(): Promise<void> {
    for (const [client, upstream] of this.pairs) {
      client.destroy();
      upstream.destroy();
    }
    this.pairs.clear();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
