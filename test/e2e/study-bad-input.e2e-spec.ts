import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { createAccount, createMunicipality, type TestAccount } from '../support/factories';
import { addConsent, CONSENT_EN, CONSENT_LT, createStudy, studyBody, studyTables } from '../support/study-fixtures';
import { createPublishedSurvey } from '../support/survey-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const SEED = Number(process.env.STUDY_FUZZ_SEED ?? 20261214);

/**
 * Bad input on every study endpoint: a clear 4xx naming the field, and nothing written (every
 * table of the study core compared before and after). Consent texts are open-ended: fast-check
 * sends any Unicode, and an oracle written apart from the validation says which must be kept.
 */
describe('studies: bad input', () => {
  let t: TestApp;
  let researcher: TestAccount;
  let studyId: string;
  let surveyId: string;
  let draftSurveyId: string;

  beforeAll(async () => {
    t = await startTestApp();
    await createMunicipality(t.db, 'birzai');
    researcher = await createAccount(t.db, 'researcher');
    studyId = (await createStudy(t, researcher)).id;
    surveyId = (await createPublishedSurvey(t, researcher.auth)).surveyId;
    await t.http.post(`/api/studies/${studyId}/instruments`).set(researcher.auth).send({ surveyId, role: 'resident_survey' }).expect(201);
    const draft = await t.http
      .post('/api/surveys')
      .set(researcher.auth)
      .send({
        slug: `draft-${randomUUID().slice(0, 8)}`,
        definition: { pages: [{ name: 'p', elements: [{ type: 'text', name: 'q' }] }] },
        municipalityCodes: ['birzai'],
      })
      .expect(201);
    draftSurveyId = draft.body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  type Case = [
    method: 'post' | 'patch' | 'put' | 'delete' | 'get',
    path: () => string,
    body: () => unknown,
    status: number,
    code: string,
    field: string | null,
  ];
  const cases: Case[] = [
    ['post', () => '/api/studies', () => studyBody({ titleLt: 'ab' }), 400, 'INVALID_INPUT', 'titleLt'],
    ['post', () => '/api/studies', () => studyBody({ titleEn: undefined }), 400, 'INVALID_INPUT', 'titleEn'],
    ['post', () => '/api/studies', () => studyBody({ purposeLt: 'x'.repeat(5001) }), 400, 'INVALID_INPUT', 'purposeLt'],
    ['post', () => '/api/studies', () => studyBody({ municipalityCodes: [] }), 400, 'INVALID_INPUT', 'municipalityCodes'],
    ['post', () => '/api/studies', () => studyBody({ municipalityCodes: ['Birzai!'] }), 400, 'INVALID_INPUT', 'municipalityCodes'],
    ['post', () => '/api/studies', () => studyBody({ municipalityCodes: ['atlantis'] }), 400, 'UNKNOWN_MUNICIPALITY', 'municipalityCodes'],
    ['post', () => '/api/studies', () => studyBody({ researcherIds: ['nope'] }), 400, 'INVALID_INPUT', 'researcherIds'],
    ['post', () => '/api/studies', () => studyBody({ researcherIds: [randomUUID()] }), 400, 'RESEARCHER_INVALID', 'researcherIds'],
    ['post', () => '/api/studies', () => studyBody({ ethicsApprovedOn: '2025-02-30' }), 400, 'ETHICS_DATE_INVALID', 'ethicsApprovedOn'],
    ['post', () => '/api/studies', () => studyBody({ ethicsApprovedOn: '2999-01-01' }), 400, 'ETHICS_DATE_INVALID', 'ethicsApprovedOn'],
    ['post', () => '/api/studies', () => studyBody({ ethicsApprovedOn: 'yesterday' }), 400, 'INVALID_INPUT', 'ethicsApprovedOn'],
    ['post', () => '/api/studies', () => studyBody({ status: 'active' }), 400, 'INVALID_INPUT', 'status'],
    ['post', () => '/api/studies', () => studyBody({ titleLt: 'Tyrimas\u0000' }), 400, 'INVALID_INPUT', 'titleLt'],
    ['post', () => '/api/studies', () => studyBody({ titleLt: null }), 400, 'INVALID_INPUT', 'titleLt'],
    ['patch', () => `/api/studies/${studyId}`, () => ({ titleLt: 'x' }), 400, 'INVALID_INPUT', 'titleLt'],
    ['patch', () => `/api/studies/${studyId}`, () => ({ researcherIds: [] }), 400, 'RESEARCHER_INVALID', 'researcherIds'],
    [
      'patch',
      () => `/api/studies/${studyId}`,
      () => ({ municipalityCodes: ['atlantis'] }),
      400,
      'UNKNOWN_MUNICIPALITY',
      'municipalityCodes',
    ],
    ['patch', () => `/api/studies/${studyId}`, () => ({ pseudonymKey: 'aa' }), 400, 'INVALID_INPUT', 'pseudonymKey'],
    ['patch', () => '/api/studies/not-a-uuid', () => ({ titleLt: 'Gerai' }), 400, 'HTTP_400', null],
    ['patch', () => `/api/studies/${randomUUID()}`, () => ({ titleLt: 'Gerai' }), 404, 'STUDY_NOT_FOUND', null],
    ['post', () => `/api/studies/${studyId}/status`, () => ({ status: 'running' }), 400, 'INVALID_INPUT', 'status'],
    ['post', () => `/api/studies/${studyId}/status`, () => ({ status: 'closed' }), 409, 'STUDY_STATUS_INVALID', 'status'],
    ['post', () => `/api/studies/${studyId}/status`, () => ({ status: 'active' }), 409, 'STUDY_NOT_READY', 'consent'],
    [
      'post',
      () => `/api/studies/${studyId}/consent-versions`,
      () => ({ textLt: 'per trumpas', textEn: CONSENT_EN }),
      400,
      'INVALID_INPUT',
      'textLt',
    ],
    ['post', () => `/api/studies/${studyId}/consent-versions`, () => ({ textLt: CONSENT_LT }), 400, 'INVALID_INPUT', 'textEn'],
    [
      'post',
      () => `/api/studies/${studyId}/consent-versions`,
      () => ({ textLt: ' '.repeat(40), textEn: CONSENT_EN }),
      400,
      'INVALID_INPUT',
      'textLt',
    ],
    [
      'post',
      () => `/api/studies/${studyId}/consent-versions`,
      () => ({ textLt: 'x'.repeat(20001), textEn: CONSENT_EN }),
      400,
      'INVALID_INPUT',
      'textLt',
    ],
    [
      'post',
      () => `/api/studies/${studyId}/consent-versions`,
      () => ({ textLt: CONSENT_LT, textEn: CONSENT_EN, version: 7 }),
      400,
      'INVALID_INPUT',
      'version',
    ],
    ['put', () => `/api/studies/${studyId}/policy`, () => ({ k: 4 }), 400, 'INVALID_INPUT', 'k'],
    ['put', () => `/api/studies/${studyId}/policy`, () => ({ k: 2.5 }), 400, 'INVALID_INPUT', 'k'],
    ['put', () => `/api/studies/${studyId}/policy`, () => ({ quasiIdentifiers: [] }), 400, 'INVALID_INPUT', 'quasiIdentifiers'],
    [
      'put',
      () => `/api/studies/${studyId}/policy`,
      () => ({ quasiIdentifiers: ['age_band', 'age_band'] }),
      400,
      'INVALID_INPUT',
      'quasiIdentifiers',
    ],
    ['put', () => `/api/studies/${studyId}/policy`, () => ({ quasiIdentifiers: ['Age Band'] }), 400, 'INVALID_INPUT', 'quasiIdentifiers'],
    [
      'put',
      () => `/api/studies/${studyId}/policy`,
      () => ({ retention: { contactsDays: 0 } }),
      400,
      'INVALID_INPUT',
      'retention.contactsDays',
    ],
    [
      'put',
      () => `/api/studies/${studyId}/policy`,
      () => ({ retention: { exportsDays: 366 } }),
      400,
      'INVALID_INPUT',
      'retention.exportsDays',
    ],
    ['put', () => `/api/studies/${studyId}/policy`, () => ({ retention: { forever: 1 } }), 400, 'INVALID_INPUT', 'retention.forever'],
    ['put', () => `/api/studies/${studyId}/policy`, () => ({ withdrawalPolicy: 'keep' }), 400, 'INVALID_INPUT', 'withdrawalPolicy'],
    [
      'post',
      () => `/api/studies/${studyId}/instruments`,
      () => ({ surveyId: 'x', role: 'resident_survey' }),
      400,
      'INVALID_INPUT',
      'surveyId',
    ],
    [
      'post',
      () => `/api/studies/${studyId}/instruments`,
      () => ({ surveyId: randomUUID(), role: 'resident_survey' }),
      404,
      'SURVEY_NOT_FOUND',
      'surveyId',
    ],
    [
      'post',
      () => `/api/studies/${studyId}/instruments`,
      () => ({ surveyId: draftSurveyId, role: 'resident_survey' }),
      400,
      'SURVEY_NOT_PUBLISHED',
      'surveyId',
    ],
    ['post', () => `/api/studies/${studyId}/instruments`, () => ({ surveyId, role: 'diary' }), 400, 'INVALID_INPUT', 'role'],
    [
      'post',
      () => `/api/studies/${studyId}/instruments`,
      () => ({ surveyId, role: 'resident_survey' }),
      409,
      'SURVEY_IN_OTHER_STUDY',
      'surveyId',
    ],
    [
      'patch',
      () => `/api/studies/${studyId}/instruments/${surveyId}`,
      () => ({ quasiIdentifierQuestions: { gender: 'no_such_question' } }),
      400,
      'QUESTION_UNKNOWN',
      'quasiIdentifierQuestions.gender',
    ],
    [
      'patch',
      () => `/api/studies/${studyId}/instruments/${surveyId}`,
      () => ({ quasiIdentifierQuestions: { shoe_size: 'age_band' } }),
      400,
      'QUASI_IDENTIFIER_UNKNOWN',
      'quasiIdentifierQuestions.shoe_size',
    ],
    [
      'patch',
      () => `/api/studies/${studyId}/instruments/${surveyId}`,
      () => ({ quasiIdentifierQuestions: { gender: 7 } }),
      400,
      'QUESTION_UNKNOWN',
      'quasiIdentifierQuestions.gender',
    ],
    [
      'patch',
      () => `/api/studies/${studyId}/instruments/${surveyId}`,
      () => ({ quasiIdentifierQuestions: ['age_band'] }),
      400,
      'INVALID_INPUT',
      'quasiIdentifierQuestions',
    ],
    [
      'patch',
      () => `/api/studies/${studyId}/instruments/${randomUUID()}`,
      () => ({ role: 'note_form' }),
      404,
      'INSTRUMENT_NOT_FOUND',
      null,
    ],
    ['delete', () => `/api/studies/${studyId}/instruments/${randomUUID()}`, () => undefined, 404, 'INSTRUMENT_NOT_FOUND', null],
    ['delete', () => `/api/studies/${studyId}/instruments/nope`, () => undefined, 400, 'HTTP_400', null],
    ['get', () => '/api/public/surveys/nope/consent', () => undefined, 400, 'HTTP_400', null],
  ];

  it.each(
    cases.map(
      (c, i) => [i, `${c[0].toUpperCase()} ${c[1].toString().replace(/^\(\) => /, '')} -> ${c[3]} ${c[4]} ${c[5] ?? ''}`, c] as const,
    ),
  )('#%i %s, writing nothing', async (_i, _label, [method, path, body, status, code, field]) => {
    const before = await studyTables(t.db);
    const res = await t.http[method](path())
      .set(researcher.auth)
      .send(body() as object);
    expect([res.status, res.body.code]).toEqual([status, code]);
    if (field) expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await studyTables(t.db)).toBe(before);
  });

  /** The rule, stated apart from the validation code: what a consent text must be to be stored as sent. */
  function acceptable(text: string): boolean {
    if (text.includes('\u0000') || /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)) return false;
    if (!/\S/.test(text)) return false;
    // Counted as people read it: an emoji is one character, variation selectors none.
    const length = [...text].filter((c) => c !== '\uFE0E' && c !== '\uFE0F').length;
    return length >= 20 && length <= 20000;
  }

  it('stores any consent text a person can read exactly as sent, in any script; refuses the rest naming the field', async () => {
    const hostile = fc.constantFrom(
      '\u0000',
      '\uD800',
      'a\uDC00b',
      '😀',
      '\uFE0F',
      ' ',
      '\n',
      'ą',
      'ž',
      '\u202E',
      '<script>',
      "'",
      '{{withdraw_url:signup:x}}',
    );
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', minLength: 0, maxLength: 60 }),
      fc.string({ unit: 'grapheme', minLength: 20, maxLength: 200 }),
      // Long enough, but nothing to read.
      fc.array(fc.constantFrom(' ', '\n', '\t', '\u00A0', '\u2003'), { minLength: 18, maxLength: 40 }).map((parts) => parts.join('')),
      fc.string({ unit: 'binary', minLength: 10, maxLength: 40 }),
      fc
        .array(fc.oneof(hostile, fc.string({ unit: 'grapheme', maxLength: 6 })), { minLength: 1, maxLength: 30 })
        .map((parts) => parts.join('')),
    );
    let kept = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(text, text, async (textLt, textEn) => {
        const before = await studyTables(t.db);
        const res = await t.http.post(`/api/studies/${studyId}/consent-versions`).set(researcher.auth).send({ textLt, textEn });
        if (acceptable(textLt) && acceptable(textEn)) {
          kept++;
          expect(res.status).toBe(201);
          const {
            rows: [stored],
          } = await t.db.query(`SELECT text_lt, text_en FROM consent_version WHERE id = $1`, [res.body.id]);
          expect(stored).toEqual({ text_lt: textLt, text_en: textEn });
          expect([res.body.textLt, res.body.textEn]).toEqual([textLt, textEn]);
        } else {
          refused++;
          expect(res.status).toBe(400);
          const fields = res.body.details.map((d: { field: string }) => d.field);
          expect(fields.some((f: string) => (!acceptable(textLt) && f === 'textLt') || (!acceptable(textEn) && f === 'textEn'))).toBe(true);
          expect(await studyTables(t.db)).toBe(before);
        }
      }),
      { numRuns: 80, seed: SEED },
    );
    // Both sides of the rule were exercised.
    expect(kept).toBeGreaterThan(5);
    expect(refused).toBeGreaterThan(5);
  });

  it('keeps hostile study texts as data: they come back as sent, never as markup or SQL', async () => {
    const hostile = `'); DROP TABLE study; -- <img src=x onerror=alert(1)> {{manage_url}} \u202Eevil`;
    const made = await t.http
      .post('/api/studies')
      .set(researcher.auth)
      .send(studyBody({ titleLt: hostile, purposeEn: hostile }))
      .expect(201);
    expect(made.body.titleLt).toBe(hostile);
    expect(made.body.purposeEn).toBe(hostile);
    await addConsent(t, researcher, made.body.id, hostile);
    const history = await t.http.get(`/api/studies/${made.body.id}/consent-versions`).set(researcher.auth).expect(200);
    expect(history.body[0].textLt).toBe(CONSENT_LT + hostile);
  });
});
