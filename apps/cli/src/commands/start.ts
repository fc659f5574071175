import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { parseConfig, waitForServices } from '@app/config';
import { dataSourceOptions, runMigrations } from '@app/database';
import { DEMO_PASSWORD, seedDemoData } from '@app/demo';
import { createApiApp } from '../../../api/src/create-app';
import { createWorker } from '../../../worker/src/create-worker';
import { ensureLocalServices } from '../local-services';
import { importSurveys } from './import-surveys';

export const SHIPPED_SURVEYS_DIR = 'surveys';

/** The shipped definitions: every surveys/*.json except example answer files. */
export const shippedSurveyFiles = () =>
  readdirSync(SHIPPED_SURVEYS_DIR)
    .filter((name) => name.endsWith('.json') && !name.includes('.example-'))
    .map((name) => join(SHIPPED_SURVEYS_DIR, name));

/**
 * `npm start`: the whole platform on one machine with demo data. Finds or starts PostgreSQL and
 * Redis, migrates, seeds, imports the shipped surveys, then serves the api and the web app and
 * runs a worker for background jobs in the same process.
 */
export async function start(): Promise<void> {
  const services = await ensureLocalServices(process.env);
  const config = parseConfig({
    ...process.env,
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
    APP_SECRET: services.appSecret,
  });
  services.describe.forEach((line) => console.log(line));
  await waitForServices('start', config);

  const applied = await runMigrations(config.DATABASE_URL);
  console.log(applied.length ? `Migrations applied: ${applied.join(', ')}` : 'Database schema is up to date');
  const dataSource = await new DataSource(dataSourceOptions({ url: config.DATABASE_URL, poolSize: 1 })).initialize();
  const credentials = await seedDemoData(dataSource).finally(() => dataSource.destroy());
  await importSurveys(config, shippedSurveyFiles(), { municipalityCodes: [], publish: true });

  const app = await createApiApp(config);
  await app.listen({ host: config.HOST, port: config.PORT });
  // One worker alongside the api; scaled deployments run more with `npm run start:worker`.
  const worker = await createWorker(config);
  const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;
  console.log(`\nDemo accounts (demo only; password for all: ${DEMO_PASSWORD}):`);
  for (const account of credentials.filter((c) => c.role !== 'staff')) console.log(`  ${account.role.padEnd(10)} ${account.email}`);
  const staff = credentials.filter((c) => c.role === 'staff');
  console.log(`  staff      staff.<municipality code>@demo.local, e.g. ${staff[0]?.email} (${staff.length} accounts)`);
  console.log(`\nThe platform is up: ${url}  (API docs: ${url}/api/docs)`);

  const shutdown = async () => {
    await worker.close();
    await app.close();
    await services.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}
