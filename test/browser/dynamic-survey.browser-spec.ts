/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { createMunicipality, createAccount } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

const CHROMIUM = '/usr/bin/chromium';
const haveBrowser = existsSync(CHROMIUM) && existsSync('dist/web/index.html');
if (!haveBrowser) console.warn(`browser test skipped: needs ${CHROMIUM} (apt-get install chromium) and dist/web (npm run build:web)`);
const describeInBrowser = haveBrowser ? describe : describe.skip;

jest.setTimeout(120_000);

/** A household instrument: one panel per person (a dynamic panel) and a dropdown matrix of services. */
const definition = {
  title: { en: 'Household', lt: 'Namų ūkis' },
  elements: [
    {
      type: 'paneldynamic',
      name: 'members',
      title: { en: 'Who lives with you?', lt: 'Kas gyvena su jumis?' },
      minPanelCount: 1,
      maxPanelCount: 4,
      templateElements: [
        { type: 'text', name: 'first_name', title: { en: 'First name', lt: 'Vardas' }, isRequired: true },
        { type: 'text', name: 'age', inputType: 'number', title: { en: 'Age', lt: 'Amžius' }, min: 0, max: 120 },
      ],
    },
    {
      type: 'matrixdropdown',
      name: 'services',
      title: { en: 'How often do you visit?', lt: 'Kaip dažnai lankotės?' },
      columns: [{ name: 'visits', title: { en: 'Visits a month', lt: 'Kartai per mėnesį' }, cellType: 'text', inputType: 'number' }],
      rows: [
        { value: 'library', text: { en: 'Library', lt: 'Biblioteka' } },
        { value: 'clinic', text: { en: 'Clinic', lt: 'Poliklinika' } },
      ],
    },
  ],
};

describeInBrowser('a resident answers a survey with a dynamic panel and a dropdown matrix on a phone', () => {
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
      .send({ slug: 'household', definition, languages: ['lt', 'en'], municipalityCodes: ['birzai'] })
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

  it('adds a second person, fills the matrix, submits, and the response is stored', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));

    await page.goto(`${baseUrl}/`);
    await page.getByTestId('lang-en').click();
    await page.getByTestId('municipality-birzai').click();
    await page.getByTestId('survey-household').click();
    await page.locator('.sd-root-modern, .sd-container-modern').first().waitFor();

    const names = page.locator('[data-name="first_name"] input');
    const ages = page.locator('[data-name="age"] input');
    await names.nth(0).fill('Ona');
    await ages.nth(0).fill('41');
    await page.locator('[data-name="members"] .sd-paneldynamic__add-btn:visible').first().click();
    await names.nth(1).waitFor();
    await names.nth(1).fill('Jonas');
    await ages.nth(1).fill('12');
    const visits = page.locator('[data-name="services"] input');
    await visits.nth(0).fill('3');
    await visits.nth(1).fill('1');
    await page.locator('.sd-navigation__complete-btn:visible, input[value="Complete"]:visible').first().click();
    await page.getByTestId('thank-you').waitFor({ timeout: 15000 });

    const { rows } = await t.db.query(`SELECT status, answers FROM response WHERE survey_id = $1`, [surveyId]);
    expect(rows).toHaveLength(1);
    expect(rows[0].status).toBe('complete');
    expect(rows[0].answers).toEqual({
      members: [
        { first_name: 'Ona', age: 41 },
        { first_name: 'Jonas', age: 12 },
      ],
      services: { library: { visits: 3 }, clinic: { visits: 1 } },
    });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    expect(failures).toEqual([]);
    await context.close();
  });
});
