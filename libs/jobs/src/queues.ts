import Redis from 'ioredis';
import type { DefaultJobOptions } from 'bullmq';
import type { AppConfig } from '@app/config';

/** Queue names; BullMQ forbids ':' in them. */
export const QUEUES = { results: 'results', messages: 'messages', signups: 'signups' } as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** BullMQ keys live under the app's Redis prefix, so tests (one prefix per file) never share queues. */
export const bullPrefix = (config: AppConfig) => `${config.REDIS_KEY_PREFIX}bull`;

/**
 * A worker blocks on Redis and must wait out outages rather than fail commands, as BullMQ
 * requires (maxRetriesPerRequest: null); it reconnects on its own when Redis is back.
 */
export const workerConnection = (config: AppConfig) => new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });

/**
 * Adding a job must fail fast when Redis is down, so the outbox row stays undispatched and is
 * tried again, instead of hanging in ioredis's offline queue.
 */
export const producerConnection = (config: AppConfig) =>
  new Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });

export const defaultJobOptions = (config: AppConfig): DefaultJobOptions => ({
  attempts: config.JOB_ATTEMPTS,
  backoff: { type: 'exponential', delay: config.JOB_BACKOFF_MS },
  // Job ids are unique per request, so keeping finished jobs a while makes a re-dispatched
  // outbox row a no-op instead of a second run.
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
});
