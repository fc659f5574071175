/// <reference lib="dom" />
import { confirmedSignUp } from '../support/consultation-fixtures';
import { countRows, createAccount, createMunicipality, type TestAccount } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { describeInBrowser, desktop, launch, listen, pageErrors, phone, setPassword, signIn, type Browser } from './browser-support';

jest.setTimeout(120_000);

const inHours = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();
/** datetime-local text of an instant in Vilnius time, as the form shows it. */
const vilniusLocal = (iso: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Vilnius', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
    .format(new Date(iso))
    .replace(' ', 'T');

describeInBrowser('staff meeting pages: edit the time (everyone told), the waitlist sees no code, another municipality is not found', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let staff: TestAccount;
  let meetingId: string;
  let otherMeetingId: string;
  const password = 'staff password 2026';
  let confirmed: { id: string; status: string; manageToken: string };
  let waitlisted: { id: string; status: string; manageToken: string };

  async function makeMeeting(account: TestAccount, municipalityCode: string, capacity: number): Promise<string> {
    const consultation = await t.http
      .post('/api/consultations')
      .set(account.auth)
      .send({ municipalityCode, titleLt: 'Parko ateitis', titleEn: 'The future of the park', institution: 'Savivaldybės taryba' })
      .expect(201);
    await t.http.patch(`/api/consultations/${consultation.body.id}`).set(account.auth).send({ phase: 'open' }).expect(200);
    const meeting = await t.http
      .post(`/api/consultations/${consultation.body.id}/meetings`)
      .set(account.auth)
      .send({ kind: 'discussion', titleLt: 'Diskusija', titleEn: 'Discussion', startsAt: inHours(72), endsAt: inHours(74), place: 'Kultūros centras', capacity, retentionDays: 30 })
      .expect(201);
    return meeting.body.id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    await createMunicipality(t.db, 'birzai');
    await createMunicipality(t.db, 'rokiskis');
    staff = await createAccount(t.db, 'staff', ['birzai']);
    await setPassword(t, staff.id, password);
    const otherStaff = await createAccount(t.db, 'staff', ['rokiskis']);
    meetingId = await makeMeeting(staff, 'birzai', 1);
    otherMeetingId = await makeMeeting(otherStaff, 'rokiskis', 5);
    // Each asks for a place and confirms by the emailed link; the second finds the one place taken.
    confirmed = (await confirmedSignUp(t, meetingId, { name: 'Ona Onaitė', contact: 'ona@example.lt', consent: true, language: 'lt' })).body;
    waitlisted = (await confirmedSignUp(t, meetingId, { name: 'Petras Petraitis', contact: 'petras@example.lt', consent: true, language: 'lt' })).body;
    expect(waitlisted.status).toBe('waitlisted');
    baseUrl = await listen(t);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a waitlisted person sees their place in the queue but no check-in code or QR (phone)', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    const failures = pageErrors(page);
    await page.goto(`${baseUrl}/signup#${waitlisted.manageToken}`);
    await page.locator('[data-testid="signup-status"][data-status="waitlisted"]').waitFor();
    await page.getByTestId('waitlist-position').waitFor();
    expect(await page.getByTestId('checkin-code').count()).toBe(0);
    expect(await page.locator('.checkin img, .checkin canvas, .checkin svg').count()).toBe(0);

    // The confirmed person, on the same kind of page, does see theirs: the check above can fail.
    await page.goto(`${baseUrl}/signup#${confirmed.manageToken}`);
    await page.locator('[data-testid="signup-status"][data-status="confirmed"]').waitFor();
    await page.getByTestId('checkin-code').waitFor();
    expect(failures).toEqual([]);
    await context.close();
  });

  it('staff move the meeting an hour later, and everyone signed up gets a message', async () => {
    const context = await desktop(browser);
    const page = await context.newPage();
    const failures = pageErrors(page);
    await signIn(page, baseUrl, staff.email, password, `/staff/meetings/${meetingId}`);
    await page.getByTestId('edit-meeting').waitFor();
    const before = await t.db.query(`SELECT starts_at FROM meeting WHERE id = $1`, [meetingId]);
    const messagesBefore = await countRows(t.db, 'message', `kind = 'meeting_changed'`);
    expect(messagesBefore).toBe(0);

    const later = new Date(before.rows[0].starts_at.getTime() + 3600_000).toISOString();
    const laterEnd = new Date(before.rows[0].starts_at.getTime() + 3 * 3600_000).toISOString();
    await page.getByTestId('edit-ends-at').fill(vilniusLocal(laterEnd));
    await page.getByTestId('edit-starts-at').fill(vilniusLocal(later));
    await page.getByTestId('save-meeting').click();
    await page.getByTestId('meeting-saved').waitFor();

    const after = await t.db.query(`SELECT starts_at FROM meeting WHERE id = $1`, [meetingId]);
    // The form works in whole minutes.
    expect(after.rows[0].starts_at.toISOString()).toBe(new Date(Math.floor(Date.parse(later) / 60_000) * 60_000).toISOString());
    // Both people (the confirmed one and the one waiting) get a message about the new time.
    const { rows: told } = await t.db.query(
      `SELECT s.name FROM message m JOIN signup s ON s.id = m.signup_id WHERE m.kind = 'meeting_changed' ORDER BY s.name`,
    );
    expect(told.map((row) => row.name)).toEqual(['Ona Onaitė', 'Petras Petraitis']);
    // And the page's message history shows it.
    await page.locator('[data-testid="message-history-item"][data-kind="meeting_changed"]').waitFor();
    expect(failures).toEqual([]);
    await context.close();
  });

  it("another municipality's meeting says 'not found' at once, with no check-in, message or cancel controls", async () => {
    const context = await desktop(browser);
    const page = await context.newPage();
    await signIn(page, baseUrl, staff.email, password, `/staff/meetings/${otherMeetingId}`);
    await page.getByTestId('error').waitFor();
    expect(await page.getByTestId('checkin-form').count()).toBe(0);
    expect(await page.getByTestId('edit-meeting').count()).toBe(0);
    expect(await page.getByTestId('meeting-title').count()).toBe(0);
    await context.close();
  });
});
