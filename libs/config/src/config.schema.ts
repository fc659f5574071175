import { z } from 'zod';

const postgresUrl = z
  .string({ required_error: 'is required (e.g. postgres://user:pass@host:5432/db)' })
  .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL');
const redisUrl = z
  .string({ required_error: 'is required (e.g. redis://127.0.0.1:6379)' })
  .regex(/^rediss?:\/\//, 'must be a redis:// URL');
const intFrom = (min: number, fallback: number) => z.coerce.number().int().min(min).default(fallback);
const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true' || value === '1');

/** Every variable the platform reads. Validated once at boot so a bad value stops the process early. */
export const configSchema = z.object({
  DATABASE_URL: postgresUrl,
  REDIS_URL: redisUrl,
  REDIS_KEY_PREFIX: z.string().min(1).default('dp:'),
  APP_SECRET: z
    .string({ required_error: 'is required: 32+ random characters used to sign resume links' })
    .min(32, 'must be at least 32 characters'),
  HOST: z.string().default('127.0.0.1'),
  PORT: intFrom(0, 3000),
  PUBLIC_BASE_URL: z.string().url('must be an absolute URL').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: intFrom(1024, 256 * 1024),
  RATE_LIMIT_PUBLIC_PER_MINUTE: intFrom(1, 120),
  LOGIN_MAX_FAILURES: intFrom(1, 5),
  LOGIN_LOCK_MINUTES: intFrom(1, 15),
  SESSION_TTL_HOURS: intFrom(1, 12),
  API_TOKEN_TTL_DAYS: intFrom(1, 90),
  COOKIE_SECURE: flag(false),
  WEB_DIST_DIR: z.string().default('dist/web'),
  DB_POOL_SIZE: intFrom(1, 10),
  // Background jobs (apps/worker)
  WORKER_CONCURRENCY: intFrom(1, 2),
  OUTBOX_POLL_MS: intFrom(50, 500),
  JOB_ATTEMPTS: intFrom(1, 5),
  JOB_BACKOFF_MS: intFrom(10, 5000),
  /** How long a job's lock lasts: a killed worker's job is taken over after about this long. */
  JOB_LOCK_MS: intFrom(1000, 30000),
  /** How often the worker looks for surveys that closed on their own (closes_at passed). */
  RESULTS_CLOSE_SWEEP_MS: intFrom(1000, 60000),
  // Messages to residents (apps/worker sends them)
  /** smtp:// or smtps:// URL of the mail server. Unset: messages are written to MAIL_DIR instead. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().min(3).default('Vietos demokratija <no-reply@localhost>'),
  /** Where messages go when no SMTP server is configured, and SMS always (no gateway is integrated). */
  MAIL_DIR: z.string().default('.data/mail'),
  /** How often unsent messages whose retries ran out (mail server down) are queued again. */
  MESSAGE_RETRY_SWEEP_MS: intFrom(1000, 5 * 60 * 1000),
  /** A reminder goes this long before each meeting to everyone with a confirmed place. */
  REMINDER_LEAD_MINUTES: intFrom(1, 24 * 60),
  /** How often the worker purges contact details whose retention period has passed. */
  RETENTION_SWEEP_MS: intFrom(1000, 3600 * 1000),
});

export type AppConfig = z.infer<typeof configSchema>;
