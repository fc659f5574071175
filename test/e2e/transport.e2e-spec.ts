import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startTestApp, type TestApp } from '../support/test-app';

const WEB = 'dist/web';

/**
 * What the browser gets on the wire: compressed JavaScript, hashed assets cached for a year and
 * index.html revalidated, and a page that loads over plain HTTP on a LAN name (no
 * upgrade-insecure-requests there), while behind HTTPS the directive is sent. Needs `npm run build:web`.
 */
describe('transport: compression, caching, CSP over plain HTTP', () => {
  let t: TestApp;
  let secure: TestApp;
  const inject = (app: TestApp, url: string, headers: Record<string, string> = {}) =>
    app.app.getHttpAdapter().getInstance().inject({ method: 'GET', url, headers: { host: 'laptop.local:3000', ...headers } });

  const biggestScript = () =>
    readdirSync(join(WEB, 'assets'))
      .filter((name) => name.endsWith('.js'))
      .map((name) => ({ name, size: statSync(join(WEB, 'assets', name)).size }))
      .sort((a, b) => b.size - a.size)[0];

  beforeAll(async () => {
    t = await startTestApp();
    secure = await startTestApp({ COOKIE_SECURE: 'true' });
  });
  afterAll(async () => {
    await t.close();
    await secure.close();
  });

  it('sends the biggest script brotli- or gzip-compressed, byte-identical once decoded, and cacheable for a year', async () => {
    const script = biggestScript();
    const original = readFileSync(join(WEB, 'assets', script.name));
    expect(original.length).toBeGreaterThan(100_000);

    const br = await inject(t, `/assets/${script.name}`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(original.length / 3);
    expect(brotliDecompressSync(br.rawPayload).equals(original)).toBe(true);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);

    const gzip = await inject(t, `/assets/${script.name}`, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).equals(original)).toBe(true);

    const plain = await inject(t, `/assets/${script.name}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(original)).toBe(true);
  });

  it('revalidates index.html (at / and at any page of the app), since it names the current assets', async () => {
    for (const url of ['/', '/index.html', '/staff/meetings/x']) {
      const res = await inject(t, url, { 'accept-encoding': 'gzip' });
      expect([url, res.statusCode, res.headers['cache-control']]).toEqual([url, 200, 'no-cache']);
      expect(res.headers['content-type']).toMatch(/text\/html/);
    }
    // API answers are compressed too once they are big enough (the OpenAPI document is).
    const docs = await inject(t, '/api/docs-json', { 'accept-encoding': 'br' });
    expect(docs.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(docs.rawPayload).toString()).openapi).toMatch(/^3\./);
  });

  it('leaves upgrade-insecure-requests out over plain HTTP on a LAN name, and sends it behind HTTPS', async () => {
    const lan = await inject(t, '/');
    const csp = String(lan.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    // The scripts the page names load over the same plain-HTTP origin.
    const html = lan.body;
    const scripts = [...html.matchAll(/src="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) expect((await inject(t, src)).statusCode).toBe(200);

    expect(String((await inject(secure, '/')).headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    expect(String((await inject(secure, '/api/health')).headers['content-security-policy'])).toContain('upgrade-insecure-requests');
  });
});
