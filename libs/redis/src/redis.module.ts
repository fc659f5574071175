import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@app/config';

export const REDIS = Symbol('REDIS');

/** Closes the shared connection when the app stops, so tests and restarts leave no open handles. */
@Injectable()
class RedisShutdown implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/**
 * The api's connection: a request never waits on Redis longer than REDIS_COMMAND_TIMEOUT_MS
 * (a frozen Redis keeps the socket open and never answers), and is retried once at most. The
 * offline queue stays on so commands issued while connecting at boot wait for the connection;
 * while Redis is down the rate limits skip it altogether (rejectIfRedisNotReady) and count in
 * process. Reconnects every 2 s at most, for ever.
 */
export function apiRedisConnection(config: AppConfig): Redis {
  const redis = new Redis(config.REDIS_URL, {
    commandTimeout: config.REDIS_COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    connectTimeout: 2000,
    retryStrategy: (times) => Math.min(times * 100, 2000),
  });
  const logger = new Logger('Redis');
  // A frozen Redis keeps its socket open: the connection stays "ready" and every command waits out
  // the timeout. After a timeout the connection is dropped and reopened; until Redis answers the
  // new one's ready check it is not "ready", so the rate limits skip Redis at once instead of
  // every request paying the timeout again.
  const sendCommand = redis.sendCommand.bind(redis);
  redis.sendCommand = ((...args: Parameters<Redis['sendCommand']>) => {
    const sent = sendCommand(...args);
    if (sent instanceof Promise) {
      sent.catch((error: Error) => {
        if (error?.message === 'Command timed out' && redis.status === 'ready') redis.disconnect(true);
      });
    }
    return sent;
  }) as Redis['sendCommand'];
  let down = false;
  // One line per outage, not one per reconnect attempt (ioredis would print each as an unhandled error).
  redis.on('error', (error: Error) => {
    if (!down) logger.warn(`Redis unreachable, rate limits count in this process until it is back: ${error.message}`);
    down = true;
  });
  redis.on('ready', () => {
    if (down) logger.log('Redis reachable again');
    down = false;
  });
  return redis;
}

/**
 * One Redis connection per process for rate limits and health. Keys are namespaced with
 * REDIS_KEY_PREFIX by each user (rate-limiter-flexible takes its own prefix option).
 */
@Global()
@Module({
  providers: [{ provide: REDIS, inject: [APP_CONFIG], useFactory: apiRedisConnection }, RedisShutdown],
  exports: [REDIS],
})
export class RedisModule {}
