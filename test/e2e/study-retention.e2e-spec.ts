import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { StudyRegistry } from '../../libs/studies/src/participants/study-registry';
import { StudiesWorker } from '../../libs/studies/src/retention/studies-worker';
import { confirmedSignUp, createMeeting, createOpenConsultation, person } from '../support/consultation-fixtures';
import { countRows, createAccount, createMunicipality, type TestAccount } from '../support/factories';
import { activeStudy, agreed } from '../support/study-fixtures';
import { answer, createPublishedSurvey, VALID_ANSWERS } from '../support/survey-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { FAST_JOBS_ENV, startInProcessWorker, waitFor } from '../support/test-worker';

/**
 * The study retention sweep, per data class (README "Studies"): contacts of study sign-ups from
 * the meeting's end, free text and paradata of responses under the study's consent from their
 * submission day, and any class another feature registers (exports). Each period is the shorter of
 * what the data's consent version promised and what the study says now.
 */
describe('study retention per data class', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let mailDir: string;
  let researcher: TestAccount;
  let staff: TestAccount;
  const sweep = () => worker.get(StudiesWorker).sweep();
  /**
   * Sweeps until `done` holds. The repeating job runs beside these direct calls, and a sweep skips
   * rows another one holds (SKIP LOCKED), so one direct call may return before the rows it skipped
   * are committed: wait for the state, not for one call.
   */
  const sweepUntil = (what: string, done: () => Promise<boolean>) => waitFor(what, async () => (await sweep(), done()));

  beforeAll(async () => {
    mailDir = mkdtempSync(join(tmpdir(), 'study-retention-'));
    // The repeating sweep runs every second here; the tests also call it directly to know when it ran.
    t = await startTestApp({ ...FAST_JOBS_ENV, MAIL_DIR: mailDir, RETENTION_SWEEP_MS: '1000' });
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

  const policy = (studyId: string, body: Record<string, unknown>) =>
    t.http.put(`/api/studies/${studyId}/policy`).set(researcher.auth).send(body).expect(200);
  const currentConsent = async (studyId: string): Promise<string> =>
    (await t.http.get(`/api/studies/${studyId}`).set(researcher.auth).expect(200)).body.consent.id;
  /** Moves a response's days back, as if it had been given `days` ago. */
  const age = (id: string, days: number) =>
    t.db.query(
      `UPDATE response SET started_on = current_date - $2::int - 1, updated_on = current_date - $2::int,
                  submitted_on = CASE WHEN status = 'complete' THEN current_date - $2::int END WHERE id = $1`,
      [id, days],
    );

  it("contacts: a study sign-up is purged after the shorter of its consent version's and the study's period, from the meeting's end", async () => {
    const { studyId, consentId: v1 } = await activeStudy(t, researcher); // contacts 180 days
    const meeting = await createMeeting(t, staff, await createOpenConsultation(t, staff, 'birzai'), { capacity: 10, retentionDays: 3650 });
    await t.http.patch(`/api/meetings/${meeting.id}`).set(staff.auth).send({ studyId }).expect(200);
    const underV1 = person({ studyConsent: agreed(v1) });
    await confirmedSignUp(t, meeting.id, underV1);
    await policy(studyId, { retention: { contactsDays: 365 } }); // version 2 promises 365
    const underV2 = person({ studyConsent: agreed(await currentConsent(studyId)) });
    await confirmedSignUp(t, meeting.id, underV2);
    // A meeting outside the study, ended as long ago: the study sweep leaves it to the meeting's own retention.
    const plain = await createMeeting(t, staff, await createOpenConsultation(t, staff, 'birzai'), { retentionDays: 3650 });
    const outsider = person();
    await confirmedSignUp(t, plain.id, outsider);
    await waitFor('every message sent (mail files written)', async () => (await countRows(t.db, 'message', 'sent_at IS NULL')) === 0);
    const receiptFile = async (contact: string) => {
      const { rows } = await t.db.query(
        `SELECT m.id FROM message m JOIN signup s ON s.id = m.signup_id WHERE s.contact_key = $1 AND m.kind = 'study_receipt'`,
        [contact],
      );
      return join(mailDir, `${rows[0].id}.eml`);
    };
    const v1Receipt = await receiptFile(underV1.contact);
    expect(existsSync(v1Receipt)).toBe(true);

    // Both meetings ended 200 days ago.
    await t.db.query(
      `UPDATE meeting SET starts_at = now() - interval '200 days 2 hours', ends_at = now() - interval '200 days',
                        signup_deadline = now() - interval '201 days' WHERE id = ANY($1)`,
      [[meeting.id, plain.id]],
    );
    const purged = async (contact: string) => (await countRows(t.db, 'signup', 'contact_key = $1', [contact])) === 0;
    await sweepUntil('the sign-up under version 1 purged', () => purged(underV1.contact)); // promised 180: gone at 200
    expect(await purged(underV2.contact)).toBe(false); // promised 365: kept, though longer than v1
    expect(await purged(outsider.contact)).toBe(false);
    expect(existsSync(v1Receipt)).toBe(false);
    expect(await countRows(t.db, 'message', 'recipient = $1', [underV1.contact])).toBe(0);
    const {
      rows: [kept],
    } = await t.db.query(`SELECT count(*)::int AS n FROM signup WHERE meeting_id = $1 AND status = 'confirmed'`, [meeting.id]);
    expect(kept.n).toBe(2); // status stays: counts survive

    // Shortening applies to everything already held: version 2's 365 days become 100.
    await policy(studyId, { retention: { contactsDays: 100 } });
    await sweepUntil('the sign-up under version 2 purged', () => purged(underV2.contact));
    expect(await purged(outsider.contact)).toBe(false);
  });

  it('free text: typed answers go after the period, closed answers stay; young, outside and already swept responses are untouched', async () => {
    const { surveyId, versionId } = await createPublishedSurvey(t, researcher.auth);
    const { studyId, consentId } = await activeStudy(t, researcher, { surveyId });
    await policy(studyId, { retention: { freeTextDays: 30, paradataDays: 3000 } });
    const v2 = await currentConsent(studyId);
    const typed = { ...VALID_ANSWERS, ideas: 'Daugiau suoliukų parke' };
    const [old, young] = [randomUUID(), randomUUID()];
    await answer(t, versionId, { consent: agreed(v2), answers: typed }, old).expect(201);
    await answer(t, versionId, { consent: agreed(v2), answers: typed }, young).expect(201);
    await age(old, 31);
    await age(young, 29);
    // Outside any study, as old: not the study's to sweep.
    const plain = await createPublishedSurvey(t, researcher.auth);
    const outside = randomUUID();
    await answer(t, plain.versionId, { answers: typed }, outside).expect(201);
    await age(outside, 400);
    expect(consentId).not.toBe(v2);

    const answers = async (id: string) =>
      (await t.db.query(`SELECT answers, free_text_purged_on IS NOT NULL AS swept FROM response WHERE id = $1`, [id])).rows[0];
    await sweepUntil('the old response swept', async () => (await answers(old)).swept);
    expect(await answers(old)).toEqual({ answers: { took_part: 'yes', ways: ['meeting', 'other'], trust: 4, years: 12 }, swept: true });
    expect((await answers(young)).answers).toEqual(typed);
    expect((await answers(outside)).answers).toEqual(typed);
    const swept = await answers(old);
    await sweep();
    expect(await answers(old)).toEqual(swept);
    // Counted in the audit log, never a value.
    const { rows } = await t.db.query(
      `SELECT details FROM audit_log WHERE action = 'study.retention_applied' AND (details->>'freeText')::int > 0`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('suoliuk');
  });

  it('paradata: start and last-save days become the submission day and the request hash is blanked; the answers stay', async () => {
    const { surveyId, versionId } = await createPublishedSurvey(t, researcher.auth);
    const { studyId } = await activeStudy(t, researcher, { surveyId });
    await policy(studyId, { retention: { paradataDays: 10, freeTextDays: 3000 } });
    const consent = await currentConsent(studyId);
    const [old, young] = [randomUUID(), randomUUID()];
    await answer(t, versionId, { consent: agreed(consent) }, old).expect(201);
    await answer(t, versionId, { consent: agreed(consent) }, young).expect(201);
    await age(old, 11);
    await age(young, 9);
    const row = async (id: string) =>
      (
        await t.db.query(
          `SELECT started_on = submitted_on AS same_day, updated_on = submitted_on AS saved_same_day, payload_hash = repeat('0', 64) AS blank, answers
         FROM response WHERE id = $1`,
          [id],
        )
      ).rows[0];
    await sweepUntil("the old response's paradata purged", async () => (await row(old)).blank);
    expect(await row(old)).toEqual({ same_day: true, saved_same_day: true, blank: true, answers: VALID_ANSWERS });
    expect(await row(young)).toMatchObject({ same_day: false, blank: false });
  });

  it('runs the sweeps other features register (exports) in the same job, inside a transaction, and through the repeating BullMQ job', async () => {
    const calls: boolean[] = [];
    worker.get(StudyRegistry).registerRetentionSweep({
      dataClass: 'exports',
      sweep: (tx: EntityManager) => {
        calls.push(tx.queryRunner?.isTransactionActive === true);
        return Promise.resolve({ purged: 2 });
      },
    });
    const outcome = await sweep();
    expect(outcome.other).toEqual({ exports: 2 });
    expect(calls.at(-1)).toBe(true);
    // The repeating job (studies/retention-sweep, every RETENTION_SWEEP_MS) runs it on its own.
    const seen = calls.length;
    await waitFor('the repeating study retention job to run', () => Promise.resolve(calls.length > seen));
  });
});
