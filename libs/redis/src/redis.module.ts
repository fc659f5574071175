import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
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
 * One Redis connection per process for rate limits and health. Keys are namespaced with
 * REDIS_KEY_PREFIX by each user (rate-limiter-flexible takes its own prefix option).
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false }),
    },
    RedisShutdown,
  ],
  exports: [REDIS],
})
export class RedisModule {}
