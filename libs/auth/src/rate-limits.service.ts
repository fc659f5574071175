import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { REDIS } from '@app/redis';
import { tooManyRequests } from './auth.errors';
import { redisLimiter, type LimiterOptions } from './redis-limiter';

/** Locks after repeated lockouts double, up to a day. */
const MAX_LOCK_SECONDS = 24 * 3600;

/**
 * Redis-backed so the limits hold across several api processes, in-process while Redis is down
 * (redis-limiter.ts). Client addresses are what TRUST_PROXY lets Fastify believe (request.ip).
 *
 * - Public routes: per address, generously (an office or a mobile carrier puts many residents
 *   behind one address); per target (one response id), strictly, whoever sends them.
 * - Asking for a place at a meeting: per address per hour.
 * - Sign-in: per account AND address pair, so strangers elsewhere can never lock an owner out;
 *   each lockout of a pair doubles the next. Plus a generous per-address cap against spraying many
 *   accounts. Attempts are counted atomically before the password is checked, so a burst cannot
 *   get more guesses checked than the limit.
 */
@Injectable()
export class RateLimitsService {
  private readonly publicRequests: RateLimiterRedis;
  private readonly targetRequests: RateLimiterRedis;
  private readonly signupRequests: RateLimiterRedis;
  private readonly signInsByPair: RateLimiterRedis;
  private readonly lockoutsByPair: RateLimiterRedis;
  private readonly signInsByAddress: RateLimiterRedis;
  private readonly lockSeconds: number;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) private readonly config: AppConfig) {
    const prefix = config.REDIS_KEY_PREFIX;
    const limiter = (options: LimiterOptions) => redisLimiter(redis, options);
    this.lockSeconds = config.LOGIN_LOCK_MINUTES * 60;
    this.publicRequests = limiter({ keyPrefix: `${prefix}rl:public`, points: config.RATE_LIMIT_PUBLIC_PER_MINUTE, duration: 60 });
    this.targetRequests = limiter({ keyPrefix: `${prefix}rl:target`, points: config.RATE_LIMIT_TARGET_PER_MINUTE, duration: 60 });
    this.signupRequests = limiter({ keyPrefix: `${prefix}rl:signup`, points: config.RATE_LIMIT_SIGNUPS_PER_HOUR, duration: 3600 });
    this.signInsByPair = limiter({ keyPrefix: `${prefix}rl:login-pair`, points: config.LOGIN_MAX_FAILURES, duration: this.lockSeconds });
    this.lockoutsByPair = limiter({ keyPrefix: `${prefix}rl:login-lockouts`, points: 1000, duration: MAX_LOCK_SECONDS });
    this.signInsByAddress = limiter({
      keyPrefix: `${prefix}rl:login-ip`,
      points: config.LOGIN_MAX_FAILURES * 20,
      duration: this.lockSeconds,
    });
  }

  consumePublic(clientAddress: string): Promise<void> {
    return this.consume(this.publicRequests, clientAddress, 'Too many requests');
  }

  consumeTarget(target: string): Promise<void> {
    return this.consume(this.targetRequests, target, 'Too many requests for this item');
  }

  consumeSignup(clientAddress: string): Promise<void> {
    return this.consume(this.signupRequests, clientAddress, 'Too many sign-ups from this address');
  }

  /**
   * Counts this attempt (atomically: INCR in Redis) and refuses it when the pair or the address is
   * over its limit, before any password is checked. The attempt that first goes over locks the pair
   * for LOGIN_LOCK_MINUTES, doubled for each earlier lockout of the pair within a day.
   */
  async beginSignIn(email: string, clientAddress: string): Promise<void> {
    const pair = `${email}|${clientAddress}`;
    const refusals: number[] = [];
    try {
      await this.signInsByPair.consume(pair);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      if (error.consumedPoints === this.config.LOGIN_MAX_FAILURES + 1) {
        const lockouts = (await this.lockoutsByPair.consume(pair)).consumedPoints;
        const seconds = Math.min(this.lockSeconds * 2 ** (lockouts - 1), MAX_LOCK_SECONDS);
        await this.signInsByPair.block(pair, seconds);
        refusals.push(seconds * 1000);
      } else refusals.push(error.msBeforeNext);
    }
    try {
      await this.signInsByAddress.consume(clientAddress);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      refusals.push(error.msBeforeNext);
    }
    if (refusals.length) {
      const seconds = Math.max(1, Math.ceil(Math.max(...refusals) / 1000));
      throw tooManyRequests(seconds, `Too many sign-in attempts; try again in ${Math.ceil(seconds / 60)} minute(s)`);
    }
  }

  /** A right password: the pair starts afresh and the attempt does not count against the address. */
  async signInSucceeded(email: string, clientAddress: string): Promise<void> {
    const pair = `${email}|${clientAddress}`;
    await Promise.all([this.signInsByPair.delete(pair), this.lockoutsByPair.delete(pair), this.signInsByAddress.reward(clientAddress, 1)]);
  }

  private async consume(limiter: RateLimiterRedis, key: string, what: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw tooManyRequests(seconds, `${what}; try again in ${seconds} s`);
    }
  }
}
