import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { REDIS } from '@app/redis';
import { tooManyRequests } from './auth.errors';
import { redisLimiter } from './redis-limiter';

/**
 * Redis-backed so the limits hold across several api processes, in-process while Redis is down
 * (redis-limiter.ts). Two limits:
 * public endpoints per client address, and failed sign-ins per email and per address.
 */
@Injectable()
export class RateLimitsService {
  private readonly publicRequests: RateLimiterRedis;
  private readonly failedLoginsByEmail: RateLimiterRedis;
  private readonly failedLoginsByAddress: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) private readonly config: AppConfig) {
    const prefix = config.REDIS_KEY_PREFIX;
    const lockSeconds = config.LOGIN_LOCK_MINUTES * 60;
    this.publicRequests = redisLimiter(redis, {
      keyPrefix: `${prefix}rl:public`,
      points: config.RATE_LIMIT_PUBLIC_PER_MINUTE,
      duration: 60,
    });
    this.failedLoginsByEmail = redisLimiter(redis, {
      keyPrefix: `${prefix}rl:login-email`,
      points: config.LOGIN_MAX_FAILURES,
      duration: lockSeconds,
      blockDuration: lockSeconds,
    });
    this.failedLoginsByAddress = redisLimiter(redis, {
      keyPrefix: `${prefix}rl:login-ip`,
      points: config.LOGIN_MAX_FAILURES * 4,
      duration: lockSeconds,
      blockDuration: lockSeconds,
    });
  }

  async consumePublic(clientAddress: string): Promise<void> {
    try {
      await this.publicRequests.consume(clientAddress);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const seconds = Math.ceil(error.msBeforeNext / 1000);
      throw tooManyRequests(seconds, `Too many requests; try again in ${seconds} s`);
    }
  }

  /** Refuses before checking the password, so a locked account cannot be probed further. */
  async assertSignInAllowed(email: string, clientAddress: string): Promise<void> {
    const [byEmail, byAddress] = await Promise.all([
      this.failedLoginsByEmail.get(email),
      this.failedLoginsByAddress.get(clientAddress),
    ]);
    const blocked = [
      byEmail && byEmail.consumedPoints >= this.config.LOGIN_MAX_FAILURES ? byEmail : null,
      byAddress && byAddress.consumedPoints >= this.config.LOGIN_MAX_FAILURES * 4 ? byAddress : null,
    ].filter((res): res is RateLimiterRes => res !== null);
    if (blocked.length) {
      const seconds = Math.ceil(Math.max(...blocked.map((res) => res.msBeforeNext)) / 1000);
      throw tooManyRequests(
        seconds,
        `Too many failed sign-in attempts; try again in ${Math.ceil(seconds / 60)} minute(s)`,
      );
    }
  }

  async recordFailedSignIn(email: string, clientAddress: string): Promise<void> {
    await Promise.all([
      this.failedLoginsByEmail.penalty(email, 1),
      this.failedLoginsByAddress.penalty(clientAddress, 1),
    ]);
  }

  async clearFailedSignIns(email: string): Promise<void> {
    await this.failedLoginsByEmail.delete(email);
  }
}
