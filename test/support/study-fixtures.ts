import type { Pool } from 'pg';
import type { TestAccount } from './factories';
import type { TestApp } from './test-app';

export const CONSENT_LT = 'Sutinku dalyvauti tyrime. Mano atsakymai naudojami tik moksliniais tikslais.';
export const CONSENT_EN = 'I agree to take part in the study. My answers are used for research only.';

export const studyBody = (extra: Record<string, unknown> = {}) => ({
  titleLt: 'Vietos demokratijos tyrimas',
  titleEn: 'Local democracy study',
  purposeLt: 'Įvertinti vietos demokratiją ir gyventojų dalyvavimą.',
  purposeEn: "To assess local democracy and residents' participation.",
  municipalityCodes: ['birzai'],
  ethicsCommittee: 'Tyrimų etikos komitetas',
  ethicsReference: 'EK-2025/17',
  ethicsApprovedOn: '2025-11-20',
  ...extra,
});

export async function createStudy(t: TestApp, owner: TestAccount, extra: Record<string, unknown> = {}): Promise<{ id: string }> {
  const created = await t.http.post('/api/studies').set(owner.auth).send(studyBody(extra));
  if (created.status !== 201) throw new Error(`study not created: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body;
}

export async function addConsent(t: TestApp, owner: TestAccount, studyId: string, suffix = ''): Promise<{ id: string; version: number }> {
  const res = await t.http
    .post(`/api/studies/${studyId}/consent-versions`)
    .set(owner.auth)
    .send({ textLt: CONSENT_LT + suffix, textEn: CONSENT_EN + suffix });
  if (res.status !== 201) throw new Error(`consent not added: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A study with consent version 1, running in `municipalityCodes`, with `surveyId` as its resident survey when given. */
export async function activeStudy(t: TestApp, owner: TestAccount, options: { surveyId?: string; municipalityCodes?: string[] } = {}) {
  const study = await createStudy(t, owner, { municipalityCodes: options.municipalityCodes ?? ['birzai'] });
  const consent = await addConsent(t, owner, study.id);
  if (options.surveyId) {
    const attached = await t.http
      .post(`/api/studies/${study.id}/instruments`)
      .set(owner.auth)
      .send({ surveyId: options.surveyId, role: 'resident_survey' });
    if (attached.status !== 201) throw new Error(`instrument not attached: ${attached.status} ${JSON.stringify(attached.body)}`);
  }
  const activated = await t.http.post(`/api/studies/${study.id}/status`).set(owner.auth).send({ status: 'active' });
  if (activated.status !== 200) throw new Error(`study not activated: ${activated.status} ${JSON.stringify(activated.body)}`);
  return { studyId: study.id, consentId: consent.id };
}

export const agreed = (versionId: string) => ({ versionId, agreed: true });

/** Everything the study core stores, to show a refused request wrote nothing. */
export async function studyTables(db: Pool): Promise<string> {
  const tables = [
    'study',
    'study_researcher',
    'study_municipality',
    'study_pseudonym_key',
    'consent_version',
    'study_instrument',
    'audit_log',
  ];
  const parts: unknown[] = [];
  for (const table of tables) parts.push((await db.query(`SELECT * FROM ${table} ORDER BY 1, 2`)).rows);
  parts.push((await db.query(`SELECT id, study_id FROM meeting ORDER BY id`)).rows);
  return JSON.stringify(parts);
}
