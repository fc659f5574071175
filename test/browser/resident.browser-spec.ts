/// <reference lib="dom" />
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createMunicipality, createAccount } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

const CHROMIUM = '/usr/bin/chromium';
const haveBrowser = existsSync(CHROMIUM) && existsSync('dist/web/index.html');
if (!haveBrowser) console.warn(`browser test skipped: needs ${CHROMIUM} (apt-get install chromium) and dist/web (npm run build:web)`);
const describeInBrowser = haveBrowser ? describe : describe.skip;

jest.setTimeout(120_000);

const shipped = JSON.parse(readFileSync('surveys/resident-survey.json', 'utf8'));

describeInBrowser('a resident answers the survey on a phone', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let surveyId: string;

  beforeAll(async () => {
    t = await startTestApp();
    await createMunicipality(t.db, 'birzai');
    const researcher = await createAccount(t.db, 'researcher');
    const created = await t.http
      .post('/api/surveys')
      .set(researcher.auth)
      .send({ slug: shipped.slug, definition: shipped.definition, languages: shipped.languages, breakdowns: shipped.breakdowns, municipalityCodes: ['birzai'] })
      .expect(201);
    surveyId = created.body.id;
    await t.http.post(`/api/surveys/${surveyId}/versions/1/publish`).set(researcher.auth).expect(201);
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function next(page: Page) {
    await page.locator('.sd-navigation__next-btn:visible, input[value="Next"]:visible').first().click();
  }
  async function choose(page: Page, questionName: string, text: string) {
    await page.locator(`[data-name="${questionName}"]`).getByText(text, { exact: true }).first().click();
  }
  /** Dropdowns, and ratings, which SurveyJS shows as a dropdown on a narrow phone screen. */
  async function select(page: Page, questionName: string, text: string) {
    await page.locator(`[data-name="${questionName}"] .sd-dropdown`).click();
    await page.locator('.sv-popup:visible .sv-list__item').getByText(text, { exact: true }).click();
  }

  it('opens the municipality page, answers in English, submits, and the response is stored', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));

    await page.goto(`${baseUrl}/`);
    await page.getByTestId('lang-en').click();
    await page.getByTestId('municipality-birzai').click();
    await page.getByTestId(`survey-${shipped.slug}`).click();
    await page.locator('.sd-root-modern, .sd-container-modern').first().waitFor();

    // Page 1: trust. The rating and "how informed" are required.
    await select(page, 'trust_municipality', '4');
    await choose(page, 'informed', 'Fairly well');
    await next(page);
    // Page 2: taking part; answering "No" keeps the follow-up questions hidden.
    await choose(page, 'participated_12m', 'No');
    await next(page);
    // Page 3: barriers (optional).
    await choose(page, 'barriers', 'Lack of time');
    await next(page);
    // Page 4: priorities, up to three.
    await choose(page, 'priorities', 'Young people');
    await choose(page, 'priorities', 'Public spaces');
    await next(page);
    // Page 5: about you.
    await select(page, 'age_band', '30–44');
    await choose(page, 'gender', 'Prefer not to say');
    await choose(page, 'settlement_type', 'Village');
    await page.screenshot({ path: 'dist/browser-last-page.png' });
    await page.locator('.sd-navigation__complete-btn:visible, input[value="Complete"]:visible').first().click();
    await page.getByTestId('thank-you').waitFor({ timeout: 15000 });

    const { rows } = await t.db.query(`SELECT status, language, answers FROM response WHERE survey_id = $1`, [surveyId]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'complete', language: 'en' });
    expect(rows[0].answers).toMatchObject({
      trust_municipality: 4,
      informed: 'fairly_well',
      participated_12m: false,
      barriers: ['no_time'],
      priorities: ['youth', 'public_spaces'],
      age_band: '30_44',
      gender: 'prefer_not_to_say',
      settlement_type: 'village',
    });
    // The page never scrolled sideways on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    expect(failures).toEqual([]);
    await context.close();
  });
});
