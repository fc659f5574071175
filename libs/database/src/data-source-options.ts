import { Client } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { migrations } from './migrations';

/**
 * A pg client that drops its connection when a statement passes query_timeout. pg only stops
 * waiting for the answer; the connection still carries the unanswered statement, so the ROLLBACK
 * TypeORM sends next (and any later query on it) would wait a full timeout again. Dropped, the
 * ROLLBACK fails at once and the pool opens a fresh connection when one is next needed.
 */
class ClientDroppedOnTimeout extends Client {
  override query(...args: unknown[]): never {
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      (result as Promise<unknown>).catch((error: Error) => {
        if (error?.message === 'Query read timeout') (this as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
      });
    }
    return result as never;
  }
}

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
      ...(queryTimeoutMs ? { statement_timeout: queryTimeoutMs, query_timeout: queryTimeoutMs, Client: ClientDroppedOnTimeout } : {}),
      ...(connectTimeoutMs ? { connectionTimeoutMillis: connectTimeoutMs } : {}),
      // A server that vanished without closing the socket (frozen host, dropped network) is noticed.
      keepAlive: true,
    },
  };
}
