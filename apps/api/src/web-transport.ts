import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '@app/config';

/** Vite names every built asset after its content hash: a changed file is a new URL, so it can be kept for a year. */
const HASHED_ASSETS = /[\\/]assets[\\/]/;
const YEAR = 'public, max-age=31536000, immutable';

/**
 * gzip or brotli for every response big enough to gain (the survey page's JavaScript is ~2 MB raw,
 * a few hundred KB compressed: it matters on rural mobile data). Brotli at quality 4, the plugin's
 * default, compresses on the fly at a small CPU cost; a year of caching means each browser asks once.
 */
export async function registerCompression(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyCompress, { encodings: ['br', 'gzip'], threshold: 1024 });
}

/**
 * `upgrade-insecure-requests` tells browsers to fetch every subresource over https. Over plain HTTP
 * (the demo opened from a phone on the LAN by the laptop's name) that makes the page blank, so it is
 * sent only when the platform runs behind HTTPS: COOKIE_SECURE set, or the request itself came over https.
 */
export async function registerSecurityHeaders(app: NestFastifyApplication, config: AppConfig): Promise<void> {
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
        upgradeInsecureRequests: null,
      },
    },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      const csp = reply.getHeader('content-security-policy');
      if (typeof csp === 'string' && (config.COOKIE_SECURE || request.protocol === 'https')) {
        void reply.header('content-security-policy', `${csp};upgrade-insecure-requests`);
      }
      return payload;
    });
}

/** The built web app at `/`: hashed assets cached for a year, index.html always revalidated (it names the current assets). */
export async function serveWebApp(app: NestFastifyApplication, config: AppConfig): Promise<boolean> {
  const webRoot = resolve(config.WEB_DIST_DIR);
  if (!existsSync(resolve(webRoot, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: '/',
    cacheControl: false,
    wildcard: false,
    setHeaders: (response, path) => {
      void response.header('cache-control', HASHED_ASSETS.test(path) ? YEAR : 'no-cache');
    },
  });
  // Any other page is the web app's (its router shows the page or its own "not found");
  // an unknown /api path stays a JSON 404.
  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', (request, reply) => (request.url.startsWith('/api/') ? reply.callNotFound() : reply.sendFile('index.html')));
  return true;
}
