import { isIP } from 'node:net';
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

/** proxy-addr's names for address ranges, which Fastify's trustProxy also takes. */
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const isProxyAddress = (item: string) => {
  if (PROXY_RANGES.has(item)) return true;
  const [address, bits, extra] = item.split('/');
  const family = isIP(address);
  if (!family || extra !== undefined) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
};

/**
 * Which proxies may tell the client's address (X-Forwarded-For): unset, none (the socket address is
 * the client); else a comma-separated list of proxy addresses and CIDR ranges. Not a hop count:
 * Fastify 5.12 trusts nobody with one (it cannot check that the nearest peer is a proxy), and never
 * "trust everyone", which would let any client choose the address its rate limits key on.
 */
const trustProxy = z
  .string()
  .optional()
  .transform((value, context): false | string[] => {
    const text = value?.trim() ?? '';
    if (text === '' || text === 'false') return false;
    const items = text.split(',').map((item) => item.trim());
    const bad = items.find((item) => !isProxyAddress(item));
    if (bad !== undefined) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        message: `must be a comma-separated list of proxy addresses or CIDR ranges ("${bad}" is neither; hop counts are not supported)`,
      });
      return z.NEVER;
    }
    return items;
  });

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
  TRUST_PROXY: trustProxy,
  /** Per client address on public routes: generous, since many residents may share one address. */
  RATE_LIMIT_PUBLIC_PER_MINUTE: intFrom(1, 600),
  /** Per target (one response id) on the routes that name one, whoever sends them: strict. */
  RATE_LIMIT_TARGET_PER_MINUTE: intFrom(1, 30),
  /** Requests for a place at a meeting, per client address per hour. */
  RATE_LIMIT_SIGNUPS_PER_HOUR: intFrom(1, 30),
  LOGIN_MAX_FAILURES: intFrom(1, 5),
  LOGIN_LOCK_MINUTES: intFrom(1, 15),
  SESSION_TTL_HOURS: intFrom(1, 12),
  API_TOKEN_TTL_DAYS: intFrom(1, 90),
  COOKIE_SECURE: flag(false),
  /** How long a password reset link works (it works once). */
  PASSWORD_RESET_TTL_MINUTES: intFrom(5, 60),
  WEB_DIST_DIR: z.string().default('dist/web'),
  DB_POOL_SIZE: intFrom(1, 10),
  // Timeouts: a request that cannot be served answers 503 with Retry-After instead of hanging.
  /** Longest an api statement may run (client-side query_timeout and server-side statement_timeout). */
  DB_QUERY_TIMEOUT_MS: intFrom(100, 4000),
  /** Longest wait for a new PostgreSQL connection, or for a free one in the pool. */
  DB_CONNECT_TIMEOUT_MS: intFrom(100, 3000),
  /** The worker's statement limit: compiles count a million responses in one statement. */
  WORKER_DB_QUERY_TIMEOUT_MS: intFrom(1000, 15 * 60 * 1000),
  /** Longest the api waits for a Redis command (rate limits) before using its in-process fallback. */
  REDIS_COMMAND_TIMEOUT_MS: intFrom(50, 1000),
  /** How long a process starting up keeps retrying PostgreSQL and Redis before it gives up. */
  STARTUP_RETRY_SECONDS: intFrom(0, 60),
  // Background jobs (apps/worker)
  WORKER_CONCURRENCY: intFrom(1, 2),
  OUTBOX_POLL_MS: intFrom(50, 500),
  JOB_ATTEMPTS: intFrom(1, 5),
  JOB_BACKOFF_MS: intFrom(10, 5000),
  /** How often each worker re-creates from PostgreSQL the jobs BullMQ should hold (and does at start). */
  JOB_RECONCILE_MS: intFrom(1000, 5 * 60 * 1000),
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
  /** A sign-up holds no seat until its contact opens the link sent to them, within this many minutes. */
  SIGNUP_CONFIRM_MINUTES: intFrom(1, 30),
  /** How often the worker purges contact details whose retention period has passed. */
  RETENTION_SWEEP_MS: intFrom(1000, 3600 * 1000),
});

export type AppConfig = z.infer<typeof configSchema>;
