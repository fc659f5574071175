/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import { createAccount, createMunicipality, type TestAccount } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { describeInBrowser, launch, listen, pageErrors, phone, setPassword, signIn, type Browser } from './browser-support';

jest.setTimeout(120_000);

/** A small survey of our own in EN (survey-core's default locale) and LT: one required question, so a resident answers quickly. */
const definition = {
  title: { default: 'Tidying the yards', lt: 'Kiemų tvarkymas' },
  pages: [
    {
      name: 'p1',
      elements: [
        {
          type: 'radiogroup',
          name: 'yards',
          title: { default: 'Are the yards tidy?', lt: 'Ar kiemai sutvarkyti?' },
          isRequired: true,
          choices: [
            { value: 'yes', text: { default: 'Yes', lt: 'Taip' } },
            { value: 'no', text: { default: 'No', lt: 'Ne' } },
          ],
        },
      ],
    },
  ],
};

describeInBrowser('a researcher imports, previews and publishes a survey, and sees fieldwork move', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let researcher: TestAccount;
  const password = 'researcher password 2026';

  beforeAll(async () => {
    t = await startTestApp();
    await createMunicipality(t.db, 'birzai');
    researcher = await createAccount(t.db, 'researcher');
    await setPassword(t, researcher.id, password);
    baseUrl = await listen(t);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('imports by paste, previews in LT and EN without sending answers, publishes, and fieldwork counts a resident', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const failures = pageErrors(page);
    const responseCalls: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/public/responses')) responseCalls.push(request.url());
    });

    await signIn(page, baseUrl, researcher.email, password);
    await page.goto(`${baseUrl}/staff/surveys`);
    await page.getByTestId('new-survey-link').click();
    await page.getByTestId('definition-text').fill(JSON.stringify(definition));
    await page.getByTestId('survey-slug').fill('yards-2027');
    await page.getByTestId('survey-municipality-birzai').check();
    await page.getByTestId('create-survey').click();

    // The survey's own page: version 1 is a draft, nothing published yet.
    await page.getByTestId('version-1').waitFor();
    const surveyUrl = new URL(page.url());
    const surveyId = surveyUrl.pathname.split('/')[3];
    const { rows: created } = await t.db.query(`SELECT slug FROM survey WHERE id = $1`, [surveyId]);
    expect(created).toEqual([{ slug: 'yards-2027' }]);

    // Preview in Lithuanian, then English; answer in test mode and finish: nothing is sent.
    await page.getByTestId('preview-1').click();
    await page.getByTestId('preview-lang-lt').click();
    await page.getByTestId('preview').getByText('Ar kiemai sutvarkyti?').waitFor();
    await page.getByTestId('preview-lang-en').click();
    await page.getByTestId('preview').getByText('Are the yards tidy?').waitFor();
    await page.getByTestId('preview').getByText('Yes', { exact: true }).click();
    await page.locator('.sd-navigation__complete-btn:visible, input[value="Complete"]:visible').first().click();
    await page.getByTestId('test-completed').waitFor();
    expect(responseCalls).toEqual([]);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM response`).then((r) => r.rows[0].n)).toBe(0);

    // Publish version 1.
    await page.goto(surveyUrl.toString());
    await page.getByTestId('publish-1').click();
    await page.getByTestId('confirm-publish').click();
    await page.getByTestId('versions-message').waitFor();
    const { rows: versions } = await t.db.query(`SELECT version, published_at IS NOT NULL AS published FROM survey_version WHERE survey_id = $1`, [surveyId]);
    expect(versions).toEqual([{ version: 1, published: true }]);
    await page.getByTestId('fieldwork-empty').waitFor();

    // Invitations: three for Biržai, downloaded once as a CSV that keeps its byte-order mark
    // (Excel needs it) and has Lithuanian headers (the page's language); the counts show them unused.
    await page.getByTestId('invitations').locator('input[type=number]').fill('3');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('generate-invitations').click()]);
    const csv = await readFile((await download.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines).toHaveLength(4);
    // The workspace was used in Lithuanian (the default), so the headers are Lithuanian.
    expect(lines[0]).toBe('Savivaldybė,Apklausa,Kodas,Nuoroda');
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    await page.getByTestId('invitation-counts').getByText('3', { exact: true }).first().waitFor();
    expect(await t.db.query(`SELECT count(*)::int AS n FROM invitation WHERE survey_id = $1`, [surveyId]).then((r) => r.rows[0].n)).toBe(3);

    // A resident answers on a phone; the researcher's page, left open, updates by itself.
    const residentContext = await phone(browser);
    const resident = await residentContext.newPage();
    await resident.goto(`${baseUrl}/s/${surveyId}?m=birzai`);
    await resident.locator('[data-name="yards"]').getByText('Taip', { exact: true }).click();
    await resident.locator('.sd-navigation__complete-btn:visible, input[value="Complete"]:visible, input[value="Baigti"]:visible').first().click();
    await resident.getByTestId('thank-you').waitFor({ timeout: 15_000 });
    await residentContext.close();

    await page.getByTestId('fieldwork-complete').filter({ hasText: /^1$/ }).waitFor({ timeout: 20_000 });
    expect(failures).toEqual([]);
    await context.close();
  });
});
