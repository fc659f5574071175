import { dropDatabasesWithPrefix } from '../../libs/database/src/testing/test-databases';

export default async function globalTeardown(): Promise<void> {
  if (process.env.TEST_RUN_PREFIX) await dropDatabasesWithPrefix(process.env.TEST_RUN_PREFIX);
}
