import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { dataSourceOptions } from './data-source-options';

const pooled = (config: AppConfig, queryTimeoutMs: number) => ({
  ...dataSourceOptions({
    url: config.DATABASE_URL,
    poolSize: config.DB_POOL_SIZE,
    queryTimeoutMs,
    connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS,
  }),
  autoLoadEntities: true,
  // The process checked PostgreSQL before starting (waitForServices) and says so in one line;
  // Nest's own retry loop would print a stack per attempt.
  retryAttempts: 0,
});

/**
 * One pooled connection for the api (and operator commands); feature modules register their
 * entities with forFeature. Statements have DB_QUERY_TIMEOUT_MS: a request never waits on a frozen
 * database longer than that, it gets a 503.
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({ inject: [APP_CONFIG], useFactory: (config: AppConfig) => pooled(config, config.DB_QUERY_TIMEOUT_MS) }),
  ],
})
export class DatabaseModule {}

/** The worker's pool: the same, with a statement limit long enough for a compile of a million responses. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({ inject: [APP_CONFIG], useFactory: (config: AppConfig) => pooled(config, config.WORKER_DB_QUERY_TIMEOUT_MS) }),
  ],
})
export class WorkerDatabaseModule {}
