import type { DataSourceOptions } from 'typeorm';
import { migrations } from './migrations';

export interface DatabaseOptions {
  url: string;
  poolSize?: number;
  entities?: DataSourceOptions['entities'];
  /**
   * Longest a statement may run: enforced by the server (statement_timeout) and by the client
   * (query_timeout), since a frozen or unreachable server enforces nothing. Unset: no limit
   * (migrations, tests' admin connections).
   */
  queryTimeoutMs?: number;
  /** Longest wait for a new connection, or for a free one when the pool is busy. */
  connectTimeoutMs?: number;
}

/** Schema comes from migrations only; `synchronize` stays off everywhere. */
export function dataSourceOptions({ url, poolSize = 10, entities = [], queryTimeoutMs, connectTimeoutMs }: DatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'schema_migration',
    synchronize: false,
    migrationsRun: false,
    // Off: TypeORM's error log prints query parameters (answers, password hashes). Errors still
    // propagate and are logged by the exception filter without parameters.
    logging: false,
    extra: {
      max: poolSize,
      application_name: 'local-democracy',
      ...(queryTimeoutMs ? { statement_timeout: queryTimeoutMs, query_timeout: queryTimeoutMs } : {}),
      ...(connectTimeoutMs ? { connectionTimeoutMillis: connectTimeoutMs } : {}),
      // A server that vanished without closing the socket (frozen host, dropped network) is noticed.
      keepAlive: true,
    },
  };
}
