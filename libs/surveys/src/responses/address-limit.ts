import { createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { REDIS } from '@app/redis';

const TWO_DAYS_SECONDS = 2 * 24 * 3600;

/**
 * Responses per client address per survey per day: fake responses from one machine are the
 * cheapest way to pad a municipality (and the perturbation is the main defence; this makes it
 * slower). No address is stored anywhere: Redis holds a counter under an HMAC of the address with
 * a key that exists only for that day (and expires with the counters), so after two days nothing
 * links a counter to an address, and PostgreSQL never sees one.
 *
 * If Redis is unreachable the limit is not applied (logged): losing residents' answers would be
 * worse than a few unlimited minutes.
 */
@Injectable()
export class AddressLimit {
  private readonly logger = new Logger(AddressLimit.name);
  private readonly prefix: string;

  constructor(
    // Absent in the operator CLI, which takes no responses.
    @Optional() @Inject(REDIS) private readonly redis: Redis | undefined,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.prefix = `${config.REDIS_KEY_PREFIX}address-limit:`;
  }

  /** Counts one new response from `address`; false when that makes more than `limit` today. */
  async allow(surveyId: string, address: string, limit: number): Promise<boolean> {
    if (!this.redis) return true;
    const redis = this.redis;
    const day = new Date().toISOString().slice(0, 10);
    try {
      const hashed = createHmac('sha256', await this.dayKey(day)).update(address).digest('hex').slice(0, 32);
      const counter = `${this.prefix}${surveyId}:${day}:${hashed}`;
      const [[, count]] = (await redis.multi().incr(counter).expire(counter, TWO_DAYS_SECONDS).exec()) as [[unknown, number], unknown];
      return count <= limit;
    } catch (error) {
      this.logger.warn(`Address limit not applied (Redis: ${(error as Error).message})`);
      return true;
    }
  }

  /** The day's HMAC key: created by whichever process needs it first, gone two days later. */
  private async dayKey(day: string): Promise<string> {
    const name = `${this.prefix}key:${day}`;
    await this.redis!.set(name, randomBytes(32).toString('hex'), 'EX', TWO_DAYS_SECONDS, 'NX');
    return (await this.redis!.get(name))!;
  }
}
