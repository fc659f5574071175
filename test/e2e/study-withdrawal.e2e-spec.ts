import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { manageTokenFor } from '../../libs/consultations/src/signups/manage-tokens';
import { withdrawalTokenFor } from '../../libs/studies/src/participants/withdrawal-tokens';
import { confirmedSignUp, createMeeting, createOpenConsultation, manage, person } from '../support/consultation-fixtures';
import { countRows, createAccount, createMunicipality, type TestAccount } from '../support/factories';
import { activeStudy, agreed, studyTables } from '../support/study-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { FAST_JOBS_ENV, startInProcessWorker, waitFor } from '../support/test-worker';

/** The text of a one-part .eml as nodemailer writes it (quoted-printable or base64). */
function decodedBody(eml: string): string {
  const [head, ...rest] = eml.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
    return Buffer.from(
      body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  }
  return body;
}

/**
 * A participant who gave contact details under a study gets a receipt (through the mail outbox,
 * with the consent version and its text) and withdraws with the link in it: their personal data is
 * deleted or anonymised as their consent said, their place goes to the waitlist, and the audit log
 * records that it happened, never who.
 */
describe('study receipts and withdrawal', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let mailDir: string;
  let researcher: TestAccount;
  let staff: TestAccount;

  beforeAll(async () => {
    mailDir = mkdtempSync(join(tmpdir(), 'study-mail-'));
    t = await startTestApp({ ...FAST_JOBS_ENV, MAIL_DIR: mailDir, PUBLIC_BASE_URL: 'https://dalyvauk.example.lt' });
    await createMunicipality(t.db, 'birzai');
    researcher = await createAccount(t.db, 'researcher');
    staff = await createAccount(t.db, 'staff', ['birzai']);
    worker = await startInProcessWorker(t.config);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    rmSync(mailDir, { recursive: true, force: true });
  });

  async function studyMeeting(policy: 'delete' | 'anonymise', capacity = 1) {
    const { studyId } = await activeStudy(t, researcher);
    if (policy !== 'delete')
      await t.http.put(`/api/studies/${studyId}/policy`).set(researcher.auth).send({ withdrawalPolicy: policy }).expect(200);
    const { body: study } = await t.http.get(`/api/studies/${studyId}`).set(researcher.auth).expect(200);
    const meeting = await createMeeting(t, staff, await createOpenConsultation(t, staff, 'birzai'), { capacity });
    await t.http.patch(`/api/meetings/${meeting.id}`).set(staff.auth).send({ studyId }).expect(200);
    return { studyId, consentId: study.consent.id as string, meetingId: meeting.id };
  }

  let lastReceipt = '';
  /** The withdrawal link in the receipt the worker sent to `contact`, as the participant would click it. */
  async function receiptLink(contact: string): Promise<string> {
    let file = '';
    await waitFor(`the receipt to ${contact} sent`, async () => {
      const { rows } = await t.db.query(
        `SELECT m.id FROM message m JOIN signup s ON s.id = m.signup_id WHERE s.contact_key = $1 AND m.kind = 'study_receipt' AND m.sent_at IS NOT NULL`,
        [contact],
      );
      file = rows[0] ? join(mailDir, `${rows[0].id}.eml`) : '';
      return Boolean(file) && existsSync(file);
    });
    const text = decodedBody(readFileSync(file, 'utf8'));
    lastReceipt = text;
    const match = /https:\/\/dalyvauk\.example\.lt\/studies\/withdraw#([A-Za-z0-9._-]+)/.exec(text);
    if (!match) throw new Error(`no withdrawal link in the receipt ${file}`);
    return match[1];
  }
  const view = (token: string) => t.http.get('/api/public/study-withdrawal').set('x-withdrawal-token', token);
  const withdraw = (token: string) => t.http.post('/api/public/study-withdrawal').set('x-withdrawal-token', token);

  it('policy delete: the receipt carries the consent text and a working link; withdrawing deletes the sign-up and moves the waitlist up', async () => {
    const { studyId, consentId, meetingId } = await studyMeeting('delete');
    const first = person({ studyConsent: agreed(consentId), language: 'en' });
    const second = person({ studyConsent: agreed(consentId) });
    await confirmedSignUp(t, meetingId, first);
    await confirmedSignUp(t, meetingId, second);
    const token = await receiptLink(first.contact);
    expect(lastReceipt).toContain('Consent text, version 1');
    expect(lastReceipt).toContain('I agree to take part in the study');
    const {
      rows: [mail],
    } = await t.db.query(
      `SELECT m.body FROM message m JOIN signup s ON s.id = m.signup_id WHERE s.contact_key = $1 AND m.kind = 'study_receipt'`,
      [first.contact],
    );
    // The stored message still holds only the placeholder: the database has no working link.
    expect(mail.body).toContain('{{withdraw_url:signup:');

    expect((await view(token).expect(200)).body).toEqual({
      state: 'held',
      kind: 'signup',
      study: { titleLt: 'Vietos demokratijos tyrimas', titleEn: 'Local democracy study' },
      policy: 'delete',
    });
    const done = await withdraw(token).expect(200);
    expect(done.body.state).toBe('nothing_held');
    expect(await countRows(t.db, 'signup', 'contact_key = $1', [first.contact])).toBe(0);
    // Nothing of them is left in messages either (address and text gone; unsent ones will never go).
    expect(await countRows(t.db, 'message', 'recipient = $1 OR body LIKE $2', [first.contact, `%${first.name}%`])).toBe(0);
    // Their place went to the next on the waitlist.
    const {
      rows: [promoted],
    } = await t.db.query(`SELECT status FROM signup WHERE contact_key = $1`, [second.contact]);
    expect(promoted.status).toBe('confirmed');
    const {
      rows: [meeting],
    } = await t.db.query(`SELECT confirmed_count FROM meeting WHERE id = $1`, [meetingId]);
    expect(meeting.confirmed_count).toBe(1);
    // Audited, without the person: no name, contact or sign-up id.
    const { rows: audit } = await t.db.query(
      `SELECT actor_account_id, details FROM audit_log WHERE action = 'study.withdrawal' AND target_id = $1`,
      [studyId],
    );
    expect(audit).toEqual([
      { actor_account_id: null, details: { participant: 'signup', policy: 'delete', deleted: true, cancelledPlace: true } },
    ]);
    expect(JSON.stringify(audit)).not.toContain(first.contact);
    // Asking again changes nothing and says so.
    expect((await withdraw(token).expect(200)).body.state).toBe('nothing_held');
    expect(await countRows(t.db, 'audit_log', `action = 'study.withdrawal' AND target_id = $1`, [studyId])).toBe(1);
  });

  it('policy anonymise: the sign-up stays for the counts without name or contact; a checked-in attendance is kept', async () => {
    const { consentId, meetingId } = await studyMeeting('anonymise', 5);
    const attendee = person({ studyConsent: agreed(consentId) });
    const waiting = person({ studyConsent: agreed(consentId) });
    await confirmedSignUp(t, meetingId, attendee);
    await confirmedSignUp(t, meetingId, waiting);
    // The meeting took place and the first person was checked in.
    await t.db.query(
      `UPDATE meeting SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour', signup_deadline = now() - interval '4 hours' WHERE id = $1`,
      [meetingId],
    );
    await t.db.query(`UPDATE signup SET attended_at = now() - interval '2 hours' WHERE contact_key = $1`, [attendee.contact]);
    const token = await receiptLink(attendee.contact);
    expect((await withdraw(token).expect(200)).body).toMatchObject({ state: 'withdrawn', policy: 'anonymise' });
    const {
      rows: [row],
    } = await t.db.query(
      `SELECT status, name, email, contact_key, checkin_code, attended_at IS NOT NULL AS attended, withdrawn_at IS NOT NULL AS withdrawn
         FROM signup WHERE meeting_id = $1 AND purged_at IS NOT NULL`,
      [meetingId],
    );
    expect(row).toEqual({
      status: 'confirmed',
      name: null,
      email: null,
      contact_key: null,
      checkin_code: null,
      attended: true,
      withdrawn: true,
    });
    expect((await view(token).expect(200)).body.state).toBe('withdrawn');
    // The other participant is untouched.
    expect(await countRows(t.db, 'signup', 'contact_key = $1 AND purged_at IS NULL', [waiting.contact])).toBe(1);
  });

  it('refuses links it did not make, with 404 naming the header, and changes nothing', async () => {
    const { consentId, meetingId } = await studyMeeting('delete', 3);
    const body = person({ studyConsent: agreed(consentId) });
    const signed = await confirmedSignUp(t, meetingId, body);
    const {
      rows: [signup],
    } = await t.db.query(`SELECT id FROM signup WHERE contact_key = $1`, [body.contact]);
    const before = await studyTables(t.db);
    const signupsBefore = JSON.stringify((await t.db.query(`SELECT * FROM signup ORDER BY id`)).rows);
    const forged = [
      undefined,
      '',
      'signup',
      `signup.${signup.id}`,
      `signup.${signup.id}.AAAA`,
      withdrawalTokenFor('another-secret-of-at-least-32-characters!!', 'signup', signup.id),
      // A manage link's token is signed for another purpose: it does not withdraw.
      signed.body.manageToken,
      manageTokenFor(t.config.APP_SECRET, signup.id),
      withdrawalTokenFor(t.config.APP_SECRET, 'applicant', signup.id),
      `signup.${signup.id}.${'x'.repeat(300)}`,
    ];
    for (const token of forged) {
      for (const request of [t.http.get('/api/public/study-withdrawal'), t.http.post('/api/public/study-withdrawal')]) {
        const res = await (token === undefined ? request : request.set('x-withdrawal-token', token));
        expect([token, res.status, res.body.code, res.body.details?.[0]?.field]).toEqual([
          token,
          404,
          'WITHDRAWAL_LINK_INVALID',
          'x-withdrawal-token',
        ]);
      }
    }
    expect(await studyTables(t.db)).toBe(before);
    expect(JSON.stringify((await t.db.query(`SELECT * FROM signup ORDER BY id`)).rows)).toBe(signupsBefore);
    // The manage link still works for what it is for.
    await manage(t, 'get', '', signed.body.manageToken).expect(200);
  });
});
