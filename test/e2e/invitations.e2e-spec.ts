import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { countRows, createAccount, createMunicipality, type TestAccount } from '../support/factories';
import { answer, createPublishedSurvey, VALID_ANSWERS } from '../support/survey-fixtures';
import { rawText } from '../support/raw-body';
import { startTestApp, type TestApp } from '../support/test-app';

describe('invitation-only surveys and anonymity', () => {
  let t: TestApp;
  let staff: TestAccount;
  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_BASE_URL: 'https://apklausa.example.lt' });
    await createMunicipality(t.db, 'birzai');
    await createMunicipality(t.db, 'zarasai');
    staff = await createAccount(t.db, 'staff', ['birzai']);
  });
  afterAll(() => t.close());

  async function invitations(surveyId: string, count: number): Promise<{ token: string; link: string }[]> {
    const res = await t.http.post(`/api/surveys/${surveyId}/invitations`).set(staff.auth).send({ municipalityCode: 'birzai', count }).expect(201);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('attachment');
    return parse(res.text, { columns: true });
  }

  it('generates tokens in bulk as CSV for a mail merge, storing only their hashes', async () => {
    const { surveyId } = await createPublishedSurvey(t, staff.auth, { accessMode: 'invitation' });
    const rows = await invitations(surveyId, 25);
    expect(rows).toHaveLength(25);
    expect(new Set(rows.map((r) => r.token)).size).toBe(25);
    expect(rows[0].link).toBe(`https://apklausa.example.lt/i#${rows[0].token}`);
    expect(await countRows(t.db, 'invitation', 'survey_id = $1', [surveyId])).toBe(25);
    expect(await countRows(t.db, 'invitation', 'token_hash = ANY ($1)', [rows.map((r) => r.token)])).toBe(0);
    const summary = await t.http.get(`/api/surveys/${surveyId}/invitations`).set(staff.auth).expect(200);
    expect(summary.body).toEqual([{ municipalityCode: 'birzai', issued: 25, used: 0 }]);
  });

  it('names the CSV after the survey, municipality and day, with a byte-order mark and headers in the asked language, and logs the export', async () => {
    const { surveyId } = await createPublishedSurvey(t, staff.auth, { accessMode: 'invitation' });
    const slug = (await t.http.get(`/api/surveys/${surveyId}`).set(staff.auth)).body.slug;
    const res = await t.http.post(`/api/surveys/${surveyId}/invitations?lang=lt`).set(staff.auth).send({ municipalityCode: 'birzai', count: 2 })
      .buffer(true).parse(rawText).expect(201);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Vilnius' }).format(new Date());
    expect(res.headers['content-disposition']).toContain(`filename="invitations-${slug}-birzai-${today}.csv"`);
    expect(res.body.startsWith('\uFEFFSavivaldybė,Apklausa,Kodas,Nuoroda\n')).toBe(true);
    expect(res.headers['cache-control']).toBe('no-store');
    const audit = await t.db.query(`SELECT actor_account_id, details FROM audit_log WHERE action = 'invitations.exported' AND target_id = $1`, [surveyId]);
    expect(audit.rows).toEqual([{ actor_account_id: staff.id, details: {} }]);
    expect(JSON.stringify(audit.rows)).not.toContain(parse<Record<string, string>>(res.body, { columns: true, bom: true })[0].Kodas);
  });

  it('refuses bad invitation requests naming the field, creating none', async () => {
    const { surveyId } = await createPublishedSurvey(t, staff.auth, { accessMode: 'invitation' });
    for (const [body, field] of [
      [{ municipalityCode: 'birzai', count: 0 }, 'count'],
      [{ municipalityCode: 'birzai', count: 10_001 }, 'count'],
      [{ municipalityCode: 'birzai', count: 'ten' }, 'count'],
      [{ municipalityCode: 'Biržai', count: 2 }, 'municipalityCode'],
    ] as const) {
      const res = await t.http.post(`/api/surveys/${surveyId}/invitations`).set(staff.auth).send(body).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(res.headers['content-type']).toMatch(/json/);
    }
    expect(await countRows(t.db, 'invitation', 'survey_id = $1', [surveyId])).toBe(0);
  });

  it('needs a valid, unused token; in anonymous mode the response keeps no link to it', async () => {
    const { surveyId, versionId } = await createPublishedSurvey(t, staff.auth, { accessMode: 'invitation', anonymous: true });
    const [first, second] = await invitations(surveyId, 2);
    const before = await countRows(t.db, 'response');

    expect((await answer(t, versionId).expect(403)).body.code).toBe('INVITATION_REQUIRED');
    expect((await answer(t, versionId, { invitationToken: 'x'.repeat(43) }).expect(404)).body.code).toBe('INVITATION_NOT_FOUND');
    expect((await answer(t, versionId, { invitationToken: first.token, municipalityCode: 'zarasai' }).expect(400)).body.code).toBe('WRONG_MUNICIPALITY');
    expect(await countRows(t.db, 'response')).toBe(before);

    const lookup = await t.http.post('/api/public/invitations/lookup').send({ token: first.token }).expect(200);
    expect(lookup.body).toEqual({ surveyId, municipalityCode: 'birzai' });

    // Starting a response uses the invitation up...
    const id = randomUUID();
    const partial = await answer(t, versionId, { invitationToken: first.token, status: 'partial', answers: { took_part: 'no' } }, id).expect(201);
    expect(await countRows(t.db, 'invitation', 'used_on IS NOT NULL AND survey_id = $1', [surveyId])).toBe(1);
    // ...and the resume token alone continues it (e.g. on another device, without the invitation link).
    await answer(t, versionId, { status: 'partial', answers: { took_part: 'yes' } }, id).set('X-Resume-Token', partial.body.resumeToken).expect(200);
    await answer(t, versionId, {}, id).set('X-Resume-Token', partial.body.resumeToken).expect(200);
    // Without the resume token, the id is not enough.
    expect((await answer(t, versionId, { answers: { took_part: 'no', trust: 1 } }, id).expect(409)).body.code).toBe('RESPONSE_ID_TAKEN');
    const reuse = await answer(t, versionId, { invitationToken: first.token }).expect(410);
    expect(reuse.body.code).toBe('INVITATION_USED');
    expect((await t.http.post('/api/public/invitations/lookup').send({ token: first.token }).expect(410)).body.code).toBe('INVITATION_USED');
    await t.http.post('/api/public/invitations/lookup').send({ token: 'y'.repeat(43) }).expect(404);

    const { rows: used } = await t.db.query(`SELECT used_on, response_id FROM invitation WHERE survey_id = $1 AND used_on IS NOT NULL`, [surveyId]);
    expect(used).toEqual([{ used_on: expect.any(Date), response_id: null }]);
    // Nothing in the response table can point back at an invitation, a person, a time or a device.
    const { rows: columns } = await t.db.query(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'response' ORDER BY column_name`,
    );
    expect(columns.filter((c) => /timestamp|time/.test(c.data_type))).toEqual([]);
    // record_key: a random 0..255 drawn at insert for the results' cell-key noise; it links to nothing.
    // consent_version_id: the study consent agreed to (shared by everyone who agreed to that text);
    // free_text_purged_on, paradata_purged_on: days the study retention sweep ran on the row.
    expect(columns.map((c) => c.column_name)).toEqual([
      'answers', 'consent_version_id', 'free_text_purged_on', 'id', 'language', 'municipality_id', 'paradata_purged_on', 'payload_hash',
      'record_key', 'started_on', 'status', 'submitted_on', 'survey_id', 'survey_version_id', 'updated_on',
    ]);

    // The second invitation still works.
    await answer(t, versionId, { invitationToken: second.token }).expect(201);
    const summary = await t.http.get(`/api/surveys/${surveyId}/invitations`).set(staff.auth).expect(200);
    expect(summary.body).toEqual([{ municipalityCode: 'birzai', issued: 2, used: 2 }]);
  });

  it('lets only one of two simultaneous completions use a token', async () => {
    const { surveyId, versionId } = await createPublishedSurvey(t, staff.auth, { accessMode: 'invitation' });
    const [invite] = await invitations(surveyId, 1);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => answer(t, versionId, { invitationToken: invite.token })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 410, 410, 410, 410, 410]);
    expect(await countRows(t.db, 'response', 'survey_id = $1', [surveyId])).toBe(1);
  });

  it('links the invitation to its response when the survey is not anonymous', async () => {
    const { surveyId, versionId } = await createPublishedSurvey(t, staff.auth, { accessMode: 'invitation', anonymous: false });
    const [invite] = await invitations(surveyId, 1);
    const res = await answer(t, versionId, { invitationToken: invite.token, answers: VALID_ANSWERS }).expect(201);
    const { rows } = await t.db.query(`SELECT response_id FROM invitation WHERE survey_id = $1`, [surveyId]);
    expect(rows).toEqual([{ response_id: res.body.id }]);
  });
});
