import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { hashPassword } from '../../libs/auth/src/secrets';
import { confirmedSignUp, createMeeting, createOpenConsultation, person, signUp } from '../support/consultation-fixtures';
import { countRows, createAccount, createMunicipality, type TestAccount } from '../support/factories';
import { answer, createPublishedSurvey } from '../support/survey-fixtures';
import { startTestApp, TEST_REDIS_URL, type TestApp } from '../support/test-app';

const PASSWORD = 'the owner knows this one';

/**
 * Abuse from the outside, as an attacker would try it: squatting seats, learning who signed up,
 * guessing passwords in a burst, locking an owner out, and many residents behind one address.
 * Requests come through a proxy on loopback that Fastify is told to trust (TRUST_PROXY), and each
 * "client" is the address in X-Forwarded-For.
 */
describe('abuse: rate limits, proxies, seat squatting, sign-in locks', () => {
  let t: TestApp;
  let staff: TestAccount;
  beforeAll(async () => {
    t = await startTestApp({
      TRUST_PROXY: 'loopback',
      RATE_LIMIT_PUBLIC_PER_MINUTE: '200',
      RATE_LIMIT_TARGET_PER_MINUTE: '5',
      RATE_LIMIT_SIGNUPS_PER_HOUR: '10',
      LOGIN_MAX_FAILURES: '5',
      LOGIN_LOCK_MINUTES: '1',
    });
    await createMunicipality(t.db, 'birzai');
    staff = await createAccount(t.db, 'staff', ['birzai']);
    await t.db.query(`INSERT INTO account (email, display_name, password_hash, role) VALUES ('owner@test.local', 'Owner', $1, 'admin')`, [
      await hashPassword(PASSWORD),
    ]);
  });
  afterAll(() => t.close());

  const from = (address: string) => ({ 'X-Forwarded-For': address });
  const signIn = (address: string, password: string, email = 'owner@test.local') =>
    t.http.post('/api/auth/sessions').set(from(address)).send({ email, password });

  it('squatting from one address: invented sign-ups hold no seat, and the address is cut off after 10', async () => {
    const meeting = await createMeeting(t, staff, await createOpenConsultation(t, staff, 'birzai'), { capacity: 45 });
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) {
      const res = await signUp(t, meeting.id, { name: `Fake ${i}`, contact: `fake${i}@invented.example`, consent: true, language: 'lt' }).set(from('203.0.113.7'));
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s === 202)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
    // Not one seat is taken: nobody opened a confirmation link.
    const seats = await t.http.get(`/api/public/meetings/${meeting.id}`).expect(200);
    expect(seats.body.seatsLeft).toBe(45);
    // A resident elsewhere still signs up, confirms and gets a place.
    const real = await confirmedSignUp(t, meeting.id, person());
    expect(real.body.status).toBe('confirmed');
    // The squatter's rows are pending, invisible to staff, and nothing else was written for the refused ones.
    const list = await t.http.get(`/api/meetings/${meeting.id}/signups`).set(staff.auth).expect(200);
    expect(list.body.items).toHaveLength(1);
    expect(await countRows(t.db, 'signup', `meeting_id = $1 AND status = 'pending'`, [meeting.id])).toBe(10);
  });

  it('learning who registered: a sign-up with someone\'s contact answers exactly as a new one, and tells the holder', async () => {
    const meeting = await createMeeting(t, staff, await createOpenConsultation(t, staff, 'birzai'));
    const holder = await confirmedSignUp(t, meeting.id, person({ contact: 'registered@example.lt' }));
    const probe = async (contact: string) => {
      const res = await signUp(t, meeting.id, { name: 'Curious', contact, consent: true, language: 'lt' }).set(from('198.51.100.9'));
      const { date: _date, ...headers } = res.headers;
      return { status: res.status, body: res.body, headers: Object.keys(headers).sort(), type: res.headers['content-type'] };
    };
    const known = await probe('Registered@Example.lt');
    const unknown = await probe('never-registered@example.lt');
    expect(known).toEqual(unknown);
    expect(known.status).toBe(202);
    expect(JSON.stringify(known.body)).not.toMatch(/confirmed|waitlisted|registered|already/i);
    // The real holder gets a message about it; nobody else learns anything.
    const kinds = await t.db.query(`SELECT kind FROM message WHERE signup_id = $1 ORDER BY created_at`, [holder.body.id]);
    expect(kinds.rows.map((r) => r.kind)).toEqual(['confirm_request', 'confirmation', 'duplicate']);
    // Asking again and again does not flood the holder's inbox.
    await probe('registered@example.lt');
    expect(await countRows(t.db, 'message', `signup_id = $1 AND kind = 'duplicate'`, [holder.body.id])).toBe(1);
  });

  it('twenty residents behind one address all get their surveys through; one response id is limited strictly', async () => {
    const researcher = await createAccount(t.db, 'researcher');
    const survey = await createPublishedSurvey(t, researcher.auth);
    // No X-Forwarded-For: all twenty come from the proxy's own address, as behind a carrier's NAT.
    const results = [];
    for (let i = 0; i < 20; i++) results.push((await answer(t, survey.versionId)).status);
    expect(results.every((s) => s === 201)).toBe(true);
    const id = randomUUID();
    const hammered: number[] = [];
    for (let i = 0; i < 8; i++) hammered.push((await answer(t, survey.versionId, {}, id).set(from(`192.0.2.${i + 1}`))).status);
    // The first saves it, repeats of the same payload answer 200, and from the sixth on, whoever asks, 429.
    expect(hammered.slice(0, 5).every((s) => s === 201 || s === 200)).toBe(true);
    expect(hammered.slice(5)).toEqual([429, 429, 429]);
  });

  it('a burst of 20 wrong passwords gets at most 5 checked, and the owner still signs in from elsewhere', async () => {
    const burst = await Promise.all(Array.from({ length: 20 }, () => signIn('203.0.113.50', 'wrong guess!')));
    const checked = burst.filter((r) => r.status === 401).length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(burst.filter((r) => r.status === 429)).toHaveLength(20 - checked);
    // Even the right password is refused from the attacker's address while the lock lasts...
    expect((await signIn('203.0.113.50', PASSWORD)).status).toBe(429);
    // ...but the owner, at another address, is not locked out.
    expect((await signIn('198.51.100.20', PASSWORD)).status).toBe(201);
  });

  it('strangers spraying random accounts from one address never lock an owner out from elsewhere', async () => {
    for (let i = 0; i < 30; i++) await signIn('203.0.113.60', 'wrong guess!', `random${i}@test.local`);
    for (let i = 0; i < 10; i++) await signIn('203.0.113.61', 'wrong guess!');
    expect((await signIn('198.51.100.21', PASSWORD)).status).toBe(201);
  });

  it('doubles the lock each time a pair is locked again', async () => {
    const lockOf = async (address: string) => {
      let refused;
      for (let i = 0; i < 10 && !refused; i++) {
        const res = await signIn(address, 'wrong guess!');
        if (res.status === 429) refused = res;
      }
      return Number(refused?.headers['retry-after']);
    };
    const first = await lockOf('203.0.113.70');
    expect(first).toBeGreaterThan(50);
    expect(first).toBeLessThanOrEqual(60);
    // The first lock runs out (its key expires); the pair's record of lockouts stays for a day.
    const redis = new Redis(TEST_REDIS_URL);
    try {
      const keys = await redis.keys(`${t.config.REDIS_KEY_PREFIX}rl:login-pair*203.0.113.70`);
      expect(keys).toHaveLength(1);
      await redis.del(keys[0]);
    } finally {
      redis.disconnect();
    }
    const second = await lockOf('203.0.113.70');
    expect(second).toBeGreaterThan(110);
    expect(second).toBeLessThanOrEqual(120);
  });

  it('without TRUST_PROXY, X-Forwarded-For is ignored: a client cannot choose the address it is limited by', async () => {
    const plain = await startTestApp({ RATE_LIMIT_PUBLIC_PER_MINUTE: '5' });
    try {
      const statuses = [];
      for (let i = 0; i < 8; i++) statuses.push((await plain.http.get('/api/public/municipalities').set(from(`192.0.2.${i}`))).status);
      expect(statuses.filter((s) => s === 429)).toHaveLength(3);
    } finally {
      await plain.close();
    }
  });
});
