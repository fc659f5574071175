import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { seedDemoData, seedDemoStudy } from '../../libs/demo/src';
import { createAccount } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

const shipped = JSON.parse(readFileSync('surveys/resident-survey.json', 'utf8'));

/** `npm start`'s demo study: seeded after the shipped survey is imported, once, and it asks residents for consent. */
describe('the demo study', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('holds the shipped resident survey with consent version 1, active in every municipality; seeding again changes nothing', async () => {
    const dataSource = t.app.get(DataSource);
    await seedDemoData(dataSource);
    const admin = await createAccount(t.db, 'admin');
    const created = await t.http
      .post('/api/surveys')
      .set(admin.auth)
      .send({
        slug: shipped.slug,
        definition: shipped.definition,
        languages: shipped.languages,
        breakdowns: shipped.breakdowns,
        municipalityCodes: ['birzai', 'zarasai'],
      })
      .expect(201);
    await t.http.post(`/api/surveys/${created.body.id}/versions/1/publish`).set(admin.auth).expect(201);
    await seedDemoStudy(dataSource);
    await seedDemoStudy(dataSource);
    const { body: studies } = await t.http.get('/api/studies').set(admin.auth).expect(200);
    expect(studies).toHaveLength(1);
    const { body: study } = await t.http.get(`/api/studies/${studies[0].id}`).set(admin.auth).expect(200);
    expect(study).toMatchObject({
      titleLt: 'Vietos demokratijos tyrimas',
      titleEn: 'Local democracy study',
      status: 'active',
      consent: { version: 1 },
    });
    expect(study.municipalityCodes).toHaveLength(10);
    expect(study.researchers.map((r: { email: string }) => r.email)).toEqual(['researcher@demo.local']);
    expect(study.instruments).toEqual([expect.objectContaining({ slug: 'resident-survey', role: 'resident_survey' })]);
    // Every quasi-identifier maps to the shipped survey's breakdowns.
    expect(study.instruments[0].quasiIdentifiers.map((q: { source: string }) => q.source)).toEqual([
      'municipality',
      'question',
      'question',
      'question',
    ]);
    const consent = await t.http.get(`/api/public/surveys/${created.body.id}/consent`).expect(200);
    expect(consent.body).toMatchObject({ required: true, consent: { version: 1 } });
  });
});
