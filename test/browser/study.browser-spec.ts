/// <reference lib="dom" />
import { createAccount, createMunicipality, type TestAccount } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { describeInBrowser, desktop, launch, listen, pageErrors, phone, setPassword, signIn, type Browser } from './browser-support';

jest.setTimeout(120_000);

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

const CONSENT_LT = 'Sutinku, kad mano anoniminiai atsakymai būtų naudojami vietos demokratijos tyrime.';
const CONSENT_EN = 'I agree that my anonymous answers are used in the local democracy study.';

describeInBrowser('a researcher sets up a study in the web app; a resident on a phone agrees to its consent and answers', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let researcher: TestAccount;
  let surveyId: string;
  const password = 'researcher password 2026';

  beforeAll(async () => {
    t = await startTestApp();
    await createMunicipality(t.db, 'birzai');
    researcher = await createAccount(t.db, 'researcher');
    await setPassword(t, researcher.id, password);
    // A published survey to attach (importing one through the page is the researcher test's subject).
    const created = await t.http
      .post('/api/surveys')
      .set(researcher.auth)
      .send({ slug: 'yards-study', definition, municipalityCodes: ['birzai'] })
      .expect(201);
    surveyId = created.body.id;
    await t.http.post(`/api/surveys/${surveyId}/versions/1/publish`).set(researcher.auth).expect(201);
    baseUrl = await listen(t);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('creates the study, writes consent (version history), attaches the survey, starts it; the resident sees the consent, agrees and answers', async () => {
    const context = await desktop(browser);
    const page = await context.newPage();
    const failures = pageErrors(page);
    await signIn(page, baseUrl, researcher.email, password);
    await page.getByTestId('nav-studies').click();
    await page.getByTestId('new-study-link').click();
    await page.getByTestId('study-title-lt').fill('Vietos demokratijos tyrimas');
    await page.getByTestId('study-title-en').fill('Local democracy study');
    await page.getByTestId('study-purpose-lt').fill('Įvertinti vietos demokratiją savivaldybėse.');
    await page.getByTestId('study-purpose-en').fill('To assess local democracy in the municipalities.');
    await page.getByTestId('study-municipality-birzai').check();
    await page.getByTestId('study-ethics-committee').fill('Tyrimų etikos komitetas');
    await page.getByTestId('study-ethics-reference').fill('EK-2026/3');
    await page.getByTestId('study-ethics-date').fill('2026-01-15');
    await page.getByTestId('study-submit').click();
    await page.getByTestId('study-page').waitFor();

    // Starting without consent: the page says what is missing.
    await page.getByTestId('study-status-active').click();
    await page.getByTestId('status-panel').getByTestId('error').waitFor();

    // Consent: version 1, then an edit makes version 2; both in the history.
    await page.getByTestId('consent-text-lt').fill(CONSENT_LT);
    await page.getByTestId('consent-text-en').fill(`${CONSENT_EN} (draft)`);
    await page.getByTestId('save-consent').click();
    await page.getByTestId('consent-version-1').waitFor();
    await page.getByTestId('consent-text-en').fill(CONSENT_EN);
    await page.getByTestId('save-consent').click();
    await page.getByTestId('consent-version-2').waitFor();

    await page.getByTestId('attach-survey').selectOption(surveyId);
    await page.getByTestId('attach-instrument').click();
    await page.getByTestId('instrument-yards-study').waitFor();
    await page.getByTestId('study-status-active').click();
    await page.getByTestId('study-status').filter({ hasText: 'Vykdomas' }).waitFor();
    expect(failures).toEqual([]);

    // The resident, on a phone, in English.
    const residentContext = await phone(browser);
    const resident = await residentContext.newPage();
    const residentFailures = pageErrors(resident);
    const saves: string[] = [];
    resident.on('request', (request) => {
      if (request.url().includes('/api/public/responses')) saves.push(request.postData() ?? '');
    });
    await resident.goto(`${baseUrl}/s/${surveyId}?m=birzai`);
    await resident.getByTestId('lang-en').click();
    const step = resident.getByTestId('consent-step');
    await step.waitFor();
    await step.getByText(CONSENT_EN, { exact: true }).waitFor();
    expect(await step.getByTestId('consent-version').textContent()).toContain('version 2');
    expect(await step.getByTestId('consent-terms').textContent()).toContain('Anonymous survey answers cannot be withdrawn');
    // Declining sends nothing; agreeing shows the survey.
    await resident.getByTestId('consent-decline').click();
    await resident.getByTestId('consent-declined').waitFor();
    expect(saves).toEqual([]);
    await resident.getByText('Read it again').click();
    await resident.getByTestId('consent-agree').click();
    await resident.locator('[data-name="yards"]').getByText('Yes', { exact: true }).click();
    await resident.locator('.sd-navigation__complete-btn:visible, input[value="Complete"]:visible').first().click();
    await resident.getByTestId('thank-you').waitFor();
    expect(residentFailures).toEqual([]);

    // Stored under the version the resident read and agreed to.
    const { rows } = await t.db.query(
      `SELECT cv.version, r.status FROM response r JOIN consent_version cv ON cv.id = r.consent_version_id WHERE r.survey_id = $1`,
      [surveyId],
    );
    expect(rows).toEqual([{ version: 2, status: 'complete' }]);
    expect(saves.every((body) => JSON.parse(body).consent?.agreed === true)).toBe(true);
    await residentContext.close();
    await context.close();
  });
});
