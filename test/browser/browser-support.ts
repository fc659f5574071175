/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { hashPassword } from '../../libs/auth/src/secrets';
import type { TestApp } from '../support/test-app';

/** Shared by the workspace browser tests: the browser, the app's URL, signing in through the page. */
export const CHROMIUM = '/usr/bin/chromium';
export const haveBrowser = existsSync(CHROMIUM) && existsSync('dist/web/index.html');
if (!haveBrowser) console.warn(`browser test skipped: needs ${CHROMIUM} (apt-get install chromium) and dist/web (npm run build:web)`);
export const describeInBrowser = haveBrowser ? describe : describe.skip;

export async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Staff, researchers and admins work on a desktop; residents on a phone. */
export const desktop = (browser: Browser) => browser.newContext({ viewport: { width: 1280, height: 900 } });
export const phone = (browser: Browser) => browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

export async function setPassword(t: TestApp, accountId: string, password: string): Promise<void> {
  await t.db.query(`UPDATE account SET password_hash = $1 WHERE id = $2`, [await hashPassword(password), accountId]);
}

/** Signs in on /staff (the page every workspace user starts from) and waits for the workspace. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string, next = ''): Promise<void> {
  await page.goto(`${baseUrl}/staff${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  await page.locator('input[type=email]').fill(email);
  await page.locator('input[type=password]').fill(password);
  await page.getByTestId('sign-in').click();
  await page.getByTestId('signed-in-as').waitFor();
}

/** Collects uncaught page errors, to assert none happened. */
export function pageErrors(page: Page): string[] {
  const failures: string[] = [];
  page.on('pageerror', (error) => failures.push(error.message));
  return failures;
}

export type { Browser, BrowserContext, Page };
