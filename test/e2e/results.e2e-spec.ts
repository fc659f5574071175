import type { INestApplicationContext } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { countRows, createAccount, createMunicipality, type TestAccount } from '../support/factories';
import { derivableSuppressedCells, percentile, type PublishedMunicipality } from '../support/results-checks';
import { countOf, residentAnswers, SECRET_TEXT } from '../support/resident-answers';
import { answer, createPublishedSurvey } from '../support/survey-fixtures';
import { rawText } from '../support/raw-body';
import { startTestApp, type TestApp } from '../support/test-app';
import { allCompiled, compilations, FAST_JOBS_ENV, startInProcessWorker, waitFor } from '../support/test-worker';

const K = 5;

describe('results: compiled by the worker, anonymised, published', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let researcher: TestAccount;
  let staff: TestAccount;
  let surveyId: string;
  let versionId: string;
  const birzai = residentAnswers(11, 48);
  const zarasai = residentAnswers(23, 3);

  beforeAll(async () => {
    t = await startTestApp({ ...FAST_JOBS_ENV, RESULTS_DEBOUNCE_SECONDS: '3600' });
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
    await worker.close();
    await t.close();
  });

  it('asks for one debounced compile per municipality as responses arrive, not one per response', async () => {
    const rows = await compilations(t.db, versionId);
    expect(rows.map((r) => [r.municipality, r.status, r.requested_seq])).toEqual([
      ['birzai', 'queued', 1],
      ['zarasai', 'queued', 1],
    ]);
    expect(await countRows(t.db, 'outbox', `job_name = 'compile' AND available_at > now() + interval '1 hour' - interval '5 minutes'`)).toBe(2);
  });

  it('compiles on demand: the pending request runs now, and a repeat is a no-op', async () => {
    const requested = await t.http.post(`/api/surveys/${surveyId}/results/compilations`).set(researcher.auth).send({}).expect(202);
    expect(requested.body.items).toHaveLength(2);
    await t.http.post(`/api/surveys/${surveyId}/results/compilations`).set(researcher.auth).send({}).expect(202);
    await waitFor('both municipalities compiled', () => allCompiled(t.db, versionId, 2));
    const rows = await compilations(t.db, versionId);
    // One request each (the debounced one, brought forward); the repeats added nothing.
    expect(rows.map((r) => [r.municipality, r.requested_seq, r.progress, r.last_error])).toEqual([
      ['birzai', 1, 100, null],
      ['zarasai', 1, 100, null],
    ]);
    expect(await countRows(t.db, 'outbox')).toBe(2);
    const listed = await t.http.get(`/api/surveys/${surveyId}/results/compilations`).set(staff.auth).expect(200);
    // Staff see their own municipality only.
    expect(listed.body.items).toEqual([
      expect.objectContaining({ status: 'done', progress: 100, pending: false, responses: 48, municipality: expect.objectContaining({ code: 'birzai' }) }),
    ]);
  });

  it('matches a count done independently, and publishes no count below k', async () => {
    const { body } = await t.http.get(`/api/surveys/${surveyId}/results`).set(researcher.auth).expect(200);
    expect(body.status).toBe('preliminary');
    expect(body.k).toBe(K);
    const m = body.municipalities.find((x: { code: string }) => x.code === 'birzai');
    expect(m.responses).toBe(birzai.length);
    expect(m.items.map((i: { item: string }) => i.item)).toEqual(['took_part', 'ways', 'trust', 'years', 'age_band']);

    let primary = 0;
    let secondary = 0;
    let published = 0;
    const check = (cell: { count: number | null; suppressed: boolean }, truth: number) => {
      if (cell.suppressed) {
        expect(cell.count).toBeNull();
        if (truth > 0 && truth < K) primary++;
        else secondary++;
      } else {
        expect(cell.count).toBe(truth);
        expect(truth === 0 || truth >= K).toBe(true);
        published++;
      }
    };
    for (const item of m.items) {
      const answered = birzai.filter((a) => a[item.question] !== undefined).length;
      check(item.answered, answered);
      check(item.skipped, birzai.length - answered);
      for (const c of item.counts) check(c.count, countOf(birzai, item.question, c.value));
      for (const b of item.breakdowns) {
        for (const g of b.groups) {
          const inGroup = birzai.filter((a) => (a.age_band ?? null) === g.value);
          check(g.answered, inGroup.filter((a) => a[item.question] !== undefined).length);
          for (const c of g.counts) check(c.count, countOf(birzai, item.question, c.value, g.value));
        }
      }
    }
    // The data is skewed on purpose: both kinds of suppression happen.
    expect(primary).toBeGreaterThan(0);
    expect(secondary).toBeGreaterThan(0);
    // Suppression is not wholesale: 48 responses split four ways leave small groups, but the
    // overall tables (not the breakdowns) mostly stand.
    const overallCells = m.items.flatMap((i: { answered: unknown; skipped: unknown; counts: { count: unknown }[] }) => [i.answered, i.skipped, ...i.counts.map((c) => c.count)]);
    const overallShown = overallCells.filter((c: { suppressed: boolean }) => !c.suppressed).length;
    expect(overallShown).toBeGreaterThan(overallCells.length * 0.75);
    expect(published).toBeGreaterThan(0);

    const years = birzai.map((a) => a.years).filter((y): y is number => typeof y === 'number').sort((a, b) => a - b);
    const yearsItem = m.items.find((i: { item: string }) => i.item === 'years');
    expect(yearsItem.stats).toEqual({
      mean: Math.round((years.reduce((s, y) => s + y, 0) / years.length) * 100) / 100,
      median: Math.round(percentile(years, 0.5) * 100) / 100,
      q1: Math.round(percentile(years, 0.25) * 100) / 100,
      q3: Math.round(percentile(years, 0.75) * 100) / 100,
    });

    // Below k responses: no tables at all.
    const small = body.municipalities.find((x: { code: string }) => x.code === 'zarasai');
    expect(small).toMatchObject({ responses: 3, belowThreshold: true, items: [] });
    expect(JSON.stringify(body)).not.toContain(SECRET_TEXT);
  });

  it('lets no suppressed cell be recomputed from the published totals', async () => {
    const { body } = await t.http.get(`/api/surveys/${surveyId}/results`).set(researcher.auth).expect(200);
    const m: PublishedMunicipality = body.municipalities.find((x: { code: string }) => x.code === 'birzai');
    expect(derivableSuppressedCells(m, ['took_part', 'trust'])).toEqual([]);
    // The attack is real: with the secondary suppression undone it recovers the primary cells.
    const naive = JSON.parse(JSON.stringify(m)) as PublishedMunicipality;
    let undone = 0;
    const truthOf = (item: string, value: string, group?: string | null) => countOf(birzai, item, value, group);
    for (const item of naive.items) {
      for (const c of item.counts) {
        const truth = truthOf(item.question, c.value);
        if (c.count.suppressed && (truth === 0 || truth >= K)) {
          c.count = { count: truth, suppressed: false };
          undone++;
        }
      }
    }
    expect(undone).toBeGreaterThan(0);
    expect(derivableSuppressedCells(naive, ['took_part', 'trust']).length).toBeGreaterThan(0);
  });

  it('serves preliminary CSV with suppressed cells marked, never as 0', async () => {
    const csv = await t.http.get(`/api/surveys/${surveyId}/results/csv`).set(researcher.auth).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows: Record<string, string>[] = parse(csv.text, { columns: true });
    const suppressed = rows.filter((r) => r.suppressed === 'yes');
    expect(suppressed.length).toBeGreaterThan(0);
    expect(suppressed.every((r) => r.count === '')).toBe(true);
    const counts = rows.filter((r) => r.suppressed === 'no' && ['count', 'answered', 'skipped'].includes(r.measure));
    expect(counts.every((r) => Number(r.count) === 0 || Number(r.count) >= K)).toBe(true);
    expect(csv.text).not.toContain(SECRET_TEXT);
  });

  it('keeps results private until a researcher publishes chosen questions', async () => {
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
    const missing = await t.http.put(`/api/surveys/${surveyId}/results/publication`).set(researcher.auth).send({ version: 7, questions: ['trust'] }).expect(404);
    expect(missing.body.details).toEqual([{ field: 'version', reason: expect.any(String) }]);
    expect(await countRows(t.db, 'result_publication')).toBe(0);

    await t.http
      .put(`/api/surveys/${surveyId}/results/publication`)
      .set(researcher.auth)
      .send({ version: 1, questions: ['trust', 'ways'] })
      .expect(200);
    const list = await t.http.get('/api/public/results').expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ slug, version: 1 })]);
    const pub = await t.http.get(`/api/public/results/${slug}`).expect(200);
    expect(pub.body.status).toBe('published');
    expect(pub.body.items.map((i: { item: string }) => i.item)).toEqual(['ways', 'trust']);
    expect(pub.body.municipalities.map((x: { code: string }) => x.code)).toEqual(['birzai', 'zarasai']);
    const one = await t.http.get(`/api/public/results/${slug}?municipality=birzai`).expect(200);
    expect(one.body.municipalities).toHaveLength(1);
    const csv = await t.http.get(`/api/public/results/${slug}/csv`).expect(200);
    expect(csv.text).not.toContain('took_part');

    await t.http.delete(`/api/surveys/${surveyId}/results/publication`).set(researcher.auth).expect(204);
    await t.http.get(`/api/public/results/${slug}`).expect(404);
    // Who published and withdrew is in the audit log; the refused attempts are not.
    const audit = await t.db.query(`SELECT actor_account_id, action FROM audit_log WHERE target_id = $1 AND action IN ('results.published', 'results.withdrawn') ORDER BY id`, [surveyId]);
    expect(audit.rows).toEqual([
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

  it('compiles when a survey is closed, and when it closes on its own', async () => {
    const before = (await compilations(t.db, versionId)).map((r) => r.requested_seq);
    await t.http.post(`/api/surveys/${surveyId}/close`).set(researcher.auth).expect(201);
    const after = (await compilations(t.db, versionId)).map((r) => r.requested_seq);
    expect(after).toEqual(before.map((seq) => seq + 1));
    await waitFor('compiled after closing', () => allCompiled(t.db, versionId, 2));

    // A second survey whose closing time simply passes: the worker's sweep notices.
    const other = await createPublishedSurvey(t, researcher.auth, { municipalityCodes: ['birzai'] });
    for (const answers of birzai.slice(0, 6)) await answer(t, other.versionId, { answers }).expect(201);
    await t.db.query(`UPDATE survey SET closes_at = now() - interval '1 second' WHERE id = $1`, [other.surveyId]);
    await waitFor('the sweep compiled the closed survey', async () =>
      (await compilations(t.db, other.versionId)).some((r) => r.status === 'done'),
    );
  });

  it('refuses bad requests with the field and reason, and hides other municipalities', async () => {
    const outboxBefore = await countRows(t.db, 'outbox');
    const requestsBefore = (await compilations(t.db, versionId)).map((r) => r.requested_seq);
    const badVersion = await t.http.post(`/api/surveys/${surveyId}/results/compilations`).set(researcher.auth).send({ version: 0 }).expect(400);
    expect(badVersion.body.details[0].field).toBe('version');
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

  it('takes k per survey: changing it compiles everything again under the new k', async () => {
    const refused = await t.http.patch(`/api/surveys/${surveyId}`).set(researcher.auth).send({ disclosureK: 1 }).expect(400);
    expect(refused.body.details).toEqual([{ field: 'disclosureK', reason: expect.stringContaining('at least 2') }]);
    expect((await t.db.query('SELECT disclosure_k FROM survey WHERE id = $1', [surveyId])).rows[0].disclosure_k).toBe(K);

    const before = (await compilations(t.db, versionId)).map((r) => r.requested_seq);
    const updated = await t.http.patch(`/api/surveys/${surveyId}`).set(researcher.auth).send({ disclosureK: 10 }).expect(200);
    expect(updated.body.disclosureK).toBe(10);
    // The change itself asks for the recompiles, in the same transaction.
    expect((await compilations(t.db, versionId)).map((r) => r.requested_seq)).toEqual(before.map((seq) => seq + 1));
    await waitFor('compiled under k = 10', () => allCompiled(t.db, versionId, 2));

    const { body } = await t.http.get(`/api/surveys/${surveyId}/results`).set(researcher.auth).expect(200);
    expect(body.k).toBe(10);
    const m = body.municipalities.find((x: { code: string }) => x.code === 'birzai');
    const shown = m.items.flatMap((i: { counts: { count: { count: number | null; suppressed: boolean } }[] }) => i.counts.map((c) => c.count));
    expect(shown.some((c: { suppressed: boolean }) => !c.suppressed)).toBe(true);
    for (const c of shown) if (!c.suppressed) expect(c.count === 0 || c.count! >= 10).toBe(true);
  });
});
