import type { FastifyInstance } from 'fastify';

/**
 * Public reads that carry no names, contacts or tokens: meetings and consultations (counts only),
 * survey definitions, published results, the municipality list, health and the API document.
 * Shared caches and the browser may keep these.
 */
const CACHEABLE = [
  /^\/api\/public\/municipalities(\/[^/]+\/(surveys|meetings|consultations))?$/,
  /^\/api\/public\/(surveys|survey-versions|consultations|meetings)\/[^/]+$/,
  /^\/api\/public\/results(\/.*)?$/,
  /^\/api\/health$/,
  /^\/api\/docs/,
];

/**
 * Every other /api answer gets `Cache-Control: no-store`: accounts, sign-up lists, a resident's
 * own sign-up or response, tokens and sessions must not stay in a browser's or a proxy's cache.
 * Allow-listing the cacheable ones means a new route is private until someone says otherwise.
 */
export function registerCachePolicy(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    const path = request.url.split('?')[0];
    if (!path.startsWith('/api/') || reply.hasHeader('cache-control')) return payload;
    const cacheable = request.method === 'GET' && reply.statusCode < 400 && CACHEABLE.some((pattern) => pattern.test(path));
    if (!cacheable) void reply.header('cache-control', 'no-store');
    return payload;
  });
}
