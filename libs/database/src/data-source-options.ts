import type { DataSourceOptions } from 'typeorm';
import { migrations } from './migrations';

export interface DatabaseOptions {
  url: string;
  poolSize?: number;
  entities?: DataSourceOptions['entities'];
}

/** Schema comes from migrations only; `synchronize` stays off everywhere. */
export function dataSourceOptions({ url, poolSize = 10, entities = [] }: DatabaseOptions): DataSourceOptions {
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
    extra: { max: poolSize, application_name: 'local-democracy' },
  };
}
