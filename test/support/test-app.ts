import { randomBytes, randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import { Pool } from 'pg';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/create-app';
import { parseConfig, type AppConfig } from '../../libs/config/src';
import { cloneDatabase } from '../../libs/database/src/testing/test-databases';
import { markClosing } from './teardown-signal';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestApp {
  app: NestFastifyApplication;
  http: ReturnType<typeof request>;
  /** Direct access for arranging data and checking what was (not) stored. */
  db: Pool;
  config: AppConfig;
  close(): Promise<void>;
}

/** A fresh database cloned from the run's template and its own Redis key prefix: no shared state. */
export async function freshDatabase(): Promise<string> {
  const template = process.env.TEST_TEMPLATE_DB;
  if (!template) throw new Error('TEST_TEMPLATE_DB is not set: run tests through jest (globalSetup)');
  return cloneDatabase(template, `${process.env.TEST_RUN_PREFIX}_${randomBytes(4).toString('hex')}`);
}

export interface TestAppOptions {
  /** The api reaches the database through this URL (e.g. a proxy the test can pause); `db` stays direct. */
  apiDatabaseUrl?: (databaseUrl: string) => string;
}

export async function startTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const databaseUrl = await freshDatabase();
  const prefix = `test:${randomUUID()}:`;
  const config = parseConfig({
    DATABASE_URL: options.apiDatabaseUrl ? options.apiDatabaseUrl(databaseUrl) : databaseUrl,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
    APP_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    RATE_LIMIT_PUBLIC_PER_MINUTE: '100000',
    RATE_LIMIT_TARGET_PER_MINUTE: '100000',
    RATE_LIMIT_SIGNUPS_PER_HOUR: '100000',
    WEB_DIST_DIR: 'dist/web',
    ...env,
  });
  const app = await createApiApp(config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const db = new Pool({ connectionString: databaseUrl, max: 2 });
  return {
    app,
    http: request(app.getHttpServer()),
    db,
    config,
    // Each step runs even if an earlier one fails, so a failed test still releases everything.
    close: async () => {
      markClosing();
      try {
        await app.close();
      } finally {
        try {
          await db.end();
        } finally {
          await deleteKeys(config.REDIS_URL, prefix);
        }
      }
    },
  };
}

async function deleteKeys(url: string, prefix: string): Promise<void> {
  // A private Redis the test already stopped: nothing to delete, and nothing to wait for.
  const redis = new Redis(url, { maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 2000 });
  redis.on('error', () => undefined);
  try {
    const keys = await redis.keys(`${prefix}*`).catch(() => [] as string[]);
    if (keys.length) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
