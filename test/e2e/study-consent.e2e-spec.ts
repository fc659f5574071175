import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { Client } from 'pg';
import { createMeeting, createOpenConsultation, person, signUp } from '../support/consultation-fixtures';
import { countRows, createAccount, createMunicipality, type TestAccount } from '../support/factories';
import { activeStudy, addConsent, agreed } from '../support/study-fixtures';
import { answer, createPublishedSurvey } from '../support/survey-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { waitFor } from '../support/test-worker';

/**
 * Every response and sign-up under a study stores the consent version it agreed to, and only the
 * study's CURRENT version is accepted: a resident who loaded a version that changed meanwhile is
 * refused (400 naming the field, with the current number) and agrees again. A consent edit and
 * the responses being stored are ordered by the study row's lock, shown here with a transaction
 * held open at the exact moments that matter.
 */
describe('consent versions bind responses and sign-ups', () => {
  let t: TestApp;
  let researcher: TestAccount;
  let staff: TestAccount;
  let raw: Client;

  beforeAll(async () => {
    t = await startTestApp();
    await createMunicipality(t.db, 'birzai');
    await createMunicipality(t.db, 'zarasai');
    researcher = await createAccount(t.db, 'researcher');
    staff = await createAccount(t.db, 'staff', ['birzai']);
    raw = new Client({ connectionString: t.config.DATABASE_URL });
    await raw.connect();
  });
  afterAll(async () => {
    await raw?.query('ROLLBACK').catch(() => undefined);
    await raw?.end();
    await t?.close();
  });

  async function studySurvey(settings: Record<string, unknown> = {}) {
    const survey = await createPublishedSurvey(t, researcher.auth, settings);
    const study = await activeStudy(t, researcher, { surveyId: survey.surveyId });
    return { ...survey, ...study };
  }
  const storedConsent = async (responseId: string) =>
    (await t.db.query(`SELECT consent_version_id FROM response WHERE id = $1`, [responseId])).rows[0]?.consent_version_id as
      string | undefined;

  it('refuses a response to a study instrument without agreement, with a wrong version, or with agreed false; nothing is stored', async () => {
    const { versionId, consentId } = await studySurvey();
    const cases: [Record<string, unknown>, number, string, string][] = [
      [{}, 400, 'CONSENT_REQUIRED', 'consent'],
      [{ consent: agreed(randomUUID()) }, 400, 'CONSENT_NOT_CURRENT', 'consent.versionId'],
      [{ consent: { versionId: consentId, agreed: false } }, 400, 'INVALID_INPUT', 'consent.agreed'],
      [{ consent: { versionId: consentId } }, 400, 'INVALID_INPUT', 'consent.agreed'],
      [{ consent: { versionId: 'not-a-uuid', agreed: true } }, 400, 'INVALID_INPUT', 'consent.versionId'],
      [{ consent: 'yes' }, 400, 'INVALID_INPUT', 'consent'],
      [{ consent: agreed(consentId), status: 'partial', answers: {} }, 201, '', ''],
    ];
    for (const [extra, status, code, field] of cases) {
      const id = randomUUID();
      const res = await answer(t, versionId, extra, id);
      expect([JSON.stringify(extra), res.status]).toEqual([JSON.stringify(extra), status]);
      if (status === 400) {
        expect(res.body.code).toBe(code);
        expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
        expect(await countRows(t.db, 'response', 'id = $1', [id])).toBe(0);
      } else {
        expect(await storedConsent(id)).toBe(consentId);
      }
    }
    // The reason names the current version, so the page can say which text to read.
    const missing = await answer(t, versionId).expect(400);
    expect(missing.body.details[0].reason).toContain('version 1');
  });

  it('accepts only the current version: after an edit, the old one is refused and a resumed response agrees again', async () => {
    const { versionId, studyId, consentId: v1 } = await studySurvey();
    const completeId = randomUUID();
    await answer(t, versionId, { consent: agreed(v1) }, completeId).expect(201);
    const partialId = randomUUID();
    const started = await answer(t, versionId, { consent: agreed(v1), status: 'partial', answers: { took_part: 'no' } }, partialId).expect(
      201,
    );
    const resume = { 'X-Resume-Token': started.body.resumeToken };

    const v2 = await addConsent(t, researcher, studyId, ' Papildyta.');
    const stale = await answer(t, versionId, { consent: agreed(v1) }).expect(400);
    expect(stale.body).toMatchObject({
      code: 'CONSENT_NOT_CURRENT',
      details: [{ field: 'consent.versionId', reason: expect.stringContaining('(2)') }],
    });
    // Continuing under the old version is refused too, and changes nothing; under the new one it goes on.
    await answer(t, versionId, { consent: agreed(v1), status: 'partial', answers: { took_part: 'yes' } }, partialId)
      .set(resume)
      .expect(400);
    expect((await t.db.query(`SELECT answers FROM response WHERE id = $1`, [partialId])).rows[0].answers).toEqual({ took_part: 'no' });
    await answer(t, versionId, { consent: agreed(v2.id) }, partialId)
      .set(resume)
      .expect(200);
    expect(await storedConsent(partialId)).toBe(v2.id);
    // A response completed under version 1 keeps version 1: that is what its resident agreed to.
    expect(await storedConsent(completeId)).toBe(v1);
    // The resume link tells the page which version this response agreed to.
    const resumed = await t.http.get(`/api/public/responses/${partialId}`).set(resume).expect(200);
    expect(resumed.body.consentVersionId).toBe(v2.id);
  });

  it('leaves surveys outside studies as they were, refuses consent sent to them, and takes nothing while the study is closed', async () => {
    const plain = await createPublishedSurvey(t, researcher.auth);
    await answer(t, plain.versionId).expect(201);
    const id = randomUUID();
    const misplaced = await answer(t, plain.versionId, { consent: agreed(randomUUID()) }, id).expect(400);
    expect(misplaced.body).toMatchObject({ code: 'CONSENT_NOT_APPLICABLE', details: [{ field: 'consent' }] });
    expect(await countRows(t.db, 'response', 'id = $1', [id])).toBe(0);

    const { versionId, studyId, consentId } = await studySurvey();
    await t.http.post(`/api/studies/${studyId}/status`).set(researcher.auth).send({ status: 'closed' }).expect(200);
    const closed = await answer(t, versionId, { consent: agreed(consentId) }).expect(409);
    expect(closed.body.code).toBe('STUDY_NOT_ACTIVE');
    await t.http.get(`/api/public/surveys/${plain.surveyId}/consent`).expect(200, { required: false });
  });

  it('shows residents the current consent text of an active study before the first question', async () => {
    const { surveyId, studyId } = await studySurvey();
    const page = await t.http.get(`/api/public/surveys/${surveyId}/consent`).expect(200);
    expect(page.body).toMatchObject({
      required: true,
      study: { id: studyId, titleEn: 'Local democracy study', ethics: { reference: 'EK-2025/17' } },
      consent: {
        version: 1,
        textEn: expect.stringContaining('I agree'),
        termsTextEn: expect.arrayContaining([expect.stringContaining('cannot be withdrawn')]),
      },
    });
    await t.http.get(`/api/public/surveys/${randomUUID()}/consent`).expect(200, { required: false });
    await t.http.get('/api/public/surveys/not-a-uuid/consent').expect(400);
  });

  it('binds the anonymous invitation path too, and gives the invitation back when consent is missing', async () => {
    const { surveyId, versionId, consentId } = await studySurvey({ accessMode: 'invitation' });
    const csv = await t.http
      .post(`/api/surveys/${surveyId}/invitations`)
      .set(researcher.auth)
      .send({ municipalityCode: 'birzai', count: 1 })
      .expect(201);
    const [{ token }] = parse<{ token: string }>(csv.text, { columns: true });
    await answer(t, versionId, { invitationToken: token }).expect(400);
    expect(await countRows(t.db, 'invitation', 'survey_id = $1 AND used_on IS NOT NULL', [surveyId])).toBe(0);
    const id = randomUUID();
    await answer(t, versionId, { invitationToken: token, consent: agreed(consentId) }, id).expect(201);
    expect(await storedConsent(id)).toBe(consentId);
  });

  /** Waits until some session of this database waits for a row lock (the study row), or the given promise settles first. */
  async function blockedOnLock(pending: Promise<unknown>): Promise<boolean> {
    let settled = false;
    void pending.then(
      () => (settled = true),
      () => (settled = true),
    );
    let waiting = false;
    await waitFor(
      'a session waiting for the study row lock, or the request finishing',
      async () => {
        const { rows } = await t.db.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        waiting = rows[0].n > 0;
        return waiting || settled;
      },
      20000,
    );
    return waiting && !settled;
  }

  it('orders a consent edit after a response being stored: the edit waits for it, so no response commits under a superseded version', async () => {
    const { surveyId, versionId, studyId, consentId: v1 } = await studySurvey();
    const {
      rows: [m],
    } = await t.db.query(`SELECT id FROM municipality WHERE code = 'birzai'`);
    // A response to the study, written and not yet committed (the transactional save path, held open).
    await raw.query('BEGIN');
    const heldId = randomUUID();
    await raw.query(
      `INSERT INTO response (id, survey_id, survey_version_id, municipality_id, language, status, answers, payload_hash, consent_version_id)
       VALUES ($1, $2, $3, $4, 'lt', 'partial', '{}', repeat('a', 64), $5)`,
      [heldId, surveyId, versionId, m.id, v1],
    );
    const edit = addConsent(t, researcher, studyId, ' Nauja redakcija.');
    const waited = await blockedOnLock(edit);
    await raw.query('COMMIT');
    const v2 = await edit;
    expect(waited).toBe(true);
    // The held response committed first, under the version that was current then; from now on v1 is refused.
    const {
      rows: [held],
    } = await t.db.query(`SELECT consent_version_id FROM response WHERE id = $1`, [heldId]);
    expect(held.consent_version_id).toBe(v1);
    expect((await answer(t, versionId, { consent: agreed(v1) }).expect(400)).body.code).toBe('CONSENT_NOT_CURRENT');
    await answer(t, versionId, { consent: agreed(v2.id) }).expect(201);
  });

  it('orders a response after a consent edit in progress: it waits, then is refused under the old version', async () => {
    const { versionId, studyId, consentId: v1 } = await studySurvey();
    // The edit, as the service does it, held open before commit.
    await raw.query('BEGIN');
    await raw.query(`SELECT 1 FROM study WHERE id = $1 FOR UPDATE`, [studyId]);
    const {
      rows: [v2],
    } = await raw.query(
      `INSERT INTO consent_version (study_id, version, text_lt, text_en, contacts_days, free_text_days, paradata_days, withdrawal_policy)
       VALUES ($1, 2, 'Antroji versija, laikoma atvira.', 'Second version, held open.', 180, 365, 90, 'delete') RETURNING id`,
      [studyId],
    );
    await raw.query(`UPDATE study SET current_consent_version_id = $2 WHERE id = $1`, [studyId, v2.id]);
    const id = randomUUID();
    const pending = answer(t, versionId, { consent: agreed(v1) }, id).then((res) => res);
    const waited = await blockedOnLock(pending);
    await raw.query('COMMIT');
    const res = await pending;
    expect(waited).toBe(true);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'CONSENT_NOT_CURRENT',
      details: [{ field: 'consent.versionId', reason: expect.stringContaining('(2)') }],
    });
    expect(await countRows(t.db, 'response', 'id = $1', [id])).toBe(0);
  });

  it('under a burst of responses racing a consent edit: every answer is 201 or a clear 400, and what is stored carries the version it agreed to', async () => {
    const { versionId, studyId, consentId: v1 } = await studySurvey();
    const ids = Array.from({ length: 40 }, () => randomUUID());
    const burst = ids.map((id, i) =>
      answer(t, versionId, { consent: agreed(v1), status: i % 2 ? 'partial' : 'complete' }, id).then((res) => res),
    );
    const edit = addConsent(t, researcher, studyId, ' Per pildymą pakeista.');
    const results = await Promise.all(burst);
    const v2 = await edit;
    const statuses = results.map((res) => (res.status === 400 ? res.body.code : res.status));
    expect(statuses.filter((s) => s !== 201 && s !== 'CONSENT_NOT_CURRENT')).toEqual([]);
    const { rows } = await t.db.query(`SELECT id, consent_version_id FROM response WHERE id = ANY($1)`, [ids]);
    expect(rows.length).toBe(statuses.filter((s) => s === 201).length);
    expect(rows.every((row) => row.consent_version_id === v1)).toBe(true);
    // Once the edit has returned, every resident still holding version 1 is refused.
    const late = await Promise.all(Array.from({ length: 5 }, () => answer(t, versionId, { consent: agreed(v1) })));
    expect(late.map((res) => res.body.code)).toEqual(Array(5).fill('CONSENT_NOT_CURRENT'));
    expect(v2.version).toBe(2);
  });

  describe('sign-ups for a study meeting', () => {
    async function studyMeeting() {
      const { studyId, consentId } = await activeStudy(t, researcher);
      const consultationId = await createOpenConsultation(t, staff, 'birzai');
      const meeting = await createMeeting(t, staff, consultationId);
      await t.http.patch(`/api/meetings/${meeting.id}`).set(staff.auth).send({ studyId }).expect(200);
      return { studyId, consentId, meetingId: meeting.id };
    }

    it('needs the current study consent; stores its version and sends a receipt with the text and a withdrawal link placeholder', async () => {
      const { studyId, consentId, meetingId } = await studyMeeting();
      const shown = await t.http.get(`/api/public/meetings/${meetingId}`).expect(200);
      expect(shown.body.study).toMatchObject({ study: { id: studyId }, consent: { versionId: consentId, version: 1 } });
      expect(shown.body.studyId).toBe(studyId);

      for (const [extra, code, field] of [
        [{}, 'CONSENT_REQUIRED', 'studyConsent'],
        [{ studyConsent: agreed(randomUUID()) }, 'CONSENT_NOT_CURRENT', 'studyConsent.versionId'],
        [{ studyConsent: { versionId: consentId, agreed: false } }, 'INVALID_INPUT', 'studyConsent.agreed'],
      ] as const) {
        const body = person(extra);
        const res = await signUp(t, meetingId, body).expect(400);
        expect([res.body.code, res.body.details[0].field]).toEqual([code, field]);
        expect(await countRows(t.db, 'signup', 'contact_key = $1', [body.contact])).toBe(0);
        expect(await countRows(t.db, 'message', 'recipient = $1', [body.contact])).toBe(0);
      }
      const body = person({ studyConsent: agreed(consentId), language: 'en' });
      await signUp(t, meetingId, body).expect(202);
      const {
        rows: [signup],
      } = await t.db.query(`SELECT id, consent_version_id FROM signup WHERE contact_key = $1`, [body.contact]);
      expect(signup.consent_version_id).toBe(consentId);
      const { rows: messages } = await t.db.query(`SELECT kind, subject, body FROM message WHERE signup_id = $1 ORDER BY kind`, [
        signup.id,
      ]);
      expect(messages.map((m) => m.kind)).toEqual(['confirm_request', 'study_receipt']);
      const receipt = messages[1];
      expect(receipt.subject).toBe('Your consent receipt: Local democracy study');
      expect(receipt.body).toContain('version 1');
      expect(receipt.body).toContain('I agree to take part in the study');
      expect(receipt.body).toContain('cannot be withdrawn');
      // Stored without a working link: the worker fills it in as it sends.
      expect(receipt.body).toContain(`{{withdraw_url:signup:${signup.id}}}`);
      expect(receipt.body).not.toMatch(/studies\/withdraw#/);
    });

    it('refuses a sign-up under a superseded version, and orders one being stored before a consent edit', async () => {
      const { studyId, consentId: v1, meetingId } = await studyMeeting();
      // A sign-up held open in a transaction (as signing up writes it), then a consent edit.
      await raw.query('BEGIN');
      await raw.query(
        `INSERT INTO signup (meeting_id, status, confirm_by, language, name, email, contact_key, checkin_code, consent_text, consented_at, consent_version_id)
         VALUES ($1, 'pending', now() + interval '30 minutes', 'lt', 'Held Open', 'held@example.lt', 'held@example.lt', 'HELD01', 'x', now(), $2)`,
        [meetingId, v1],
      );
      const edit = addConsent(t, researcher, studyId, ' Trečia.');
      const waited = await blockedOnLock(edit);
      await raw.query('COMMIT');
      await edit;
      expect(waited).toBe(true);
      const stale = await signUp(t, meetingId, person({ studyConsent: agreed(v1) })).expect(400);
      expect(stale.body).toMatchObject({ code: 'CONSENT_NOT_CURRENT', details: [{ field: 'studyConsent.versionId' }] });
    });

    it('puts a meeting only under an active study of its municipality that the staff member can see; never once people signed up', async () => {
      const { studyId: other } = await activeStudy(t, researcher, { municipalityCodes: ['zarasai'] });
      const consultationId = await createOpenConsultation(t, staff, 'birzai');
      const meeting = await createMeeting(t, staff, consultationId);
      const refused = await t.http.patch(`/api/meetings/${meeting.id}`).set(staff.auth).send({ studyId: other }).expect(400);
      expect(refused.body).toMatchObject({ code: 'STUDY_INVALID', details: [{ field: 'studyId' }] });
      const draft = (
        await t.http
          .post('/api/studies')
          .set(researcher.auth)
          .send({
            titleLt: 'Juodraštis',
            titleEn: 'Draft',
            purposeLt: 'Tikslas',
            purposeEn: 'Purpose',
            municipalityCodes: ['birzai'],
          })
          .expect(201)
      ).body.id;
      await t.http.patch(`/api/meetings/${meeting.id}`).set(staff.auth).send({ studyId: draft }).expect(400);
      expect((await t.db.query(`SELECT study_id FROM meeting WHERE id = $1`, [meeting.id])).rows[0].study_id).toBeNull();
      // Without a study, a sign-up sending study consent is refused; once someone signed up, the study cannot change.
      await signUp(t, meeting.id, person({ studyConsent: agreed(randomUUID()) })).expect(400);
      await signUp(t, meeting.id, person()).expect(202);
      const { studyId: birzaiStudy } = await activeStudy(t, researcher);
      const late = await t.http.patch(`/api/meetings/${meeting.id}`).set(staff.auth).send({ studyId: birzaiStudy }).expect(409);
      expect(late.body.code).toBe('MEETING_HAS_SIGNUPS');
    });
  });
});
