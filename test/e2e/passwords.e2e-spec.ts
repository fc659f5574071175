import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { hashPassword, sha256Hex } from '../../libs/auth/src/secrets';
import { countRows, createAccount, createMunicipality, type TestAccount } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { FAST_JOBS_ENV, startInProcessWorker, waitFor } from '../support/test-worker';

const OLD = 'the old pass phrase 2026';
const NEW = 'a brand new pass phrase';

/** Password change, reset by e-mail (through the real outbox and worker), admin reset, API token revocation. */
describe('passwords and API tokens', () => {
  let t: TestApp;
  let admin: TestAccount;
  let worker: INestApplicationContext | undefined;
  let mailDir: string;
  let n = 0;

  beforeAll(async () => {
    mailDir = mkdtempSync(join(tmpdir(), 'mail-'));
    t = await startTestApp({ ...FAST_JOBS_ENV, MAIL_DIR: mailDir, PASSWORD_RESET_TTL_MINUTES: '30' });
    await createMunicipality(t.db, 'birzai');
    admin = await createAccount(t.db, 'admin');
  });
  afterEach(async () => {
    await worker?.close();
    worker = undefined;
  });
  afterAll(async () => {
    await t.close();
    rmSync(mailDir, { recursive: true, force: true });
  });

  /** A staff account with a real password; its e-mail and name are what the audit must never hold. */
  const newAccount = async () => {
    const email = `ona.petraitiene.${++n}@birzai.lt`;
    const { rows } = await t.db.query(
      `INSERT INTO account (email, display_name, password_hash, role) VALUES ($1, 'Ona Petraitienė', $2, 'researcher') RETURNING id`,
      [email, await hashPassword(OLD)],
    );
    return { id: rows[0].id as string, email };
  };
  const bearer = async (email: string, password = OLD) => {
    const res = await t.http.post('/api/auth/tokens').send({ email, password, label: 'R script' }).expect(201);
    return { Authorization: `Bearer ${res.body.token}` };
  };
  const hashOf = async (id: string) => (await t.db.query(`SELECT password_hash FROM account WHERE id = $1`, [id])).rows[0].password_hash;
  const auditText = async () => JSON.stringify((await t.db.query(`SELECT * FROM audit_log`)).rows);

  it('changes the password with the current one, ends every other session, and refuses weak or wrong input', async () => {
    const { id, email } = await newAccount();
    const mine = await bearer(email);
    const other = await bearer(email);
    const before = await hashOf(id);

    const wrong = await t.http.post('/api/auth/password').set(mine).send({ currentPassword: 'not my password', newPassword: NEW }).expect(400);
    expect(wrong.body).toMatchObject({ code: 'CURRENT_PASSWORD_WRONG', details: [{ field: 'currentPassword', reason: 'is not your current password' }] });
    for (const [newPassword, reason] of [['short', /at least 12/], [`${email}!`, /e-mail address/], [`${email.split('@')[0]}x2026`, /name part/], ['zzzzzzzzzzzzzzzz', /repeated/]] as const) {
      const weak = await t.http.post('/api/auth/password').set(mine).send({ currentPassword: OLD, newPassword }).expect(400);
      expect(weak.body).toMatchObject({ code: 'PASSWORD_REJECTED', details: [{ field: 'newPassword', reason: expect.stringMatching(reason) }] });
    }
    const missing = await t.http.post('/api/auth/password').set(mine).send({ newPassword: NEW }).expect(400);
    expect(missing.body.details.map((d: { field: string }) => d.field)).toContain('currentPassword');
    expect(await hashOf(id)).toBe(before);
    await t.http.get('/api/auth/me').set(other).expect(200);

    await t.http.post('/api/auth/password').set(mine).send({ currentPassword: OLD, newPassword: NEW }).expect(204);
    await t.http.get('/api/auth/me').set(mine).expect(200);
    expect((await t.http.get('/api/auth/me').set(other).expect(401)).body.code).toBe('SESSION_INVALID');
    await t.http.post('/api/auth/sessions').send({ email, password: OLD }).expect(401);
    await t.http.post('/api/auth/sessions').send({ email, password: NEW }).expect(201);
    expect(await countRows(t.db, 'audit_log', `action = 'account.password_changed' AND target_id = $1 AND actor_account_id = $1`, [id])).toBe(1);
  });

  it('answers a reset request alike for known and unknown addresses, e-mails a single-use link and keeps only its hash', async () => {
    const { id, email } = await newAccount();
    const session = await bearer(email);
    const known = await t.http.post('/api/auth/password-reset').send({ email: email.toUpperCase() }).expect(202);
    const unknown = await t.http.post('/api/auth/password-reset').send({ email: 'nobody.here@birzai.lt' }).expect(202);
    expect(unknown.body).toEqual(known.body);
    expect(await countRows(t.db, 'password_reset', 'account_id = $1', [id])).toBe(1);
    expect(await countRows(t.db, 'message', `kind = 'password_reset' AND recipient = 'nobody.here@birzai.lt'`)).toBe(0);

    // Sent by the worker through the outbox, to the mail folder; the stored message is then emptied.
    worker = await startInProcessWorker(t.config);
    const [{ id: messageId }] = (await t.db.query(`SELECT id FROM message WHERE kind = 'password_reset' AND recipient = $1`, [email])).rows;
    await waitFor('the reset e-mail sent', async () => (await t.db.query(`SELECT sent_at FROM message WHERE id = $1`, [messageId])).rows[0].sent_at !== null);
    const eml = readFileSync(join(mailDir, `${messageId}.eml`), 'utf8');
    const token = /\/password-reset#([A-Za-z0-9_-]{43})/.exec(eml)![1];
    expect((await t.db.query(`SELECT recipient, body FROM message WHERE id = $1`, [messageId])).rows[0]).toEqual({ recipient: null, body: null });
    const stored = (await t.db.query(`SELECT token_hash FROM password_reset WHERE account_id = $1`, [id])).rows[0].token_hash;
    expect(stored).toBe(sha256Hex(token));
    expect(JSON.stringify((await t.db.query(`SELECT * FROM password_reset`)).rows)).not.toContain(token);

    const weak = await t.http.post('/api/auth/password-reset/confirm').send({ token, newPassword: 'short' }).expect(400);
    expect(weak.body.details).toEqual([{ field: 'newPassword', reason: 'must be at least 12 characters' }]);
    expect(await countRows(t.db, 'password_reset', 'account_id = $1 AND used_at IS NULL', [id])).toBe(1);

    await t.http.post('/api/auth/password-reset/confirm').send({ token, newPassword: NEW }).expect(204);
    await t.http.get('/api/auth/me').set(session).expect(401);
    await t.http.post('/api/auth/sessions').send({ email, password: NEW }).expect(201);
    const hash = await hashOf(id);
    const again = await t.http.post('/api/auth/password-reset/confirm').send({ token, newPassword: 'yet another pass phrase' }).expect(400);
    expect(again.body).toMatchObject({ code: 'RESET_TOKEN_INVALID', details: [{ field: 'token', reason: expect.any(String) }] });
    expect(await hashOf(id)).toBe(hash);
  });

  it('refuses an expired link, a made-up one and malformed requests, changing nothing', async () => {
    const { id, email } = await newAccount();
    await t.http.post('/api/auth/password-reset').send({ email }).expect(202);
    const body = (await t.db.query(`SELECT body FROM message WHERE kind = 'password_reset' AND recipient = $1`, [email])).rows[0].body as string;
    const token = /#([A-Za-z0-9_-]{43})/.exec(body)![1];
    // Half an hour later (PASSWORD_RESET_TTL_MINUTES = 30), as if the clock had moved on.
    await t.db.query(`UPDATE password_reset SET expires_at = now() - interval '1 second', created_at = created_at - interval '30 minutes' WHERE account_id = $1`, [id]);
    const before = await hashOf(id);
    const expired = await t.http.post('/api/auth/password-reset/confirm').send({ token, newPassword: NEW }).expect(400);
    expect(expired.body.code).toBe('RESET_TOKEN_INVALID');
    await t.http.post('/api/auth/password-reset/confirm').send({ token: 'x'.repeat(43), newPassword: NEW }).expect(400);
    const malformed = await t.http.post('/api/auth/password-reset/confirm').send({ newPassword: NEW }).expect(400);
    expect([...new Set(malformed.body.details.map((d: { field: string }) => d.field))]).toEqual(['token']);
    const notEmail = await t.http.post('/api/auth/password-reset').send({ email: 'not an address' }).expect(400);
    expect(notEmail.body.details).toEqual([{ field: 'email', reason: 'email must be an email address' }]);
    expect(await hashOf(id)).toBe(before);
    expect(await countRows(t.db, 'password_reset', 'account_id = $1 AND used_at IS NOT NULL', [id])).toBe(0);
  });

  it('sends at most three reset e-mails an hour per account, answering the same every time', async () => {
    const { id, email } = await newAccount();
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await t.http.post('/api/auth/password-reset').send({ email }).expect(202)).body);
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(await countRows(t.db, 'password_reset', 'account_id = $1', [id])).toBe(3);
  });

  it('lets an admin set a password (signing the account out everywhere), and nobody else', async () => {
    const { id, email } = await newAccount();
    const session = await bearer(email);
    const staff = await createAccount(t.db, 'staff', ['birzai']);
    const before = await hashOf(id);
    await t.http.post(`/api/admin/accounts/${id}/password`).set(staff.auth).send({ newPassword: NEW }).expect(403);
    await t.http.post(`/api/admin/accounts/${id}/password`).set(session).send({ newPassword: NEW }).expect(403);
    const weak = await t.http.post(`/api/admin/accounts/${id}/password`).set(admin.auth).send({ newPassword: email }).expect(400);
    expect(weak.body.details).toEqual([{ field: 'newPassword', reason: 'must not contain your e-mail address' }]);
    await t.http.post(`/api/admin/accounts/00000000-0000-4000-8000-000000000000/password`).set(admin.auth).send({ newPassword: NEW }).expect(404);
    expect(await hashOf(id)).toBe(before);
    await t.http.get('/api/auth/me').set(session).expect(200);

    await t.http.post(`/api/admin/accounts/${id}/password`).set(admin.auth).send({ newPassword: NEW }).expect(204);
    await t.http.get('/api/auth/me').set(session).expect(401);
    await t.http.post('/api/auth/sessions').send({ email, password: NEW }).expect(201);
    expect((await t.db.query(`SELECT actor_account_id FROM audit_log WHERE action = 'account.password_set_by_admin' AND target_id = $1`, [id])).rows)
      .toEqual([{ actor_account_id: admin.id }]);
  });

  it('lists one\'s API tokens without secrets and revokes them; others\' tokens only by an admin', async () => {
    const { id, email } = await newAccount();
    const first = await bearer(email);
    const second = await bearer(email);
    const list = await t.http.get('/api/auth/tokens').set(first).expect(200);
    expect(list.body.items).toHaveLength(2);
    expect(list.body.items.filter((i: { current: boolean }) => i.current)).toHaveLength(1);
    expect(Object.keys(list.body.items[0]).sort()).toEqual(['createdAt', 'current', 'expiresAt', 'id', 'label']);
    const secondId = list.body.items.find((i: { current: boolean }) => !i.current).id;

    // Someone else cannot revoke it (404, as if it did not exist); an unknown id is 404; a bad id is 400.
    const stranger = await createAccount(t.db, 'researcher');
    expect((await t.http.delete(`/api/auth/tokens/${secondId}`).set(stranger.auth).expect(404)).body.code).toBe('TOKEN_NOT_FOUND');
    await t.http.delete('/api/auth/tokens/not-a-uuid').set(first).expect(400);
    await t.http.get('/api/auth/me').set(second).expect(200);

    await t.http.delete(`/api/auth/tokens/${secondId}`).set(first).expect(204);
    await t.http.get('/api/auth/me').set(second).expect(401);
    await t.http.delete(`/api/auth/tokens/${secondId}`).set(first).expect(404);

    // Admins see and revoke anyone's tokens, through the account.
    await t.http.get(`/api/admin/accounts/${id}/tokens`).set(stranger.auth).expect(403);
    const seen = await t.http.get(`/api/admin/accounts/${id}/tokens`).set(admin.auth).expect(200);
    expect(seen.body.items).toHaveLength(1);
    await t.http.delete(`/api/admin/accounts/${stranger.id}/tokens/${seen.body.items[0].id}`).set(admin.auth).expect(404);
    await t.http.delete(`/api/admin/accounts/${id}/tokens/${seen.body.items[0].id}`).set(admin.auth).expect(204);
    await t.http.get('/api/auth/me').set(first).expect(401);
  });

  it('keeps e-mails, names, passwords and tokens out of the audit log', async () => {
    const text = await auditText();
    expect(text).toContain('account.password_reset');
    const { rows } = await t.db.query(`SELECT email, display_name FROM account`);
    for (const secret of [OLD, NEW, 'Ona Petraitienė', ...rows.flatMap((r) => [r.email, r.display_name])]) expect(text).not.toContain(secret);
    for (const file of readdirSync(mailDir)) expect(text).not.toContain(/#([A-Za-z0-9_-]{43})/.exec(readFileSync(join(mailDir, file), 'utf8'))?.[1] ?? 'no token');
  });
});
