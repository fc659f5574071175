import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import fc from 'fast-check';
import { countRows, createAccount, createMunicipality, type TestAccount } from '../support/factories';
import { answersArb } from '../support/survey-answers-arbitrary';
import { startTestApp, type TestApp } from '../support/test-app';
import { allCompiled, compilations, FAST_JOBS_ENV, startInProcessWorker, waitFor } from '../support/test-worker';

const FIXTURES = join(__dirname, '../fixtures/third-party/surveyjs');
const fixture = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Record<string, unknown>;

describe('surveys written by others: import, answers, results', () => {
  let t: TestApp;
  let researcher: TestAccount;
  let worker: INestApplicationContext | undefined;
  beforeAll(async () => {
    t = await startTestApp(FAST_JOBS_ENV);
    await createMunicipality(t.db, 'birzai');
    researcher = await createAccount(t.db, 'researcher');
  });
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  const create = (definition: unknown, slug = `s-${randomUUID().slice(0, 8)}`) =>
    t.http.post('/api/surveys').set(researcher.auth).send({ slug, municipalityCodes: ['birzai'], definition });
  const publish = async (definition: unknown) => {
    const created = await create(definition).expect(201);
    const published = await t.http.post(`/api/surveys/${created.body.id}/versions/1/publish`).set(researcher.auth).expect(201);
    return { surveyId: created.body.id as string, versionId: published.body.versions[0].id as string, warnings: created.body.warnings };
  };
  const submit = (versionId: string, answers: unknown) =>
    t.http.put(`/api/public/responses/${randomUUID()}`).send({ surveyVersionId: versionId, municipalityCode: 'birzai', language: 'lt', status: 'complete', answers });

  it('import tells the truth: survey-core load errors are refused, naming the element', async () => {
    const before = await countRows(t.db, 'survey');
    const cases: [unknown, RegExp][] = [
      [{ elements: [{ type: 'text', name: 'a' }, { type: 'no-such-type', name: 'b' }] }, /type/],
      [{ elements: [{ type: 'text', name: 'a' }, { name: 'typeless' }] }, /type/],
      [{ elements: [{ type: 'text', name: 'a', validators: [{ type: 'no-such-validator' }] }] }, /validators/],
      [{ elements: [{ type: 'text', name: 'a', inputTyp: 'number' }] }, /inputTyp/],
      [{ elements: [{ type: 'file', name: 'upload' }] }, /upload files/],
      [{ elements: [{ type: 'signaturepad', name: 'sign' }] }, /signature/],
    ];
    for (const [definition, reason] of cases) {
      const res = await create(definition).expect(400);
      expect(res.body.code).toBe('DEFINITION_INVALID');
      expect(JSON.stringify(res.body.details)).toMatch(reason);
    }
    expect(await countRows(t.db, 'survey')).toBe(before);
  });

  it('choicesByUrl: imports with a warning naming the question, accepts free text, and never calls the address', async () => {
    const requests: string[] = [];
    const server: Server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.end('[]');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const definition = {
        elements: [
          { type: 'text', name: 'email', inputType: 'email' },
          { type: 'dropdown', name: 'country', isRequired: true, choicesByUrl: { url: `http://127.0.0.1:${port}/c?e={email}` } },
          { type: 'paneldynamic', name: 'trips', templateElements: [{ type: 'tagbox', name: 'places', choicesByUrl: { url: `http://127.0.0.1:${port}/p` } }] },
        ],
      };
      const { versionId, warnings } = await publish(definition);
      expect(warnings.map((w: { field: string }) => w.field).sort()).toEqual(['definition.country', 'definition.places']);
      await submit(versionId, { email: 'resident@example.lt', country: 'Lietuva', trips: [{ places: ['Biržai', 'Zarasai'] }] }).expect(201);
      const tooLong = await submit(versionId, { country: 'x'.repeat(1001) }).expect(400);
      expect(tooLong.body.details.map((d: { field: string }) => d.field)).toEqual(['answers.country']);
      expect(requests).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('computed values are the server\'s: forged expressions and calculated values are replaced by what survey-core computes', async () => {
    const { versionId } = await publish(fixture('calculated-values-include-into-result.json'));
    const id = randomUUID();
    const forged = { question1: 2, question3: 5, question2: 999, question4: 'forged', question5: -1, var1: 'forged', totale: 1000 };
    await t.http
      .put(`/api/public/responses/${id}`)
      .send({ surveyVersionId: versionId, municipalityCode: 'birzai', language: 'lt', status: 'complete', answers: forged })
      .expect(201);
    const { rows } = await t.db.query(`SELECT answers FROM response WHERE id = $1`, [id]);
    // var1 = {question1}, var2 = {question3}, totale = var1 + var2; question2/4/5 show var1, var2, totale.
    expect(rows[0].answers).toEqual({ question1: 2, question3: 5, var1: 2, var2: 5, totale: 7, question2: 2, question4: 5, question5: 7 });
  });

  it('a compile after submissions of every accepted shape still completes (the poison case)', async () => {
    const names = [
      'paneldynamic-family-history.json',
      'matrixdropdown-frameworks.json',
      'matrixdynamic-many-columns.json',
      'matrixdynamic-isunique-expression.json',
      'multipletext.json',
      'ranking-from-checkbox.json',
      'tagbox-checkbox.json',
      'text-input-types.json',
      'product-feedback.json',
      'long-survey-with-slider.json',
      'imagepicker.json',
      'numeric-mask-expression.json',
      'tagbox-dropdown-choices-by-url.json',
      'calculated-values-include-into-result.json',
      'matrixdropdown-checkbox-cells.json',
      'standard-validators.json',
    ];
    const versions: string[] = [];
    let acceptedTotal = 0;
    for (const name of names) {
      const definition = fixture(name);
      const { surveyId, versionId } = await publish(definition);
      let accepted = 0;
      for (const { answers } of fc.sample(answersArb(definition), { numRuns: 100, seed: 5 })) {
        const res = await submit(versionId, answers);
        expect([201, 400]).toContain(res.status);
        if (res.status === 201) accepted++;
      }
      acceptedTotal += accepted;
      versions.push(versionId);
      await t.http.post(`/api/surveys/${surveyId}/results/compilations`).set(researcher.auth).send({}).expect(202);
    }
    expect(acceptedTotal).toBeGreaterThan(15);
    worker = await startInProcessWorker(t.config);
    for (const versionId of versions) {
      await waitFor(`the compile of ${versionId}`, () => allCompiled(t.db, versionId, 1), 60000);
      expect((await compilations(t.db, versionId)).map((c) => c.last_error)).toEqual([null]);
    }
  }, 180_000);
});
