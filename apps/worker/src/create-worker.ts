import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@app/config';
import { WorkerModule } from './worker.module';

/** Builds and starts the worker (BullMQ processors and the outbox dispatcher); `npm start` and tests call this too. */
export async function createWorker(config: AppConfig, { shutdownHooks = true } = {}): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  if (shutdownHooks) app.enableShutdownHooks();
  await app.init();
  return app;
}
