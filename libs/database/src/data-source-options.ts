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
    logging: ['error'],
    extra: { max: poolSize, application_name: 'local-democracy' },
  };
}
