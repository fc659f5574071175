import 'reflect-metadata';
import { loadConfigOrExit } from '@app/config';
import { createWorker } from './create-worker';

/** A worker on its own, for deployments that run several (`npm run start:worker`). */
async function main(): Promise<void> {
  const worker = await createWorker(loadConfigOrExit());
  await Promise.resolve(worker);
  // Nest closes the processors on SIGTERM/SIGINT (enableShutdownHooks), letting running jobs finish.
  process.stdout.write('worker ready\n');
}

void main();
