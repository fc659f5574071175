import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { REDIS } from '@app/redis';
import { Public } from '../access/decorators';
import { ApiDoc, schema as s } from '../openapi';

const within = <T>(ms: number, work: Promise<T>) =>
  Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** 200 when PostgreSQL and Redis both answer within a second, else 503 naming what is down. */
  @Public({ rateLimited: false })
  @Get()
  @ApiDoc('Is the platform up? 200 when PostgreSQL and Redis answer, 503 naming what is down', { schema: s.object({ status: s.enumOf(['ok', 'unavailable']), database: s.enumOf(['up', 'down']), redis: s.enumOf(['up', 'down']) }) })
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
    const [database, redis] = await Promise.all([
      within(1000, this.dataSource.query('SELECT 1')).then(() => 'up' as const, () => 'down' as const),
      within(1000, this.redis.ping()).then(() => 'up' as const, () => 'down' as const),
    ]);
    const healthy = database === 'up' && redis === 'up';
    void reply.status(healthy ? 200 : 503);
    return { status: healthy ? 'ok' : 'unavailable', database, redis };
  }
}
