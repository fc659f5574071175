import type { INestApplicationContext } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { countRows, createAccount, createMunicipality, type TestAccount } from '../support/factories';
import { percentile } from '../support/results-checks';
import { releases, releaseSettled, TIME_OF_DAY } from '../support/results-releases';
import { countOf, residentAnswers, SECRET_TEXT } from '../support/resident-answers';
import { answer, createPublishedSurvey } from '../support/survey-fixtures';
import { rawText } from '../support/raw-body';
import { startTestApp, type TestApp } from '../support/test-app';
import { allCompiled, compilations, FAST_JOBS_ENV, startInProcessWorker, waitFor } from '../support/test-worker';

const K = 5;
/** The ptable's noise bound (libs/results/src/perturbation/ptable.ts), restated: the test checks the promise. */
const D = 2;

type PublishedCell = { count: number | null; suppressed: boolean };

describe('results: compiled by the worker, perturbed, served only from releases', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let researcher: TestAccount;
  let staff: TestAccount;
  let surveyId: string;
  let versionId: string;
  const birzai = residentAnswers(11, 48);
  const zarasai = residentAnswers(23, 3);

  beforeAll(async () => {
    t = await startTestApp(FAST_JOBS_ENV);
    worker = await startInProcessWorker(t.config);
    await createMunicipality(t.db, 'birzai');
    await createMunicipality(t.db, 'zarasai');
    researcher = await createAccount(t.db, 'researcher');
    staff = await createAccount(t.db, 'staff', ['birzai']);
    ({ surveyId, versionId } = await createPublishedSurvey(t, researcher.auth, { municipalityCodes: ['birzai', 'zarasai'] }));
    for (const answers of birzai) await answer(t, versionId, { answers }).expect(201);
    for (const answers of zarasai) await answer(t, versionId, { answers, municipalityCode: 'zarasai' }).expect(201);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('asks for no compile when responses arrive: no job row is written with a response', async () => {
    expect(await countRows(t.db, 'response', `status = 'complete'`)).toBe(51);
    expect(await countRows(t.db, 'outbox')).toBe(0);
    expect(await countRows(t.db, 'result_compilation')).toBe(0);
  });

  it('compiles on demand to prepare the next release, audited, but serves nothing until a release', async () => {
    await t.http.post(`/api/surveys/${surveyId}/results/compilations`).set(researcher.auth).send({}).expect(202);
    await waitFor('both municipalities compiled', () => allCompiled(t.db, versionId, 2), 60000);
    expect((await compilations(t.db, versionId)).map((r) => [r.municipality, r.requested_seq, r.last_error])).toEqual([
      ['birzai', 1, null],
      ['zarasai', 1, null],
    ]);
    const notYet = await t.http.get(`/api/surveys/${surveyId}/results`).set(researcher.auth).expect(404);
    expect(notYet.body.code).toBe('RESULTS_NOT_RELEASED');
    const listed = await t.http.get(`/api/surveys/${surveyId}/results/compilations`).set(staff.auth).expect(200);
    // Staff see their own municipality only, with the auditor's figures for the prepared release.
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        status: 'done',
        lastRelease: null,
        newResponses: 48,
        audit: expect.objectContaining({ exposed: 0, tablesWithheld: false, cellsChecked: expect.any(Number), solves: expect.any(Number) }),
        municipality: expect.objectContaining({ code: 'birzai' }),
      }),
    ]);
  });

  it('releases on a researcher\'s request (not staff\'s): dates only, counts within the noise of an independent count, none below k', async () => {
    await t.http.post(`/api/surveys/${surveyId}/results/releases`).set(staff.auth).send({}).expect(403);
    await t.http.post(`/api/surveys/${surveyId}/results/releases`).set(researcher.auth).send({}).expect(202);
    expect(await countRows(t.db, 'audit_log', `action = 'results.released' AND target_id = $1`, [surveyId])).toBe(1);
    await releaseSettled(t.db, versionId, 2);
    expect((await releases(t.db, versionId)).map((r) => [r.municipality, r.release_no])).toEqual([
      ['birzai', 1],
      ['zarasai', 1],
    ]);

    const response = await t.http.get(`/api/surveys/${surveyId}/results`).set(researcher.auth).expect(200);
    const body = response.body;
    expect(JSON.stringify(body)).not.toMatch(TIME_OF_DAY);
    expect(body).toMatchObject({ status: 'preliminary', k: K, noiseBound: D, statsThreshold: 20, publishedOn: null });
    const m = body.municipalities.find((x: { code: string }) => x.code === 'birzai');
    expect(m.releasedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(m.release).toBe(1);
    expect(Math.abs(m.responses - birzai.length)).toBeLessThanOrEqual(D);
    expect(m.items.map((i: { item: string }) => i.item)).toEqual(['took_part', 'ways', 'trust', 'years', 'age_band']);

    let shown = 0;
    let withheld = 0;
    let noisy = 0;
    const check = (cell: PublishedCell, truth: number) => {
      if (cell.suppressed) {
        expect(cell.count).toBeNull();
        // Withheld means the perturbed count was below k: the truth is at most k - 1 + D.
        expect(truth).toBeLessThanOrEqual(K - 1 + D);
        withheld++;
      } else {
        expect(cell.count).toBeGreaterThanOrEqual(K);
        expect(Math.abs(cell.count! - truth)).toBeLessThanOrEqual(D);
        if (cell.count !== truth) noisy++;
        shown++;
      }
    };
    for (const item of m.items) {
      const answered = birzai.filter((a) => a[item.question] !== undefined).length;
      check(item.answered, answered);
      // took_part and trust are required: nobody skipped them, which every reader knows, so 0 is shown as it is.
      if (['took_part', 'trust'].includes(item.question)) expect(item.skipped).toEqual({ count: 0, suppressed: false });
      else check(item.skipped, birzai.length - answered);
      for (const c of item.counts) check(c.count, countOf(birzai, item.question, c.value));
      for (const b of item.breakdowns) {
        for (const g of b.groups) {
          const inGroup = birzai.filter((a) => (a.age_band ?? null) === g.value);
          check(g.answered, inGroup.filter((a) => a[item.question] !== undefined).length);
          for (const c of g.counts) check(c.count, countOf(birzai, item.question, c.value, g.value));
        }
      }
    }
    // Skewed data: cells are withheld, others shown, and the noise is really there.
    expect(withheld).toBeGreaterThan(0);
    expect(shown).toBeGreaterThan(0);
    expect(noisy).toBeGreaterThan(0);

    // Stats only for at least 20 answers, to 2 significant figures.
    const years = birzai.map((a) => a.years).filter((y): y is number => typeof y === 'number').sort((a, b) => a - b);
    const yearsItem = m.items.find((i: { item: string }) => i.item === 'years');
    expect(years.length).toBeGreaterThanOrEqual(22);
    const twoFigures = (x: number) => Number(x.toPrecision(2));
    expect(yearsItem.stats).toEqual({
      mean: twoFigures(years.reduce((s, y) => s + y, 0) / years.length),
      median: twoFigures(percentile(years, 0.5)),
      q1: twoFigures(percentile(years, 0.25)),
      q3: twoFigures(percentile(years, 0.75)),
    });
    for (const item of m.items) {
      for (const b of item.breakdowns) for (const g of b.groups) if (g.stats) expect(g.answered.count).toBeGreaterThanOrEqual(20);
    }

    // Below k responses: no tables and no exact count.
    const small = body.municipalities.find((x: { code: string }) => x.code === 'zarasai');
    expect(small).toMatchObject({ responses: null, belowThreshold: true, items: [], release: 1 });
    expect(JSON.stringify(body)).not.toContain(SECRET_TEXT);
  });

  it('serves CSV with withheld cells marked, never as 0', async () => {
    const csv = await t.http.get(`/api/surveys/${surveyId}/results/csv`).set(researcher.auth).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows: Record<string, string>[] = parse(csv.text, { columns: true, bom: true });
    const suppressed = rows.filter((r) => r.suppressed === 'yes');
    expect(suppressed.length).toBeGreaterThan(0);
    expect(suppressed.every((r) => r.count === '')).toBe(true);
    const counts = rows.filter((r) => r.suppressed === 'no' && ['count', 'answered'].includes(r.measure));
    expect(counts.every((r) => Number(r.count) >= K)).toBe(true);
    expect(rows.find((r) => r.municipality === 'zarasai')).toMatchObject({ measure: 'responses', count: '', suppressed: 'yes' });
    expect(csv.text).not.toContain(SECRET_TEXT);
  });

  it('refuses a release with too few new responses (409, nothing written), and keeps serving the last release between releases', async () => {
    const before = await t.http.get(`/api/surveys/${surveyId}/results`).set(staff.auth).expect(200);
    const more = residentAnswers(99, 14);
    for (const answers of more.slice(0, 9)) await answer(t, versionId, { answers }).expect(201);
    const outboxBefore = await countRows(t.db, 'outbox');
    const seqBefore = (await compilations(t.db, versionId)).map((r) => r.requested_seq);
    const refused = await t.http.post(`/api/surveys/${surveyId}/results/releases`).set(researcher.auth).send({}).expect(409);
    expect(refused.body).toMatchObject({ code: 'RELEASE_NOT_POSSIBLE', message: expect.stringContaining('10') });
    expect(await countRows(t.db, 'outbox')).toBe(outboxBefore);
    expect((await compilations(t.db, versionId)).map((r) => r.requested_seq)).toEqual(seqBefore);
    const listed = await t.http.get(`/api/surveys/${surveyId}/results/compilations`).set(staff.auth).expect(200);
    expect(listed.body.items[0]).toMatchObject({ newResponses: 9, releaseNeeds: 10, lastRelease: { number: 1 } });

    // A compile between releases (staff may ask) prepares; staff still see exactly release 1.
    await t.http.post(`/api/surveys/${surveyId}/results/compilations`).set(staff.auth).send({}).expect(202);
    const asked = seqBefore[0] + 1;
    await waitFor('birzai compiled again', async () => (await compilations(t.db, versionId))[0].started_seq === asked && (await allCompiled(t.db, versionId, 2)), 60000);
    const between = await t.http.get(`/api/surveys/${surveyId}/results`).set(staff.auth).expect(200);
    expect(between.body).toEqual(before.body);

    // The tenth new response makes a release possible: Biržai gets release 2, Zarasai (nothing new) keeps release 1.
    for (const answers of more.slice(9, 10)) await answer(t, versionId, { answers }).expect(201);
    await t.http.post(`/api/surveys/${surveyId}/results/releases`).set(researcher.auth).send({}).expect(202);
    await releaseSettled(t.db, versionId, 2);
    expect((await releases(t.db, versionId)).map((r) => [r.municipality, r.release_no, r.response_count])).toEqual([
      ['birzai', 1, 48],
      ['birzai', 2, 58],
      ['zarasai', 1, 3],
    ]);
    const rows = (await t.http.get(`/api/surveys/${surveyId}/results/compilations`).set(researcher.auth).expect(200)).body.items;
    expect(rows.map((r: { municipality: { code: string }; releaseOutcome: string }) => [r.municipality.code, r.releaseOutcome])).toEqual([
      ['birzai', 'released'],
      ['zarasai', 'too_few_new'],
    ]);
    const after = await t.http.get(`/api/surveys/${surveyId}/results?municipality=birzai`).set(staff.auth).expect(200);
    expect(after.body.municipalities[0].release).toBe(2);
  });

  it('keeps results private until a researcher publishes chosen questions, in chosen municipalities', async () => {
    await t.http.get('/api/public/results/none-such').expect(404);
    const slug = (await t.http.get(`/api/surveys/${surveyId}`).set(researcher.auth)).body.slug;
    const hidden = await t.http.get(`/api/public/results/${slug}`).expect(404);
    expect(hidden.body.code).toBe('RESULTS_NOT_PUBLISHED');

    await t.http.put(`/api/surveys/${surveyId}/results/publication`).set(staff.auth).send({ version: 1, questions: ['trust'] }).expect(403);
    const bad = await t.http
      .put(`/api/surveys/${surveyId}/results/publication`)
      .set(researcher.auth)
      .send({ version: 1, questions: ['trust', 'ideas'] })
      .expect(400);
    expect(bad.body.details).toEqual([{ field: 'questions', reason: expect.stringContaining('"ideas"') }]);
    const badPlace = await t.http
      .put(`/api/surveys/${surveyId}/results/publication`)
      .set(researcher.auth)
      .send({ version: 1, questions: ['trust'], municipalityCodes: ['nowhere'] })
      .expect(400);
    expect(badPlace.body.details[0].field).toBe('municipalityCodes');
    const missing = await t.http.put(`/api/surveys/${surveyId}/results/publication`).set(researcher.auth).send({ version: 7, questions: ['trust'] }).expect(404);
    expect(missing.body.details).toEqual([{ field: 'version', reason: expect.any(String) }]);
    expect(await countRows(t.db, 'result_publication')).toBe(0);

    const put = await t.http
      .put(`/api/surveys/${surveyId}/results/publication`)
      .set(researcher.auth)
      .send({ version: 1, questions: ['trust', 'ways'], municipalityCodes: ['birzai'] })
      .expect(200);
    expect(put.body).toEqual({ version: 1, questions: ['trust', 'ways'], municipalityCodes: ['birzai'], publishedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    const list = await t.http.get('/api/public/results').expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ slug, version: 1, municipalities: [expect.objectContaining({ code: 'birzai' })] })]);
    expect(JSON.stringify(list.body)).not.toMatch(TIME_OF_DAY);
    const pub = await t.http.get(`/api/public/results/${slug}`).expect(200);
    expect(JSON.stringify(pub.body)).not.toMatch(TIME_OF_DAY);
    expect(pub.body.status).toBe('published');
    expect(pub.body.items.map((i: { item: string }) => i.item)).toEqual(['ways', 'trust']);
    expect(pub.body.municipalities.map((x: { code: string }) => x.code)).toEqual(['birzai']);
    await t.http.get(`/api/public/results/${slug}?municipality=zarasai`).expect(404);

    await t.http.put(`/api/surveys/${surveyId}/results/publication`).set(researcher.auth).send({ version: 1, questions: ['trust'] }).expect(200);
    const all = await t.http.get(`/api/public/results/${slug}`).expect(200);
    expect(all.body.municipalities.map((x: { code: string }) => x.code)).toEqual(['birzai', 'zarasai']);
    const csv = await t.http.get(`/api/public/results/${slug}/csv`).expect(200);
    expect(csv.text).not.toContain('took_part');

    await t.http.delete(`/api/surveys/${surveyId}/results/publication`).set(researcher.auth).expect(204);
    await t.http.get(`/api/public/results/${slug}`).expect(404);
    // Who published and withdrew is in the audit log; the refused attempts are not.
    const audit = await t.db.query(`SELECT actor_account_id, action FROM audit_log WHERE target_id = $1 AND action IN ('results.published', 'results.withdrawn') ORDER BY id`, [surveyId]);
    expect(audit.rows).toEqual([
      // Published in one municipality, then in all.
      expect.objectContaining({ actor_account_id: researcher.id, action: 'results.published' }),
      expect.objectContaining({ actor_account_id: researcher.id, action: 'results.published' }),
      expect.objectContaining({ actor_account_id: researcher.id, action: 'results.withdrawn' }),
    ]);
  });

  it('serves Excel-friendly CSV: byte-order mark, a dated name, headers in the asked language, the export logged', async () => {
    const slug = (await t.http.get(`/api/surveys/${surveyId}`).set(researcher.auth)).body.slug;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Vilnius' }).format(new Date());
    const lt = await t.http.get(`/api/surveys/${surveyId}/results/csv?lang=lt&municipality=birzai`).set(staff.auth).buffer(true).parse(rawText).expect(200);
    expect(lt.body.startsWith('\uFEFF')).toBe(true);
    expect(lt.headers['content-disposition']).toContain(`filename="results-${slug}-birzai-${today}.csv"`);
    const rows: Record<string, string>[] = parse(lt.body, { columns: true, bom: true });
    expect(Object.keys(rows[0])).toEqual(['Savivaldybė', 'Klausimo kodas', 'Klausimas', 'Eilutė', 'Pjūvis', 'Grupė', 'Rodiklis', 'Reikšmė', 'Skaičius', 'Nuslėpta']);
    expect(new Set(rows.map((r) => r['Nuslėpta']))).toEqual(new Set(['taip', 'ne']));
    const bad = await t.http.get(`/api/surveys/${surveyId}/results/csv?lang=fr`).set(staff.auth).expect(400);
    expect(bad.body.details).toEqual([{ field: 'lang', reason: 'lang must be lt or en' }]);
    expect(await countRows(t.db, 'audit_log', `action = 'results.exported' AND target_id = $1 AND actor_account_id = $2`, [surveyId, staff.id])).toBeGreaterThanOrEqual(1);
  });

  it('refuses bad requests with the field and reason, and hides other municipalities', async () => {
    const outboxBefore = await countRows(t.db, 'outbox');
    const requestsBefore = (await compilations(t.db, versionId)).map((r) => r.requested_seq);
    const badVersion = await t.http.post(`/api/surveys/${surveyId}/results/compilations`).set(researcher.auth).send({ version: 0 }).expect(400);
    expect(badVersion.body.details[0].field).toBe('version');
    const badRelease = await t.http.post(`/api/surveys/${surveyId}/results/releases`).set(researcher.auth).send({ version: 'x' }).expect(400);
    expect(badRelease.body.details[0].field).toBe('version');
    const unknownRelease = await t.http.post(`/api/surveys/${surveyId}/results/releases`).set(researcher.auth).send({ version: 9 }).expect(404);
    expect(unknownRelease.body.details[0].field).toBe('version');
    const notTargeted = await t.http
      .post(`/api/surveys/${surveyId}/results/compilations`)
      .set(staff.auth)
      .send({ municipalityCodes: ['zarasai'] })
      .expect(404);
    expect(notTargeted.body.details).toEqual([{ field: 'municipalityCodes', reason: expect.any(String) }]);
    // Refused requests asked for nothing.
    expect(await countRows(t.db, 'outbox')).toBe(outboxBefore);
    expect((await compilations(t.db, versionId)).map((r) => r.requested_seq)).toEqual(requestsBefore);
    const staffView = await t.http.get(`/api/surveys/${surveyId}/results`).set(staff.auth).expect(200);
    expect(staffView.body.municipalities.map((x: { code: string }) => x.code)).toEqual(['birzai']);
    await t.http.get(`/api/surveys/${surveyId}/results?version=abc`).set(staff.auth).expect(400);
    await t.http.get(`/api/surveys/${surveyId}/results`).expect(401);
  });

  it('takes k per survey: lowered never once released, raised any time, and a raised k withholds a superset', async () => {
    const lowered = await t.http.patch(`/api/surveys/${surveyId}`).set(researcher.auth).send({ disclosureK: 4 }).expect(409);
    expect(lowered.body.details).toEqual([{ field: 'disclosureK', reason: expect.stringContaining('lowered') }]);
    const tooLow = await t.http.patch(`/api/surveys/${surveyId}`).set(researcher.auth).send({ disclosureK: 1 }).expect(400);
    expect(tooLow.body.details).toEqual([{ field: 'disclosureK', reason: expect.stringContaining('at least 2') }]);
    const smallR = await t.http.patch(`/api/surveys/${surveyId}`).set(researcher.auth).send({ releaseMinResponses: 9 }).expect(400);
    expect(smallR.body.details).toEqual([{ field: 'releaseMinResponses', reason: expect.stringContaining('10') }]);
    expect((await t.db.query('SELECT disclosure_k, release_min_responses FROM survey WHERE id = $1', [surveyId])).rows[0]).toEqual({
      disclosure_k: K,
      release_min_responses: null,
    });

    const before = (await t.http.get(`/api/surveys/${surveyId}/results?municipality=birzai`).set(researcher.auth).expect(200)).body.municipalities[0];
    const updated = await t.http.patch(`/api/surveys/${surveyId}`).set(researcher.auth).send({ disclosureK: 10 }).expect(200);
    expect(updated.body.disclosureK).toBe(10);
    const { body } = await t.http.get(`/api/surveys/${surveyId}/results?municipality=birzai`).set(researcher.auth).expect(200);
    expect(body.k).toBe(10);
    const after = body.municipalities[0];
    const cells = (m: { items: { counts: { count: PublishedCell }[]; breakdowns: { groups: { counts: { count: PublishedCell }[] }[] }[] }[] }) =>
      m.items.flatMap((i) => [...i.counts.map((c) => c.count), ...i.breakdowns.flatMap((b) => b.groups.flatMap((g) => g.counts.map((c) => c.count)))]);
    const [was, now] = [cells(before), cells(after)];
    let newlyWithheld = 0;
    was.forEach((cell, i) => {
      if (cell.suppressed) expect(now[i].suppressed).toBe(true);
      else if (now[i].suppressed) newlyWithheld++;
      else expect(now[i].count).toBe(cell.count);
      if (!now[i].suppressed) expect(now[i].count).toBeGreaterThanOrEqual(10);
    });
    expect(newlyWithheld).toBeGreaterThan(0);
    // R follows k: now at least 20.
    const listed = await t.http.get(`/api/surveys/${surveyId}/results/compilations`).set(staff.auth).expect(200);
    expect(listed.body.items[0].releaseNeeds).toBe(20);
  });

  it('releases when a survey is closed, and when it closes on its own', async () => {
    // The k change asked for compiles (preparing under the new k): let them finish first.
    await waitFor('the compiles after the k change', () => allCompiled(t.db, versionId, 2), 60000);
    const before = (await compilations(t.db, versionId)).map((r) => r.requested_seq);
    await t.http.post(`/api/surveys/${surveyId}/close`).set(researcher.auth).expect(201);
    const after = (await compilations(t.db, versionId)).map((r) => r.requested_seq);
    expect(after).toEqual(before.map((seq) => seq + 1));
    await releaseSettled(t.db, versionId, 2);

    // A second survey whose closing time simply passes: the worker's sweep compiles and releases.
    const other = await createPublishedSurvey(t, researcher.auth, { municipalityCodes: ['birzai'] });
    for (const answers of birzai.slice(0, 6)) await answer(t, other.versionId, { answers }).expect(201);
    await t.db.query(`UPDATE survey SET closes_at = now() - interval '1 second' WHERE id = $1`, [other.surveyId]);
    await waitFor('the sweep released the closed survey', async () => (await releases(t.db, other.versionId)).length === 1, 60000);
    const closed = await t.http.get(`/api/surveys/${other.surveyId}/results`).set(researcher.auth).expect(200);
    expect(closed.body.municipalities[0]).toMatchObject({ code: 'birzai', release: 1, belowThreshold: false });
  });
});
