import fastifyCookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@app/config';
import { createValidationPipe, CsvDownloadInterceptor, HttpExceptionFilter, InputSafetyPipe, registerCachePolicy } from '@app/http';
import { AppModule } from './app.module';
import { openApiConfig } from './openapi-config';
import { registerCompression, registerSecurityHeaders, serveWebApp } from './web-transport';

/** Builds the api exactly as production runs it; tests and benchmarks call this too. */
export async function createApiApp(config: AppConfig, { shutdownHooks = true } = {}): Promise<NestFastifyApplication> {
  // trustProxy decides request.ip, which the rate limits and the sign-in lock key on (TRUST_PROXY).
  const adapter = new FastifyAdapter({ bodyLimit: config.BODY_LIMIT_BYTES, trustProxy: config.TRUST_PROXY });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  // `npm start` handles signals itself (it closes the worker and the local services too); closing twice ends the pool twice.
  if (shutdownHooks) app.enableShutdownHooks();
  app.setGlobalPrefix('api');
  // Hostile input (depth, NUL, lone surrogates, huge integers, null edits) first, then the DTOs.
  app.useGlobalPipes(new InputSafetyPipe(), createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.useGlobalInterceptors(new CsvDownloadInterceptor());

  await registerCompression(app);
  await registerSecurityHeaders(app, config);
  await app.register(fastifyCookie);
  registerCachePolicy(app.getHttpAdapter().getInstance());

  const document = SwaggerModule.createDocument(app, openApiConfig());
  SwaggerModule.setup('api/docs', app, document);

  if (!(await serveWebApp(app, config))) {
    app.get(Logger).warn(`Web app not built (${config.WEB_DIST_DIR}/index.html missing): run "npm run build"`);
  }
  return app;
}
