import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { createAccount, createMunicipality, type TestAccount } from '../support/factories';
import { answer, createPublishedSurvey, VALID_ANSWERS } from '../support/survey-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The attacker has a copy of the database (a backup, a read-only replica) and wants to know which
 * invitation (sent to a known person) gave which answers in an anonymous survey. Written apart
 * from the code: it only reads system columns (xmin) and every time-like column there is.
 */
describe('anonymity in the database: no transaction id or fine timestamp joins an invitation to its response', () => {
  let t: TestApp;
  let staff: TestAccount;
  beforeAll(async () => {
    t = await startTestApp();
    await createMunicipality(t.db, 'birzai');
    staff = await createAccount(t.db, 'staff', ['birzai']);
  });
  afterAll(() => t.close());

  const xid = (column: string) => `${column}::text::bigint`;

  /** Pairs each used invitation with the response whose transaction id is nearest (equal first). */
  async function attackByTransactionIds(surveyId: string): Promise<Map<string, string>> {
    const { rows } = await t.db.query(
      `SELECT DISTINCT ON (i.id) i.token_hash, r.id AS response_id
         FROM invitation i JOIN response r ON r.survey_id = i.survey_id
        WHERE i.survey_id = $1 AND i.used_on IS NOT NULL
        ORDER BY i.id, abs(${xid('r.xmin')} - ${xid('i.xmin')}), r.id`,
      [surveyId],
    );
    return new Map(rows.map((r) => [r.token_hash, r.response_id]));
  }

  async function invitationsFor(surveyId: string, count: number): Promise<{ token: string }[]> {
    const res = await t.http.post(`/api/surveys/${surveyId}/invitations`).set(staff.auth).send({ municipalityCode: 'birzai', count }).expect(201);
    return parse(res.text, { columns: true });
  }

  const tokenHash = async (token: string) =>
    (await t.db.query(`SELECT encode(sha256(convert_to($1, 'UTF8')), 'hex') AS h`, [token])).rows[0].h as string;

  it('six residents answer; the attacker pairing by transaction id gets at most one right, and no time is finer than a day', async () => {
    const { surveyId, versionId } = await createPublishedSurvey(t, staff.auth, { accessMode: 'invitation', anonymous: true });
    const tokens = await invitationsFor(surveyId, 6);
    const createdBefore = (await t.db.query(`SELECT id, created_at FROM invitation WHERE survey_id = $1 ORDER BY id`, [surveyId])).rows;
    const truth = new Map<string, string>();
    for (const { token } of tokens) {
      const responseId = randomUUID();
      await answer(t, versionId, { invitationToken: token, answers: VALID_ANSWERS }, responseId).expect(201);
      truth.set(await tokenHash(token), responseId);
    }

    const guessed = await attackByTransactionIds(surveyId);
    expect(guessed.size).toBe(6);
    const right = [...guessed].filter(([hash, responseId]) => truth.get(hash) === responseId).length;
    expect(right).toBeLessThanOrEqual(1);
    const sameTransaction = await t.db.query(
      `SELECT 1 FROM invitation i JOIN response r ON r.xmin = i.xmin WHERE i.survey_id = $1`,
      [surveyId],
    );
    expect(sameTransaction.rows).toHaveLength(0);

    // Every time-like column of both tables: responses have none finer than a day; the invitations'
    // only one is when they were issued, unchanged by their use.
    const { rows: columns } = await t.db.query(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name IN ('response', 'invitation')
          AND data_type IN ('timestamp with time zone', 'timestamp without time zone', 'time with time zone', 'time without time zone')`,
    );
    expect(columns).toEqual([{ table_name: 'invitation', column_name: 'created_at' }]);
    expect((await t.db.query(`SELECT id, created_at FROM invitation WHERE survey_id = $1 ORDER BY id`, [surveyId])).rows).toEqual(createdBefore);
  });

  it('the attacker does find them when one transaction writes both (the check can fail)', async () => {
    const { surveyId, versionId } = await createPublishedSurvey(t, staff.auth, { accessMode: 'invitation', anonymous: true });
    await invitationsFor(surveyId, 3);
    const { rows: invitations } = await t.db.query(`SELECT id, token_hash, municipality_id FROM invitation WHERE survey_id = $1`, [surveyId]);
    const truth = new Map<string, string>();
    const client = await t.db.connect();
    try {
      for (const invitation of invitations) {
        const responseId = randomUUID();
        // What the platform did before: the use and the response in one transaction.
        await client.query('BEGIN');
        await client.query(`UPDATE invitation SET used_on = current_date WHERE id = $1`, [invitation.id]);
        await client.query(
          `INSERT INTO response (id, survey_id, survey_version_id, municipality_id, language, status, answers, payload_hash, submitted_on)
           VALUES ($1, $2, $3, $4, 'lt', 'complete', '{}', 'x', current_date)`,
          [responseId, surveyId, versionId, invitation.municipality_id],
        );
        await client.query('COMMIT');
        truth.set(invitation.token_hash, responseId);
      }
    } finally {
      client.release();
    }
    const guessed = await attackByTransactionIds(surveyId);
    expect([...guessed].filter(([hash, responseId]) => truth.get(hash) === responseId)).toHaveLength(3);
  });

  it('a response that fails after the invitation was used gives the invitation back', async () => {
    const { surveyId, versionId } = await createPublishedSurvey(t, staff.auth, { accessMode: 'invitation', anonymous: true });
    const [{ token }] = await invitationsFor(surveyId, 1);
    const taken = randomUUID();
    // Another survey's response already has this id: the anonymous insert fails after the use.
    const other = await createPublishedSurvey(t, staff.auth);
    await answer(t, other.versionId, {}, taken).expect(201);
    const res = await answer(t, versionId, { invitationToken: token }, taken);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect((await t.db.query(`SELECT used_on FROM invitation WHERE survey_id = $1`, [surveyId])).rows).toEqual([{ used_on: null }]);
    await answer(t, versionId, { invitationToken: token }).expect(201);
  });
});
