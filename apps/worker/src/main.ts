import 'reflect-metadata';
import { exitOnStartupFailure, loadConfigOrExit, waitForServices } from '@app/config';
import { createWorker } from './create-worker';

/** A worker on its own, for deployments that run several (`npm run start:worker`). */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  await waitForServices('worker', config);
  await createWorker(config);
  // Nest closes the processors on SIGTERM/SIGINT (enableShutdownHooks), letting running jobs finish.
  process.stdout.write('worker ready\n');
}

main().catch(exitOnStartupFailure);
