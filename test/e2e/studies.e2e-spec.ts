import { randomUUID } from 'node:crypto';
import { createAccount, createMunicipality, countRows, type TestAccount } from '../support/factories';
import { addConsent, CONSENT_EN, CONSENT_LT, createStudy, studyBody, studyTables } from '../support/study-fixtures';
import { createPublishedSurvey } from '../support/survey-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The study core through its API: a study's life (draft -> active -> closed), instruments,
 * consent versions that never change, policies, the pseudonym key that is never served, the audit
 * of every change, and who may see and change what.
 */
describe('studies', () => {
  let t: TestApp;
  let admin: TestAccount;
  let researcher: TestAccount;
  let otherResearcher: TestAccount;
  let staffBirzai: TestAccount;
  let staffZarasai: TestAccount;

  beforeAll(async () => {
    t = await startTestApp();
    for (const code of ['birzai', 'zarasai', 'ignalina']) await createMunicipality(t.db, code);
    admin = await createAccount(t.db, 'admin');
    researcher = await createAccount(t.db, 'researcher');
    otherResearcher = await createAccount(t.db, 'researcher');
    staffBirzai = await createAccount(t.db, 'staff', ['birzai']);
    staffZarasai = await createAccount(t.db, 'staff', ['zarasai']);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a researcher creates a study, writes consent, attaches a survey and starts fieldwork; every step is audited', async () => {
    const created = await t.http
      .post('/api/studies')
      .set(researcher.auth)
      .send(studyBody({ municipalityCodes: ['birzai', 'zarasai'] }))
      .expect(201);
    const id = created.body.id;
    expect(created.body).toMatchObject({
      titleLt: 'Vietos demokratijos tyrimas',
      titleEn: 'Local democracy study',
      status: 'draft',
      municipalityCodes: ['birzai', 'zarasai'],
      ethics: { committee: 'Tyrimų etikos komitetas', reference: 'EK-2025/17', approvedOn: '2025-11-20' },
      retention: { contactsDays: 180, freeTextDays: 365, paradataDays: 90, exportsDays: 7 },
      withdrawalPolicy: 'delete',
      anonymisation: { k: 5, quasiIdentifiers: ['municipality', 'age_band', 'gender', 'settlement_type'] },
      consent: null,
      instruments: [],
      canManage: true,
    });
    // The creating researcher is responsible for it.
    expect(created.body.researchers.map((r: { accountId: string }) => r.accountId)).toEqual([researcher.id]);
    // A pseudonym key was made, 32 random bytes, and no answer carries it.
    const {
      rows: [key],
    } = await t.db.query(`SELECT encode(key, 'hex') AS hex FROM study_pseudonym_key WHERE study_id = $1`, [id]);
    expect(key.hex).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(created.body)).not.toContain(key.hex);

    // Not ready: no consent yet.
    const early = await t.http.post(`/api/studies/${id}/status`).set(researcher.auth).send({ status: 'active' }).expect(409);
    expect(early.body).toMatchObject({ code: 'STUDY_NOT_READY', details: [{ field: 'consent' }] });

    const v1 = await t.http
      .post(`/api/studies/${id}/consent-versions`)
      .set(researcher.auth)
      .send({ textLt: CONSENT_LT, textEn: CONSENT_EN })
      .expect(201);
    expect(v1.body).toMatchObject({
      version: 1,
      textLt: CONSENT_LT,
      textEn: CONSENT_EN,
      createdBy: researcher.email,
      terms: { contactsDays: 180, freeTextDays: 365, paradataDays: 90, withdrawalPolicy: 'delete' },
    });
    // The page states the terms and says anonymous answers cannot be withdrawn.
    expect(v1.body.termsTextEn.join(' ')).toMatch(/Anonymous survey answers cannot be withdrawn/);
    expect(v1.body.termsTextLt.join(' ')).toMatch(/Anoniminių apklausos atsakymų atšaukti negalima/);

    const { surveyId } = await createPublishedSurvey(t, researcher.auth, { breakdowns: ['age_band'] });
    const attached = await t.http
      .post(`/api/studies/${id}/instruments`)
      .set(researcher.auth)
      .send({ surveyId, role: 'resident_survey' })
      .expect(201);
    expect(attached.body.instruments).toEqual([
      expect.objectContaining({
        surveyId,
        role: 'resident_survey',
        currentVersion: 1,
        responses: 0,
        quasiIdentifierQuestions: {},
        // The test survey declares age_band as a breakdown; it has no gender or settlement question.
        quasiIdentifiers: [
          { quasiIdentifier: 'municipality', source: 'municipality' },
          { quasiIdentifier: 'age_band', source: 'question', question: 'age_band', how: 'breakdown' },
          { quasiIdentifier: 'gender', source: 'unmapped' },
          { quasiIdentifier: 'settlement_type', source: 'unmapped' },
        ],
      }),
    ]);
    // A researcher maps a quasi-identifier to a question with another name.
    const mapped = await t.http
      .patch(`/api/studies/${id}/instruments/${surveyId}`)
      .set(researcher.auth)
      .send({ quasiIdentifierQuestions: { gender: 'took_part' } })
      .expect(200);
    expect(mapped.body.instruments[0].quasiIdentifiers[2]).toEqual({
      quasiIdentifier: 'gender',
      source: 'question',
      question: 'took_part',
      how: 'set',
    });

    const active = await t.http.post(`/api/studies/${id}/status`).set(researcher.auth).send({ status: 'active' }).expect(200);
    expect(active.body).toMatchObject({ status: 'active', consent: { version: 1 } });
    await t.http.post(`/api/studies/${id}/status`).set(researcher.auth).send({ status: 'draft' }).expect(409);
    await t.http.post(`/api/studies/${id}/status`).set(researcher.auth).send({ status: 'closed' }).expect(200);
    await t.http.post(`/api/studies/${id}/status`).set(researcher.auth).send({ status: 'active' }).expect(200);

    const { rows: audit } = await t.db.query(`SELECT action, details FROM audit_log WHERE target_id = $1 ORDER BY id`, [id]);
    expect(audit.map((a) => a.action)).toEqual([
      'study.created',
      'study.consent_versioned',
      'study.instrument_attached',
      'study.instrument_updated',
      'study.status_changed',
      'study.status_changed',
      'study.status_changed',
    ]);
    expect(audit[2].details).toEqual({ surveyId, role: 'resident_survey' });
    expect(audit[4].details).toEqual({ from: 'draft', to: 'active' });
  });

  it('keeps consent versions immutable: editing adds a version, and the database refuses any change to one', async () => {
    const study = await createStudy(t, researcher);
    await addConsent(t, researcher, study.id);
    const v2 = await addConsent(t, researcher, study.id, ' Antra redakcija.');
    expect(v2.version).toBe(2);
    const history = await t.http.get(`/api/studies/${study.id}/consent-versions`).set(researcher.auth).expect(200);
    expect(history.body.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(history.body[1].textLt).toBe(CONSENT_LT);
    const view = await t.http.get(`/api/studies/${study.id}`).set(researcher.auth).expect(200);
    expect(view.body.consent.version).toBe(2);

    // The trigger is the backstop, whatever the application does: no UPDATE, no DELETE.
    await expect(t.db.query(`UPDATE consent_version SET text_lt = 'changed' WHERE study_id = $1`, [study.id])).rejects.toThrow(/immutable/);
    await expect(t.db.query(`DELETE FROM consent_version WHERE study_id = $1`, [study.id])).rejects.toThrow(/immutable/);
    const { rows } = await t.db.query(`SELECT version, text_lt FROM consent_version WHERE study_id = $1 ORDER BY version`, [study.id]);
    expect(rows).toEqual([
      { version: 1, text_lt: CONSENT_LT },
      { version: 2, text_lt: `${CONSENT_LT} Antra redakcija.` },
    ]);
  });

  it('changing retention or withdrawal makes a new consent version stating the new terms; k and quasi-identifiers do not', async () => {
    const study = await createStudy(t, researcher);
    // Before any consent text: the policy changes, no version is made.
    await t.http
      .put(`/api/studies/${study.id}/policy`)
      .set(researcher.auth)
      .send({ retention: { exportsDays: 3 } })
      .expect(200);
    expect(await countRows(t.db, 'consent_version', 'study_id = $1', [study.id])).toBe(0);
    await addConsent(t, researcher, study.id);
    const exportsOnly = await t.http
      .put(`/api/studies/${study.id}/policy`)
      .set(researcher.auth)
      .send({ k: 8, quasiIdentifiers: ['municipality', 'age_band'], retention: { exportsDays: 5 } })
      .expect(200);
    expect(exportsOnly.body).toMatchObject({
      anonymisation: { k: 8, quasiIdentifiers: ['municipality', 'age_band'] },
      retention: { exportsDays: 5 },
      consent: { version: 1 },
    });
    const terms = await t.http
      .put(`/api/studies/${study.id}/policy`)
      .set(researcher.auth)
      .send({ retention: { contactsDays: 30, freeTextDays: 60 }, withdrawalPolicy: 'anonymise' })
      .expect(200);
    expect(terms.body.consent).toMatchObject({
      version: 2,
      textLt: CONSENT_LT,
      terms: { contactsDays: 30, freeTextDays: 60, paradataDays: 90, withdrawalPolicy: 'anonymise' },
    });
    expect(terms.body.consent.termsTextEn[0]).toContain('at most 30 days after the meeting');
    const { rows } = await t.db.query(`SELECT action, details FROM audit_log WHERE target_id = $1 ORDER BY id`, [study.id]);
    expect(rows.slice(-2)).toEqual([
      { action: 'study.policy_updated', details: { fields: ['withdrawalPolicy', 'retention.contactsDays', 'retention.freeTextDays'] } },
      { action: 'study.consent_versioned', details: { version: 2, reason: 'terms' } },
    ]);
  });

  it('an admin sees and changes every study; a researcher only their own; staff read the running ones of their municipalities', async () => {
    const draft = await createStudy(t, researcher, { municipalityCodes: ['birzai'] });
    const running = await createStudy(t, researcher, { municipalityCodes: ['birzai'] });
    await addConsent(t, researcher, running.id);
    await t.http.post(`/api/studies/${running.id}/status`).set(researcher.auth).send({ status: 'active' }).expect(200);
    const elsewhere = await createStudy(t, otherResearcher, { municipalityCodes: ['ignalina'] });
    await addConsent(t, otherResearcher, elsewhere.id);
    await t.http.post(`/api/studies/${elsewhere.id}/status`).set(otherResearcher.auth).send({ status: 'active' }).expect(200);

    const ids = async (who: TestAccount) =>
      (await t.http.get('/api/studies').set(who.auth).expect(200)).body.map((s: { id: string }) => s.id);
    expect(await ids(admin)).toEqual(expect.arrayContaining([draft.id, running.id, elsewhere.id]));
    const mine = await ids(researcher);
    expect(mine).toEqual(expect.arrayContaining([draft.id, running.id]));
    expect(mine).not.toContain(elsewhere.id);
    expect(await ids(staffBirzai)).toContain(running.id);
    expect(await ids(staffBirzai)).not.toContain(draft.id);
    expect(await ids(staffBirzai)).not.toContain(elsewhere.id);
    expect(await ids(staffZarasai)).not.toContain(running.id);

    // Reads: 404 for what one may not see.
    await t.http.get(`/api/studies/${elsewhere.id}`).set(researcher.auth).expect(404);
    await t.http.get(`/api/studies/${draft.id}`).set(staffBirzai.auth).expect(404);
    await t.http.get(`/api/studies/${running.id}`).set(staffZarasai.auth).expect(404);
    await t.http.get(`/api/studies/${running.id}/consent-versions`).set(staffZarasai.auth).expect(404);
    const read = await t.http.get(`/api/studies/${running.id}`).set(staffBirzai.auth).expect(200);
    expect(read.body.canManage).toBe(false);
    await t.http.get(`/api/studies/${running.id}/consent-versions`).set(staffBirzai.auth).expect(200);
    expect((await t.http.get(`/api/studies/${elsewhere.id}`).set(admin.auth).expect(200)).body.canManage).toBe(true);

    // Changes: staff never (403 by role), the other researcher not at all (404), admins always.
    const before = await studyTables(t.db);
    const changes = (id: string) =>
      [
        ['patch', `/api/studies/${id}`, { titleLt: 'Pakeista' }],
        ['post', `/api/studies/${id}/status`, { status: 'closed' }],
        ['post', `/api/studies/${id}/consent-versions`, { textLt: CONSENT_LT, textEn: CONSENT_EN }],
        ['put', `/api/studies/${id}/policy`, { k: 9 }],
        ['post', `/api/studies/${id}/instruments`, { surveyId: randomUUID(), role: 'note_form' }],
        ['patch', `/api/studies/${id}/instruments/${randomUUID()}`, { role: 'note_form' }],
        ['delete', `/api/studies/${id}/instruments/${randomUUID()}`, undefined],
      ] as const;
    for (const [method, path, body] of changes(running.id)) {
      const res = await t.http[method](path).set(staffBirzai.auth).send(body);
      expect([path, res.status]).toEqual([path, 403]);
    }
    for (const [method, path, body] of changes(elsewhere.id)) {
      const res = await t.http[method](path).set(researcher.auth).send(body);
      expect([path, res.status, res.body.code]).toEqual([path, 404, 'STUDY_NOT_FOUND']);
    }
    await t.http.post('/api/studies').set(staffBirzai.auth).send(studyBody()).expect(403);
    await t.http.get('/api/studies/researchers').set(staffBirzai.auth).expect(403);
    expect(await studyTables(t.db)).toBe(before);
    await t.http.patch(`/api/studies/${elsewhere.id}`).set(admin.auth).send({ titleEn: 'Changed by an admin' }).expect(200);
    // Without a session: 401.
    await t.http.get('/api/studies').expect(401);
  });

  it('a survey belongs to at most one study, and an instrument with responses under the study stays', async () => {
    const first = await createStudy(t, researcher);
    const second = await createStudy(t, researcher);
    const { surveyId } = await createPublishedSurvey(t, researcher.auth);
    await t.http.post(`/api/studies/${first.id}/instruments`).set(researcher.auth).send({ surveyId, role: 'resident_survey' }).expect(201);
    const before = await studyTables(t.db);
    const again = await t.http
      .post(`/api/studies/${second.id}/instruments`)
      .set(researcher.auth)
      .send({ surveyId, role: 'resident_survey' })
      .expect(409);
    expect(again.body).toMatchObject({ code: 'SURVEY_IN_OTHER_STUDY', details: [{ field: 'surveyId' }] });
    expect(await studyTables(t.db)).toBe(before);
    // Detaching before any response is fine.
    const detached = await t.http.delete(`/api/studies/${first.id}/instruments/${surveyId}`).set(researcher.auth).expect(200);
    expect(detached.body.instruments).toEqual([]);
  });

  it('researcher options list researchers and admins, not staff or disabled accounts', async () => {
    const disabled = await createAccount(t.db, 'researcher');
    await t.db.query(`UPDATE account SET disabled_at = now() WHERE id = $1`, [disabled.id]);
    const res = await t.http.get('/api/studies/researchers').set(researcher.auth).expect(200);
    const ids = res.body.map((r: { accountId: string }) => r.accountId);
    expect(ids).toEqual(expect.arrayContaining([admin.id, researcher.id, otherResearcher.id]));
    expect(ids).not.toContain(staffBirzai.id);
    expect(ids).not.toContain(disabled.id);
    // An admin creates a study for two researchers; they are responsible, the admin is not unless named.
    const made = await t.http
      .post('/api/studies')
      .set(admin.auth)
      .send(studyBody({ researcherIds: [researcher.id, otherResearcher.id] }))
      .expect(201);
    expect(made.body.researchers.map((r: { accountId: string }) => r.accountId).sort()).toEqual([researcher.id, otherResearcher.id].sort());
    await t.http.get(`/api/studies/${made.body.id}`).set(otherResearcher.auth).expect(200);
  });
});
