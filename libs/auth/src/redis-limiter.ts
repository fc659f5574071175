import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';

export interface LimiterOptions {
  keyPrefix: string;
  points: number;
  duration: number;
  blockDuration?: number;
}

/**
 * A limit kept in Redis, so it holds across api processes; while Redis is unreachable (stopped,
 * frozen, or a command past REDIS_COMMAND_TIMEOUT_MS) the same limit is kept in this process
 * instead (rate-limiter-flexible's insurance limiter). A resident can still submit and sign up
 * during a Redis outage; the limit then holds per api process rather than across all of them.
 * `rejectIfRedisNotReady` skips the Redis call at once while the connection is down, so no
 * request waits for a timeout it is sure to hit.
 */
export function redisLimiter(redis: Redis, options: LimiterOptions): RateLimiterRedis {
  return new RateLimiterRedis({
    ...options,
    storeClient: redis,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory(options),
  });
}
