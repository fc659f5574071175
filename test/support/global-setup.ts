import { randomBytes } from 'node:crypto';
import { createTemplateDatabase } from '../../libs/database/src/testing/test-databases';

/** Migrates one template database per run; each test file clones it (see test-app.ts). */
export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  process.env.TEST_RUN_PREFIX = `dp_test_${runId}`;
  process.env.TEST_TEMPLATE_DB = `dp_test_${runId}_template`;
  await createTemplateDatabase(process.env.TEST_TEMPLATE_DB);
}
