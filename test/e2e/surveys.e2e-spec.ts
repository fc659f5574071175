import { randomUUID } from 'node:crypto';
import { countRows, createAccount, createMunicipality, type TestAccount } from '../support/factories';
import { answer, createPublishedSurvey, SMALL_DEFINITION, VALID_ANSWERS } from '../support/survey-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

describe('surveys: publish, answer, validate', () => {
  let t: TestApp;
  let staff: TestAccount;
  beforeAll(async () => {
    t = await startTestApp();
    await createMunicipality(t.db, 'birzai');
    await createMunicipality(t.db, 'zarasai');
    staff = await createAccount(t.db, 'staff', ['birzai']);
  });
  afterAll(() => t.close());

  it('keeps a new survey private until a version is published', async () => {
    const created = await t.http
      .post('/api/surveys')
      .set(staff.auth)
      .send({ slug: 'draft-only', definition: SMALL_DEFINITION, municipalityCodes: ['birzai'] })
      .expect(201);
    expect(created.body).toMatchObject({ slug: 'draft-only', currentVersion: null, versions: [{ version: 1, publishedAt: null }] });
    await t.http.get(`/api/public/surveys/${created.body.id}`).expect(404);
    const listed = await t.http.get('/api/public/municipalities/birzai/surveys').expect(200);
    expect(listed.body.map((s: { slug: string }) => s.slug)).not.toContain('draft-only');

    await t.http.post(`/api/surveys/${created.body.id}/versions/1/publish`).set(staff.auth).expect(201);
    const open = await t.http.get('/api/public/municipalities/birzai/surveys').expect(200);
    expect(open.body).toContainEqual(expect.objectContaining({ slug: 'draft-only', title: SMALL_DEFINITION.title }));
    const elsewhere = await t.http.get('/api/public/municipalities/zarasai/surveys').expect(200);
    expect(elsewhere.body).toEqual([]);
    const again = await t.http.post(`/api/surveys/${created.body.id}/versions/1/publish`).set(staff.auth).expect(409);
    expect(again.body.code).toBe('VERSION_ALREADY_PUBLISHED');
  });

  it('refuses a survey definition the server could not validate, storing nothing', async () => {
    const before = await countRows(t.db, 'survey');
    const bad = await t.http
      .post('/api/surveys')
      .set(staff.auth)
      .send({
        slug: 'bad-def',
        municipalityCodes: ['birzai'],
        breakdowns: ['no_such_question'],
        definition: { pages: [{ elements: [{ type: 'file', name: 'photo' }, { type: 'text', name: 'photo' }] }] },
      })
      .expect(400);
    expect(bad.body.code).toBe('DEFINITION_INVALID');
    expect(bad.body.details).toEqual(
      expect.arrayContaining([
        { field: 'definition.photo', reason: expect.stringContaining('upload files, which the platform does not store') },
        { field: 'definition.photo', reason: expect.stringContaining('shares the answer "photo" with another question') },
        { field: 'breakdowns', reason: '"no_such_question" is not a question of the definition' },
      ]),
    );
    const empty = await t.http.post('/api/surveys').set(staff.auth).send({ slug: 'empty', municipalityCodes: ['birzai'], definition: {} }).expect(400);
    expect(empty.body.details).toEqual([{ field: 'definition', reason: 'has no questions to answer' }]);
    expect(await countRows(t.db, 'survey')).toBe(before);
  });

  it('stores a valid response once, with a day and no time, and answers a retry with the first result', async () => {
    const { surveyId, versionId } = await createPublishedSurvey(t, staff.auth);
    const id = randomUUID();
    const first = await answer(t, versionId, {}, id).expect(201);
    expect(first.body).toMatchObject({ id, status: 'complete', surveyVersionId: versionId });
    expect(first.body.submittedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(first.body.resumeToken).toMatch(new RegExp(`^${id}\\.`));

    const retry = await answer(t, versionId, {}, id).expect(200);
    expect(retry.body).toEqual(first.body);
    const { rows } = await t.db.query(`SELECT survey_id, survey_version_id, answers, language, status FROM response WHERE id = $1`, [id]);
    expect(rows).toEqual([{ survey_id: surveyId, survey_version_id: versionId, answers: VALID_ANSWERS, language: 'lt', status: 'complete' }]);

    const changed = await answer(t, versionId, { answers: { ...VALID_ANSWERS, trust: 1 } }, id).expect(409);
    expect(changed.body.code).toBe('RESPONSE_ID_TAKEN');
    expect((await t.db.query(`SELECT answers->>'trust' AS trust FROM response WHERE id = $1`, [id])).rows[0].trust).toBe('4');
  });

  it.each([
    ['a missing required answer', { took_part: 'no' }, 'trust', /required/i],
    ['a required answer made visible by another', { took_part: 'yes', trust: 3 }, 'ways', /required/i],
    ['an answer to a hidden question', { took_part: 'no', trust: 3, ways: ['meeting'] }, 'ways', /not shown/],
    ['a choice that does not exist', { ...VALID_ANSWERS, took_part: 'maybe' }, 'took_part', /not one of the offered choices/],
    ['too many choices', { ...VALID_ANSWERS, ways: ['meeting', 'petition', 'survey'] }, 'ways', /at most 2/],
    ['a value of the wrong type', { ...VALID_ANSWERS, years: 'twelve' }, 'years', /must be a number/],
    ['a number out of range', { ...VALID_ANSWERS, years: 130 }, 'years', /./],
    ['a rating off the scale', { ...VALID_ANSWERS, trust: 6 }, 'trust', /must be one of 1, 2, 3, 4, 5/],
    ['text over its length', { ...VALID_ANSWERS, ideas: 'x'.repeat(201) }, 'ideas', /at most 200 characters/],
    ['an unknown key', { ...VALID_ANSWERS, favourite_colour: 'red' }, 'favourite_colour', /not a question/],
  ])('refuses %s with 400 naming the question, storing nothing', async (_case, answers, question, reason) => {
    const { versionId } = await createPublishedSurvey(t, staff.auth);
    const before = await countRows(t.db, 'response');
    const res = await answer(t, versionId, { answers }).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'ANSWERS_INVALID' });
    expect(res.body.details).toContainEqual(expect.objectContaining({ field: `answers.${question}`, question, reason: expect.stringMatching(reason) }));
    expect(await countRows(t.db, 'response')).toBe(before);
  });

  it('refuses a malformed request body naming each field', async () => {
    const res = await t.http
      .put(`/api/public/responses/${randomUUID()}`)
      .send({ surveyVersionId: 'v1', municipalityCode: 'Biržai', language: 'lithuanian', status: 'done', answers: [] })
      .expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(
      ['answers', 'language', 'municipalityCode', 'status', 'surveyVersionId'].sort(),
    );
    await t.http.put('/api/public/responses/not-a-uuid').send({}).expect(400);
  });

  it('refuses closed, not yet open, wrong municipality, wrong language and unknown version, storing nothing', async () => {
    const { surveyId, versionId } = await createPublishedSurvey(t, staff.auth, { languages: ['lt'] });
    const before = await countRows(t.db, 'response');

    expect((await answer(t, versionId, { municipalityCode: 'zarasai' }).expect(400)).body.details).toEqual([
      { field: 'municipalityCode', reason: 'the survey is not run in "zarasai"' },
    ]);
    expect((await answer(t, versionId, { municipalityCode: 'atlantis' }).expect(400)).body.code).toBe('WRONG_MUNICIPALITY');
    expect((await answer(t, versionId, { language: 'en' }).expect(400)).body.code).toBe('LANGUAGE_NOT_OFFERED');
    expect((await answer(t, randomUUID()).expect(404)).body.code).toBe('SURVEY_VERSION_NOT_FOUND');

    await t.http.patch(`/api/surveys/${surveyId}`).set(staff.auth).send({ opensAt: '2999-01-01T00:00:00Z' }).expect(200);
    expect((await answer(t, versionId).expect(409)).body).toMatchObject({ code: 'SURVEY_NOT_OPEN', message: 'This survey opens on 2999-01-01' });
    await t.http.patch(`/api/surveys/${surveyId}`).set(staff.auth).send({ opensAt: null }).expect(200);
    await t.http.post(`/api/surveys/${surveyId}/close`).set(staff.auth).expect(201);
    expect((await answer(t, versionId).expect(410)).body.code).toBe('SURVEY_CLOSED');
    await t.http.get(`/api/public/surveys/${surveyId}`).expect(410);

    expect(await countRows(t.db, 'response')).toBe(before);
    const window = await t.http.patch(`/api/surveys/${surveyId}`).set(staff.auth).send({ opensAt: '2030-01-02T00:00:00Z', closesAt: '2030-01-01T00:00:00Z' }).expect(400);
    expect(window.body.details).toEqual([{ field: 'closesAt', reason: 'must be later than opensAt' }]);
  });

  it('saves progress as a partial response and resumes it only with its token', async () => {
    const { versionId } = await createPublishedSurvey(t, staff.auth);
    const id = randomUUID();
    const partial = await answer(t, versionId, { status: 'partial', answers: { took_part: 'yes' } }, id).expect(201);
    expect(partial.body).toMatchObject({ status: 'partial', submittedOn: null });
    const token = partial.body.resumeToken;

    await t.http.get(`/api/public/responses/${id}`).expect(404);
    await t.http.get(`/api/public/responses/${id}`).set('X-Resume-Token', `${id}.forged`).expect(404);
    const resumed = await t.http.get(`/api/public/responses/${id}`).set('X-Resume-Token', token).expect(200);
    expect(resumed.body).toMatchObject({ status: 'partial', surveyVersionId: versionId, municipalityCode: 'birzai', answers: { took_part: 'yes' } });

    // Someone without the token cannot overwrite it.
    const hijack = await answer(t, versionId, { status: 'partial', answers: { took_part: 'no' } }, id).expect(409);
    expect(hijack.body.code).toBe('RESPONSE_ID_TAKEN');
    await answer(t, versionId, { status: 'partial', answers: { took_part: 'yes', trust: 2 } }, id).set('X-Resume-Token', token).expect(200);
    // A partial save may be incomplete but never malformed.
    await answer(t, versionId, { status: 'partial', answers: { trust: 'lots' } }, id).set('X-Resume-Token', token).expect(400);
    const done = await answer(t, versionId, {}, id).set('X-Resume-Token', token).expect(200);
    expect(done.body.status).toBe('complete');
    const after = await t.http.get(`/api/public/responses/${id}`).set('X-Resume-Token', token).expect(200);
    expect(after.body).toMatchObject({ status: 'complete', answers: null });
    const late = await answer(t, versionId, { answers: { ...VALID_ANSWERS, trust: 1 } }, id).set('X-Resume-Token', token).expect(409);
    expect(late.body.code).toBe('RESPONSE_ALREADY_SUBMITTED');
    expect(await countRows(t.db, 'response', 'id = $1', [id])).toBe(1);
  });

  it('makes a new version on edit, keeps published versions immutable, and ties each response to its version', async () => {
    const { surveyId, versionId: v1 } = await createPublishedSurvey(t, staff.auth);
    const edited = { ...SMALL_DEFINITION, pages: [{ ...SMALL_DEFINITION.pages[0], elements: [...SMALL_DEFINITION.pages[0].elements, { type: 'boolean', name: 'again' }] }] };
    const draft = await t.http.post(`/api/surveys/${surveyId}/versions`).set(staff.auth).send({ definition: edited }).expect(201);
    expect(draft.body).toMatchObject({ version: 2, publishedAt: null });
    const published = await t.http.post(`/api/surveys/${surveyId}/versions/2/publish`).set(staff.auth).expect(201);
    expect(published.body.currentVersion).toBe(2);
    const v2 = published.body.versions[1].id;

    const current = await t.http.get(`/api/public/surveys/${surveyId}`).expect(200);
    expect(current.body).toMatchObject({ versionId: v2, version: 2 });
    // A resident who loaded v1 before the edit can still finish it, and their answers point at v1.
    const old = await answer(t, v1).expect(201);
    const fresh = await answer(t, v2, { answers: { ...VALID_ANSWERS, again: true } }).expect(201);
    await answer(t, v1, { answers: { ...VALID_ANSWERS, again: true } }).expect(400);
    const { rows } = await t.db.query(`SELECT id, survey_version_id FROM response WHERE id = ANY ($1) ORDER BY survey_version_id = $2 DESC`, [[old.body.id, fresh.body.id], v1]);
    expect(rows.map((r) => r.survey_version_id)).toEqual([v1, v2]);

    await expect(t.db.query(`UPDATE survey_version SET definition = '{}' WHERE id = $1`, [v1])).rejects.toThrow(/published and cannot change/);
    await expect(t.db.query(`DELETE FROM survey_version WHERE id = $1`, [v1])).rejects.toThrow(/published and cannot change/);
  });

  it('shows staff response counts per municipality and day, and never individual responses', async () => {
    const both = await createAccount(t.db, 'researcher');
    const { surveyId, versionId } = await createPublishedSurvey(t, both.auth, { municipalityCodes: ['birzai', 'zarasai'] });
    await answer(t, versionId).expect(201);
    await answer(t, versionId).expect(201);
    await answer(t, versionId, { status: 'partial', answers: {} }).expect(201);
    await answer(t, versionId, { municipalityCode: 'zarasai' }).expect(201);
    const today = (await t.db.query(`SELECT current_date::text AS d`)).rows[0].d;

    const all = await t.http.get(`/api/surveys/${surveyId}/response-counts`).set(both.auth).expect(200);
    expect(all.body).toEqual([
      { municipalityCode: 'birzai', day: today, complete: 2, partial: 1 },
      { municipalityCode: 'zarasai', day: today, complete: 1, partial: 0 },
    ]);
    const mine = await t.http.get(`/api/surveys/${surveyId}/response-counts`).set(staff.auth).expect(200);
    expect(mine.body).toEqual([{ municipalityCode: 'birzai', day: today, complete: 2, partial: 1 }]);
    // The staff API has no route that returns answers.
    const routes = Object.keys((await t.http.get('/api/docs-json')).body.paths);
    expect(routes.filter((r) => r.startsWith('/api/surveys') && /response(?!-counts)/.test(r))).toEqual([]);
  });
});
