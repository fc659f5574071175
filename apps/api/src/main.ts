import 'reflect-metadata';
import { exitOnStartupFailure, loadConfigOrExit, waitForServices } from '@app/config';
import { createApiApp } from './create-app';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  // PostgreSQL is needed to start; Redis is not (rate limits count in process while it is away).
  await waitForServices('api', config, { redis: false });
  const app = await createApiApp(config);
  await app.listen({ host: config.HOST, port: config.PORT });
}

main().catch(exitOnStartupFailure);
