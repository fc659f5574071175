import Redis from 'ioredis';
import type { DefaultJobOptions } from 'bullmq';
import type { AppConfig } from '@app/config';

export { QUEUES, type QueueName } from './registry';

/** BullMQ keys live under the app's Redis prefix, so tests (one prefix per file) never share queues. */
export const bullPrefix = (config: AppConfig) => `${config.REDIS_KEY_PREFIX}bull`;

/** Reconnect quickly at first, then every 2 s, for ever: a worker outlives a Redis restart. */
const reconnect = (times: number) => Math.min(times * 100, 2000);

/**
 * A worker blocks on Redis (BZPOPMIN for seconds at a time) and must wait out outages rather than
 * fail commands, as BullMQ requires: maxRetriesPerRequest null, the offline queue on, and no
 * command timeout (it would cut the blocking reads). It reconnects on its own when Redis is back.
 * Nothing a resident waits for runs on this connection.
 */
export const workerConnection = (config: AppConfig) =>
  new Redis(config.REDIS_URL, { maxRetriesPerRequest: null, retryStrategy: reconnect });

/**
 * Adding a job must fail fast when Redis is down or frozen, so the outbox row stays undispatched
 * and is tried again, instead of hanging in ioredis's offline queue: no offline queue, one retry,
 * and a command timeout (a frozen Redis accepts the connection and never answers).
 */
export const producerConnection = (config: AppConfig) =>
  new Redis(config.REDIS_URL, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: Math.max(config.REDIS_COMMAND_TIMEOUT_MS, 3000),
    connectTimeout: 3000,
    retryStrategy: reconnect,
  });

export const defaultJobOptions = (config: AppConfig): DefaultJobOptions => ({
  attempts: config.JOB_ATTEMPTS,
  backoff: { type: 'exponential', delay: config.JOB_BACKOFF_MS },
  // Job ids are unique per request, so keeping finished jobs a while makes a re-dispatched
  // outbox row (or a reconciled job) a no-op instead of a second run.
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
});
