import 'reflect-metadata';
import { loadConfigOrExit } from '@app/config';
import { createApiApp } from './create-app';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createApiApp(config);
  await app.listen({ host: config.HOST, port: config.PORT });
}

void main();
