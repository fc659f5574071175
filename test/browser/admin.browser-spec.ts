/// <reference lib="dom" />
import { verifyPassword } from '../../libs/auth/src/secrets';
import { createAccount, createMunicipality, type TestAccount } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { describeInBrowser, desktop, launch, listen, pageErrors, setPassword, signIn, type Browser } from './browser-support';

jest.setTimeout(120_000);

describeInBrowser('an admin creates a staff account; the staff member signs in and changes the password', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let admin: TestAccount;
  const adminPassword = 'admin password 2026';
  const staffEmail = 'ruta.jonaityte@birzai.lt';
  const firstPassword = 'laikinas slaptazodis 1';
  const secondPassword = 'mano naujas slaptazodis 2';

  beforeAll(async () => {
    t = await startTestApp();
    await createMunicipality(t.db, 'birzai');
    admin = await createAccount(t.db, 'admin');
    await setPassword(t, admin.id, adminPassword);
    baseUrl = await listen(t);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('creates the account in the accounts page, then the new staff member changes their password', async () => {
    const adminContext = await desktop(browser);
    const page = await adminContext.newPage();
    const failures = pageErrors(page);
    // Admins start at their accounts page.
    await signIn(page, baseUrl, admin.email, adminPassword);
    await page.getByTestId('new-account').waitFor();
    expect(new URL(page.url()).pathname).toBe('/staff/admin/accounts');

    await page.getByTestId('account-email').fill(staffEmail);
    await page.getByTestId('account-name').fill('Rūta Jonaitytė');
    await page.getByTestId('account-password').fill(firstPassword);
    await page.getByTestId('account-role').selectOption('staff');
    await page.getByTestId('account-municipalities').fill('birzai');
    await page.getByTestId('create-account').click();
    await page.getByTestId('account-created').waitFor();
    await page.getByTestId(`account-${staffEmail}`).waitFor();
    const { rows: created } = await t.db.query(
      `SELECT a.role, array_agg(m.code) AS codes FROM account a JOIN account_municipality am ON am.account_id = a.id
         JOIN municipality m ON m.id = am.municipality_id WHERE a.email = $1 GROUP BY a.role`,
      [staffEmail],
    );
    expect(created).toEqual([{ role: 'staff', codes: ['birzai'] }]);

    // The audit view lists the creation.
    await page.getByTestId('admin-audit').click();
    await page.locator('[data-testid="audit-entry"][data-action="account.created"]').waitFor();
    expect(failures).toEqual([]);
    await adminContext.close();

    // The staff member signs in with the temporary password and lands on their consultations.
    const staffContext = await desktop(browser);
    const staffPage = await staffContext.newPage();
    const staffFailures = pageErrors(staffPage);
    await signIn(staffPage, baseUrl, staffEmail, firstPassword);
    await staffPage.waitForURL(/\/staff\/consultations$/);

    await staffPage.getByTestId('nav-password').click();
    // A mismatch is caught before anything is sent.
    await staffPage.getByTestId('current-password').fill(firstPassword);
    await staffPage.getByTestId('new-password').fill(secondPassword);
    await staffPage.getByTestId('repeat-password').fill(`${secondPassword}x`);
    await staffPage.getByTestId('save-password').click();
    await staffPage.getByTestId('password-error').waitFor();
    await staffPage.getByTestId('repeat-password').fill(secondPassword);
    await staffPage.getByTestId('save-password').click();
    await staffPage.getByTestId('password-changed').waitFor();

    const { rows } = await t.db.query(`SELECT password_hash FROM account WHERE email = $1`, [staffEmail]);
    expect(await verifyPassword(rows[0].password_hash, secondPassword)).toBe(true);
    expect(await verifyPassword(rows[0].password_hash, firstPassword)).toBe(false);

    // Signing out and in again works with the new password only.
    await staffPage.getByTestId('sign-out').click();
    await staffPage.locator('input[type=email]').waitFor();
    await signIn(staffPage, baseUrl, staffEmail, secondPassword);
    expect(staffFailures).toEqual([]);
    await staffContext.close();
  });
});
