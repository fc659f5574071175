import { hashPassword } from '../../libs/auth/src/secrets';
import { countRows, createAccount, createMunicipality } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

const PASSWORD = 'a long enough password';

describe('accounts, sessions and roles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES: '3' });
    await createMunicipality(t.db, 'birzai');
    await t.db.query(
      `INSERT INTO account (email, display_name, password_hash, role) VALUES ('ruta@test.local', 'Rūta', $1, 'researcher')`,
      [await hashPassword(PASSWORD)],
    );
  });
  afterAll(() => t.close());

  const cookiesOf = (res: { headers: Record<string, unknown> }) =>
    ((res.headers['set-cookie'] as string[]) ?? []).map((c) => c.split(';')[0]).join('; ');

  it('signs in with a cookie session that needs the CSRF token for changes', async () => {
    const res = await t.http.post('/api/auth/sessions').send({ email: 'Ruta@Test.local', password: PASSWORD }).expect(201);
    expect(res.body.account).toMatchObject({ email: 'ruta@test.local', role: 'researcher' });
    const setCookie = (res.headers['set-cookie'] as unknown as string[]).join('\n');
    expect(setCookie).toMatch(/dp_session=[^;]+;.*HttpOnly/);
    expect(setCookie).toMatch(/dp_csrf=/);
    const cookie = cookiesOf(res);

    await t.http.get('/api/auth/me').set('Cookie', cookie).expect(200);
    const noCsrf = await t.http.delete('/api/auth/session').set('Cookie', cookie).expect(403);
    expect(noCsrf.body.code).toBe('CSRF_TOKEN_INVALID');
    await t.http.delete('/api/auth/session').set('Cookie', cookie).set('X-CSRF-Token', 'wrong').expect(403);
    await t.http.delete('/api/auth/session').set('Cookie', cookie).set('X-CSRF-Token', res.body.csrfToken).expect(204);
    const after = await t.http.get('/api/auth/me').set('Cookie', cookie).expect(401);
    expect(after.body.code).toBe('SESSION_INVALID');
  });

  it('gives API clients a bearer token that works without CSRF and can be signed out', async () => {
    const res = await t.http.post('/api/auth/tokens').send({ email: 'ruta@test.local', password: PASSWORD, label: 'R' }).expect(201);
    expect(res.body.tokenType).toBe('Bearer');
    const auth = { Authorization: `Bearer ${res.body.token}` };
    await t.http.get('/api/auth/me').set(auth).expect(200);
    // The token is stored only as a hash.
    expect(await countRows(t.db, 'auth_session', `token_hash = $1`, [res.body.token])).toBe(0);
    // A bearer token presented as a cookie is refused.
    await t.http.get('/api/auth/me').set('Cookie', `dp_session=${res.body.token}`).expect(401);
    await t.http.delete('/api/auth/session').set(auth).expect(204);
    await t.http.get('/api/auth/me').set(auth).expect(401);
  });

  it('answers a wrong password and an unknown email alike, and writes no session', async () => {
    const before = await countRows(t.db, 'auth_session');
    const wrong = await t.http.post('/api/auth/sessions').send({ email: 'ruta@test.local', password: 'nope nope nope' }).expect(401);
    const unknown = await t.http.post('/api/auth/sessions').send({ email: 'nobody@test.local', password: 'nope nope nope' }).expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.message).toBe('Email or password is incorrect');
    expect(await countRows(t.db, 'auth_session')).toBe(before);
  });

  it('locks an email after repeated failures, even for the right password', async () => {
    await t.db.query(
      `INSERT INTO account (email, display_name, password_hash, role) VALUES ('locked@test.local', 'L', $1, 'researcher')`,
      [await hashPassword(PASSWORD)],
    );
    for (let i = 0; i < 3; i++) {
      await t.http.post('/api/auth/sessions').send({ email: 'locked@test.local', password: 'wrong password!' }).expect(401);
    }
    const res = await t.http.post('/api/auth/sessions').send({ email: 'locked@test.local', password: PASSWORD }).expect(429);
    expect(res.body.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('refuses a malformed sign-in naming the field, and unknown fields', async () => {
    const res = await t.http.post('/api/auth/sessions').send({ email: 'not-an-email', password: '' }).expect(400);
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        { field: 'email', reason: 'email must be an email address' },
        expect.objectContaining({ field: 'password' }),
      ]),
    );
    const extra = await t.http.post('/api/auth/sessions').send({ email: 'a@b.lt', password: 'x', admin: true }).expect(400);
    expect(extra.body.details).toEqual([{ field: 'admin', reason: 'property admin should not exist' }]);
  });

  it('lets only admins create accounts; staff need a municipality; nothing half-written', async () => {
    const admin = await createAccount(t.db, 'admin');
    const researcher = await createAccount(t.db, 'researcher');
    const body = { email: 'new.staff@birzai.lt', displayName: 'Jurgita', password: 'twelve chars!!', role: 'staff', municipalityCodes: ['birzai'] };

    const denied = await t.http.post('/api/admin/accounts').set(researcher.auth).send(body).expect(403);
    expect(denied.body.code).toBe('ROLE_NOT_ALLOWED');
    await t.http.post('/api/admin/accounts').send(body).expect(401);

    const before = await countRows(t.db, 'account');
    const noTown = await t.http.post('/api/admin/accounts').set(admin.auth).send({ ...body, municipalityCodes: [] }).expect(400);
    expect(noTown.body.details[0].field).toBe('municipalityCodes');
    const unknownTown = await t.http.post('/api/admin/accounts').set(admin.auth).send({ ...body, municipalityCodes: ['atlantis'] }).expect(400);
    expect(unknownTown.body.details[0].reason).toContain('atlantis');
    const weak = await t.http.post('/api/admin/accounts').set(admin.auth).send({ ...body, password: 'short' }).expect(400);
    expect(weak.body.details).toEqual([{ field: 'password', reason: 'password must be at least 12 characters' }]);
    expect(await countRows(t.db, 'account')).toBe(before);

    const created = await t.http.post('/api/admin/accounts').set(admin.auth).send(body).expect(201);
    expect(created.body).toMatchObject({ email: 'new.staff@birzai.lt', role: 'staff', municipalityCodes: ['birzai'] });
    expect(created.body.passwordHash).toBeUndefined();
    const stored = await t.db.query(`SELECT password_hash FROM account WHERE email = 'new.staff@birzai.lt'`);
    expect(stored.rows[0].password_hash).toMatch(/^\$argon2id\$/);
    const again = await t.http.post('/api/admin/accounts').set(admin.auth).send(body).expect(409);
    expect(again.body.code).toBe('EMAIL_TAKEN');
  });

  it('lets admins manage municipalities and partner organisations with clear errors', async () => {
    const admin = await createAccount(t.db, 'admin');
    const staff = await createAccount(t.db, 'staff', ['birzai']);
    await t.http.post('/api/admin/municipalities').set(staff.auth).send({ code: 'x', nameLt: 'x', nameEn: 'x' }).expect(403);
    const bad = await t.http.post('/api/admin/municipalities').set(admin.auth).send({ code: 'Bad Code', nameLt: '', nameEn: 'x' }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['code', 'nameLt']);
    await t.http.post('/api/admin/municipalities').set(admin.auth).send({ code: 'zarasai', nameLt: 'Zarasų r. sav.', nameEn: 'Zarasai' }).expect(201);
    await t.http.post('/api/admin/municipalities').set(admin.auth).send({ code: 'zarasai', nameLt: 'a', nameEn: 'b' }).expect(409);
    const partner = await t.http
      .post('/api/admin/partner-organisations')
      .set(admin.auth)
      .send({ name: 'Zarasų rajono bendruomenių asociacija', country: 'LT', municipalityCode: 'zarasai' })
      .expect(201);
    expect(partner.body.municipality.code).toBe('zarasai');
    const list = await t.http.get('/api/public/municipalities').expect(200);
    expect(list.body).toEqual(expect.arrayContaining([{ code: 'zarasai', name: { lt: 'Zarasų r. sav.', en: 'Zarasai' } }]));
  });

  it('lets admins disable an account (ending its sessions) and move staff between municipalities', async () => {
    const admin = await createAccount(t.db, 'admin');
    await createMunicipality(t.db, 'ignalina');
    await t.db.query(
      `INSERT INTO account (email, display_name, password_hash, role) VALUES ('leaving@test.local', 'Leaving', $1, 'staff')`,
      [await hashPassword(PASSWORD)],
    );
    const { rows: [leaving] } = await t.db.query(`SELECT id FROM account WHERE email = 'leaving@test.local'`);
    const token = (await t.http.post('/api/auth/tokens').send({ email: 'leaving@test.local', password: PASSWORD }).expect(201)).body.token;

    const moved = await t.http.patch(`/api/admin/accounts/${leaving.id}`).set(admin.auth).send({ municipalityCodes: ['birzai', 'ignalina'] }).expect(200);
    expect(moved.body.municipalityCodes).toEqual(['birzai', 'ignalina']);

    const before = await t.db.query(`SELECT display_name, disabled_at FROM account WHERE id = $1`, [leaving.id]);
    const bad = await t.http.patch(`/api/admin/accounts/${leaving.id}`).set(admin.auth).send({ disabled: 'yes', displayName: '' }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['disabled', 'displayName']);
    const empty = await t.http.patch(`/api/admin/accounts/${leaving.id}`).set(admin.auth).send({ municipalityCodes: [] }).expect(400);
    expect(empty.body.code).toBe('STAFF_NEED_MUNICIPALITY');
    const unknown = await t.http.patch(`/api/admin/accounts/${leaving.id}`).set(admin.auth).send({ municipalityCodes: ['atlantis'] }).expect(400);
    expect(unknown.body.details[0].field).toBe('municipalityCodes');
    expect((await t.db.query(`SELECT display_name, disabled_at FROM account WHERE id = $1`, [leaving.id])).rows).toEqual(before.rows);
    expect(await countRows(t.db, 'account_municipality', 'account_id = $1', [leaving.id])).toBe(2);

    const disabled = await t.http.patch(`/api/admin/accounts/${leaving.id}`).set(admin.auth).send({ disabled: true }).expect(200);
    expect(disabled.body.disabled).toBe(true);
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
    await t.http.post('/api/auth/tokens').send({ email: 'leaving@test.local', password: PASSWORD }).expect(401);
    await t.http.patch(`/api/admin/accounts/${leaving.id}`).set(admin.auth).send({ disabled: false }).expect(200);
    await t.http.post('/api/auth/tokens').send({ email: 'leaving@test.local', password: PASSWORD }).expect(201);
  });
});
