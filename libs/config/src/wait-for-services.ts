import Redis from 'ioredis';
import { Client } from 'pg';
import type { AppConfig } from './config.schema';

/** The process gave up waiting for a service; its message is the one line to print. */
export class ServiceUnreachableError extends Error {}

/** Where a URL points, without its credentials, for messages. */
function hostOf(url: string): string {
  try {
    const { hostname, port } = new URL(url);
    return port ? `${hostname}:${port}` : hostname;
  } catch {
    return 'the configured address';
  }
}

function reasonOf(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return typeof code === 'string' ? code : typeof message === 'string' ? message.split('\n')[0] : 'no answer';
}

async function postgresAnswers(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000, query_timeout: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function redisAnswers(url: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 3000, commandTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } finally {
    redis.disconnect();
  }
}

/**
 * Waits until PostgreSQL (and Redis, when `redis` is set) answer, before a process builds on them.
 * Each failed try is one line on stderr naming the service, its address and the reason; the waits
 * grow from 0.5 s to 5 s, and after STARTUP_RETRY_SECONDS it gives up with a ServiceUnreachableError
 * (the caller prints its message and exits 1). No stack traces: nothing is wrong with the code.
 */
export async function waitForServices(
  processName: string,
  config: Pick<AppConfig, 'DATABASE_URL' | 'REDIS_URL' | 'STARTUP_RETRY_SECONDS'>,
  { redis = true }: { redis?: boolean } = {},
): Promise<void> {
  const services: [string, string, (url: string) => Promise<void>][] = [['PostgreSQL', config.DATABASE_URL, postgresAnswers]];
  if (redis) services.push(['Redis', config.REDIS_URL, redisAnswers]);
  const deadline = Date.now() + config.STARTUP_RETRY_SECONDS * 1000;
  for (const [service, url, probe] of services) {
    for (let attempt = 1; ; attempt++) {
      try {
        await probe(url);
        if (attempt > 1) console.error(`${processName}: ${service} at ${hostOf(url)} answers now`);
        break;
      } catch (error) {
        const wait = Math.min(500 * 2 ** (attempt - 1), 5000);
        if (Date.now() + wait > deadline) {
          throw new ServiceUnreachableError(
            `${processName}: cannot reach ${service} at ${hostOf(url)} (${reasonOf(error)}); gave up after ${config.STARTUP_RETRY_SECONDS} s`,
          );
        }
        console.error(`${processName}: cannot reach ${service} at ${hostOf(url)} (${reasonOf(error)}); retrying in ${wait / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }
}

/** For a process's main(): one line and exit 1 for an unreachable service, the stack for anything else. */
export function exitOnStartupFailure(error: unknown): never {
  console.error(error instanceof ServiceUnreachableError ? error.message : error);
  process.exit(1);
}
