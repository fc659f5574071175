import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { parseConfig, waitForServices } from '@app/config';
import { dataSourceOptions, runMigrations } from '@app/database';
import { DEMO_CONSULTATION_MUNICIPALITY, DEMO_PASSWORD, seedDemoData, seedDemoStudy } from '@app/demo';
import { createApiApp } from '../../../api/src/create-app';
import { createWorker } from '../../../worker/src/create-worker';
import { ensureLocalServices } from '../local-services';
import { importSurveys } from './import-surveys';
import { readyBanner } from './ready-banner';

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
    // Warnings only until the banner: Nest's hundred "route mapped" lines would push the URL off screen.
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
    APP_SECRET: services.appSecret,
  });
  services.describe.forEach((line) => console.log(line));
  await waitForServices('start', config);

  const applied = await runMigrations(config.DATABASE_URL);
  console.log(applied.length ? `Migrations applied: ${applied.join(', ')}` : 'Database schema is up to date');
  const dataSource = await new DataSource(dataSourceOptions({ url: config.DATABASE_URL, poolSize: 1 })).initialize();
  const credentials = await seedDemoData(dataSource).catch(async (error: unknown) => {
    await dataSource.destroy();
    throw error;
  });
  await importSurveys(config, shippedSurveyFiles(), { municipalityCodes: [], publish: true });
  // The demo study holds the shipped resident survey, so it comes once the survey is imported.
  await seedDemoStudy(dataSource).finally(() => dataSource.destroy());

  const app = await createApiApp(config, { shutdownHooks: false });
  await app.listen({ host: config.HOST, port: config.PORT });
  // One worker alongside the api; scaled deployments run more with `npm run start:worker`.
  const worker = await createWorker(config, { shutdownHooks: false });
  console.log(readyBanner({ config, credentials, password: DEMO_PASSWORD, demoMunicipality: DEMO_CONSULTATION_MUNICIPALITY, appSecretFromFile: !process.env.APP_SECRET }));

  // Once: a second Ctrl+C while closing must not close the pools again.
  let closing: Promise<void> | undefined;
  const shutdown = () =>
    (closing ??= (async () => {
      await worker.close();
      await app.close();
      await services.stop();
      process.exit(0);
    })());
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}
