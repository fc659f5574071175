import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@app/config';
import { createValidationPipe, CsvDownloadInterceptor, HttpExceptionFilter } from '@app/http';
import { AppModule } from './app.module';

/** Builds the api exactly as production runs it; tests and benchmarks call this too. */
export async function createApiApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: config.BODY_LIMIT_BYTES });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.useGlobalInterceptors(new CsvDownloadInterceptor());

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // SurveyJS sets inline styles on elements; scripts stay same-origin only.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(fastifyCookie);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Local democracy platform API')
      .setDescription('Resident surveys, municipalities and accounts. Public routes are under /api/public.')
      .setVersion('0.1')
      .addBearerAuth()
      .addCookieAuth('dp_session')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document);

  const webRoot = resolve(config.WEB_DIST_DIR);
  if (existsSync(resolve(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: webRoot, prefix: '/', wildcard: false });
    // Any other page is the web app's (its router shows the page or its own "not found");
    // an unknown /api path stays a JSON 404.
    app
      .getHttpAdapter()
      .getInstance()
      .get('/*', (request, reply) => (request.url.startsWith('/api/') ? reply.callNotFound() : reply.sendFile('index.html')));
  } else {
    app.get(Logger).warn(`Web app not built (${webRoot}/index.html missing): run "npm run build"`);
  }
  return app;
}
