/// <reference lib="dom" />
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { hashPassword } from '../../libs/auth/src/secrets';
import { confirmedSignUp, pendingManageToken } from '../support/consultation-fixtures';
import { countRows, createAccount, createMunicipality, type TestAccount } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

const CHROMIUM = '/usr/bin/chromium';
const haveBrowser = existsSync(CHROMIUM) && existsSync('dist/web/index.html');
if (!haveBrowser) console.warn(`browser test skipped: needs ${CHROMIUM} (apt-get install chromium) and dist/web (npm run build:web)`);
const describeInBrowser = haveBrowser ? describe : describe.skip;

jest.setTimeout(120_000);

const inHours = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();

describeInBrowser('meeting sign-up on a phone: sign up, confirm by the emailed link, cancel; check-in from the QR code', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let meetingId: string;
  let staff: TestAccount;

  beforeAll(async () => {
    t = await startTestApp();
    await createMunicipality(t.db, 'birzai');
    staff = await createAccount(t.db, 'staff', ['birzai']);
    const consultation = await t.http
      .post('/api/consultations')
      .set(staff.auth)
      .send({
        municipalityCode: 'birzai',
        titleLt: 'Biudžeto prioritetai',
        titleEn: 'Budget priorities',
        descriptionLt: 'Kur skirti lėšas?',
        descriptionEn: 'Where should the money go?',
        institution: 'Biržų rajono savivaldybės taryba',
      })
      .expect(201);
    await t.http.patch(`/api/consultations/${consultation.body.id}`).set(staff.auth).send({ phase: 'open' }).expect(200);
    const meeting = await t.http
      .post(`/api/consultations/${consultation.body.id}/meetings`)
      .set(staff.auth)
      .send({
        kind: 'discussion',
        titleLt: 'Vieša diskusija apie biudžetą',
        titleEn: 'Public discussion on the budget',
        startsAt: inHours(48),
        endsAt: inHours(50),
        place: 'Biržų kultūros centras, Vytauto g. 1',
        capacity: 2,
        retentionDays: 30,
      })
      .expect(201);
    meetingId = meeting.body.id;
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

  const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

  it('refuses the form without consent, asks for a place with it, confirms by the emailed link, shows the code and QR, and cancels', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    const signupPosts: string[] = [];
    page.on('request', (req) => {
      if (req.method() === 'POST' && req.url().includes('/signups')) signupPosts.push(req.url());
    });

    // The municipality page links to its meetings; the list links to the meeting.
    await page.goto(`${baseUrl}/m/birzai`);
    await page.getByTestId('meetings-link').click();
    await page.getByTestId(`meeting-${meetingId}`).click();
    await page.getByTestId('signup-form').waitFor();
    expect(await page.getByTestId('meeting-title').textContent()).toBe('Vieša diskusija apie biudžetą');
    // The consent label is the stored consent text, in the language shown.
    expect(await page.locator('label:has([data-testid="signup-consent"])').textContent()).toContain('Sutinku');
    await page.getByTestId('lang-en').click();
    expect(await page.getByTestId('meeting-title').textContent()).toBe('Public discussion on the budget');
    expect(await page.locator('label:has([data-testid="signup-consent"])').textContent()).toContain('I agree');

    await page.getByTestId('signup-name').fill('Ona Onaitė');
    await page.getByTestId('signup-contact').fill('ona@example.lt');
    await page.getByTestId('signup-organisation').fill('Biržų bendruomenė');

    // Without consent: the form says so beside the box, and nothing is sent or stored.
    await page.getByTestId('signup-submit').click();
    await page.getByTestId('signup-consent-error').waitFor();
    expect(await page.getByTestId('form-errors').isVisible()).toBe(true);
    expect(await page.getByTestId('signup-consent').getAttribute('aria-invalid')).toBe('true');
    expect(signupPosts).toEqual([]);
    expect(await countRows(t.db, 'signup', 'meeting_id = $1', [meetingId])).toBe(0);
    expect(await noSidewaysScroll(page)).toBe(true);

    await page.getByTestId('signup-consent').check();
    expect(await page.getByTestId('signup-consent-error').count()).toBe(0);
    await page.getByTestId('signup-submit').click();

    // "Check your email": no place is held until the link is opened.
    await page.getByTestId('signup-check-email').waitFor({ timeout: 15000 });
    expect(await page.getByTestId('signup-check-email').textContent()).toContain('Check your email');
    expect(await page.getByTestId('checkin-code').count()).toBe(0);
    expect(await countRows(t.db, 'signup', `meeting_id = $1 AND status = 'pending'`, [meetingId])).toBe(1);
    expect(await noSidewaysScroll(page)).toBe(true);

    // The resident opens the link from the email (built here as the worker builds it): that confirms.
    await page.goto(`${baseUrl}/signup#${await pendingManageToken(t, meetingId, 'ona@example.lt')}`);
    await page.getByTestId('manage-signup').waitFor({ timeout: 15000 });
    expect(await page.getByTestId('signup-status').getAttribute('data-status')).toBe('confirmed');
    const code = (await page.getByTestId('checkin-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    const qr = page.getByTestId('checkin-qr');
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await noSidewaysScroll(page)).toBe(true);

    const { rows: stored } = await t.db.query(`SELECT status, name, email, organisation, language, checkin_code FROM signup WHERE meeting_id = $1`, [meetingId]);
    expect(stored).toEqual([
      { status: 'confirmed', name: 'Ona Onaitė', email: 'ona@example.lt', organisation: 'Biržų bendruomenė', language: 'en', checkin_code: code },
    ]);

    // The manage link to keep carries the token in its fragment; opening it again confirms nothing twice.
    expect(await page.getByTestId('manage-url').textContent()).toMatch(new RegExp(`^${baseUrl}/signup#[0-9a-f-]{36}\\.`));
    await page.reload();
    await page.getByTestId('manage-signup').waitFor();
    expect(await page.getByTestId('signup-status').getAttribute('data-status')).toBe('confirmed');
    expect((await page.getByTestId('checkin-code').textContent())?.trim()).toBe(code);
    expect(await countRows(t.db, 'message', `kind = 'confirmation'`)).toBe(1);

    // The calendar file is fetched with the token and saved as meeting.ics.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('add-to-calendar').click()]);
    expect(download.suggestedFilename()).toBe('meeting.ics');
    const ics = readFileSync((await download.path()), 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');

    // Cancelling asks once more before giving the place away.
    await page.getByTestId('cancel-signup').click();
    expect(await countRows(t.db, 'signup', `meeting_id = $1 AND status = 'confirmed'`, [meetingId])).toBe(1);
    await page.getByTestId('cancel-confirm').click();
    await page.locator('[data-testid="signup-status"][data-status="cancelled"]').waitFor({ timeout: 15000 });
    expect(await page.getByTestId('cancel-signup').count()).toBe(0);
    expect(await page.getByTestId('checkin-code').count()).toBe(0);

    const { rows: after } = await t.db.query(`SELECT status, cancelled_at FROM signup WHERE meeting_id = $1`, [meetingId]);
    expect(after).toHaveLength(1);
    expect(after[0].status).toBe('cancelled');
    expect(after[0].cancelled_at).not.toBeNull();

    // A reload of the manage page still shows it cancelled.
    await page.reload();
    await page.locator('[data-testid="signup-status"][data-status="cancelled"]').waitFor();
    expect(await noSidewaysScroll(page)).toBe(true);
    expect(failures).toEqual([]);
    await context.close();
  });

  it('checks the person in when staff open the QR code\'s link and sign in', async () => {
    const password = 'a long enough password';
    await t.db.query(`UPDATE account SET password_hash = $1 WHERE id = $2`, [await hashPassword(password), staff.id]);
    const signup = await confirmedSignUp(t, meetingId, { name: 'Jonas Jonaitis', contact: 'jonas@example.lt', consent: true, language: 'lt' });
    expect(signup.body.status).toBe('confirmed');
    // The QR code holds the server's public address; here the app listens elsewhere, so keep path and query.
    const qr = new URL(signup.body.checkinUrl);
    expect(qr.pathname).toBe(`/staff/meetings/${meetingId}/check-in`);
    expect(qr.searchParams.get('code')).toBe(signup.body.checkinCode);

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    await page.goto(`${baseUrl}${qr.pathname}${qr.search}`);
    // Not signed in: the sign-in page, which then goes on to the check-in.
    await page.locator('input[type=email]').fill(staff.email);
    await page.locator('input[type=password]').fill(password);
    await page.getByTestId('sign-in').click();
    // The meeting is in two days: check-in is for the meeting day, so staff must give a reason.
    await page.getByTestId('checkin-other-day').waitFor({ timeout: 15000 });
    expect(await countRows(t.db, 'signup', 'meeting_id = $1 AND attended_at IS NOT NULL', [meetingId])).toBe(0);
    await page.getByTestId('checkin-reason').fill('Susitikimas perkeltas į šiandien');
    await page.getByTestId('checkin-anyway').click();
    await page.getByTestId('checkin-result').waitFor({ timeout: 15000 });
    expect(await page.getByTestId('checkin-result').textContent()).toContain('Jonas Jonaitis');
    expect(new URL(page.url()).pathname).toBe(qr.pathname);

    const { rows } = await t.db.query(`SELECT attended_at, checkin_override_reason FROM signup WHERE id = $1`, [signup.body.id]);
    expect(rows[0].attended_at).not.toBeNull();
    expect(rows[0].checkin_override_reason).toBe('Susitikimas perkeltas į šiandien');
    // The list below shows the arrival.
    await page.getByTestId(`signup-${signup.body.id}`).getByText('✓').waitFor();

    // A code typed that matches nobody is refused beside the box, and nothing changes.
    await page.getByTestId('checkin-code-input').fill('ZZZZZZ');
    await page.getByTestId('checkin-submit').click();
    await page.getByTestId('checkin-code-input-error').waitFor();
    expect(await countRows(t.db, 'signup', 'meeting_id = $1 AND attended_at IS NOT NULL', [meetingId])).toBe(1);
    expect(await noSidewaysScroll(page)).toBe(true);
    expect(failures).toEqual([]);
    await context.close();
  });
});
