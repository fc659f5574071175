import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DEFAULT_RETENTION } from '@app/studies';
import { DEMO_RESEARCHER_EMAIL } from './demo-data';

export const DEMO_STUDY_TITLE_LT = 'Vietos demokratijos tyrimas';
export const DEMO_STUDY_SURVEY_SLUG = 'resident-survey';

const CONSENT_LT =
  'Šią apklausą vykdo Lietuvos regioninių tyrimų institutas, tirdamas vietos demokratiją ir gyventojų dalyvavimą dešimtyje savivaldybių. ' +
  'Dalyvauti savanoriška: galite bet kada nutraukti pildymą. Atsakymai anoniminiai: nerenkame jūsų vardo, kontaktų ar IP adreso. ' +
  'Apibendrinti rezultatai skelbiami savivaldybėms; tyrėjai gauna tik nuasmenintus duomenis.';
const CONSENT_EN =
  "This survey is run by the Lithuanian Regional Research Institute, studying local democracy and residents' participation in ten municipalities. " +
  'Taking part is voluntary: you may stop at any time. Answers are anonymous: we collect no name, contact or IP address. ' +
  'Summary results are published for municipalities; researchers receive de-identified data only.';

/**
 * The demo's study (npm start): active, in every demo municipality, holding the shipped resident
 * survey, with consent version 1. Run after the shipped surveys are imported; does nothing when the
 * study exists or the survey is already another study's.
 */
export async function seedDemoStudy(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (tx) => {
    const [exists] = await tx.query(`SELECT 1 FROM study WHERE title_lt = $1`, [DEMO_STUDY_TITLE_LT]);
    const [survey]: { id: string }[] = await tx.query(
      `SELECT s.id FROM survey s WHERE s.slug = $1 AND NOT EXISTS (SELECT 1 FROM study_instrument i WHERE i.survey_id = s.id)`,
      [DEMO_STUDY_SURVEY_SLUG],
    );
    const [researcher]: { id: string }[] = await tx.query(`SELECT id FROM account WHERE email = $1`, [DEMO_RESEARCHER_EMAIL]);
    if (exists || !survey || !researcher) return;
    const [{ id }]: { id: string }[] = await tx.query(
      `INSERT INTO study (title_lt, title_en, purpose_lt, purpose_en, ethics_committee, ethics_reference, ethics_approved_on, created_by)
       VALUES ($1, 'Local democracy study',
               'Įvertinti vietos demokratiją ir gyventojų dalyvavimą kiekvienoje savivaldybėje ir nustatyti bendruomenių poreikius.',
               'To assess local democracy and residents'' participation in each municipality and identify community needs.',
               'Demonstracinis tyrimų etikos komitetas', 'DEMO-2026/01', current_date - 30, $2) RETURNING id`,
      [DEMO_STUDY_TITLE_LT, researcher.id],
    );
    await tx.query(`INSERT INTO study_researcher (study_id, account_id) VALUES ($1, $2)`, [id, researcher.id]);
    await tx.query(`INSERT INTO study_municipality (study_id, municipality_id) SELECT $1, id FROM municipality`, [id]);
    await tx.query(`INSERT INTO study_pseudonym_key (study_id, key) VALUES ($1, $2)`, [id, randomBytes(32)]);
    const [{ id: consentId }]: { id: string }[] = await tx.query(
      `INSERT INTO consent_version (study_id, version, text_lt, text_en, contacts_days, free_text_days, paradata_days, withdrawal_policy, created_by)
       VALUES ($1, 1, $2, $3, $4, $5, $6, 'delete', $7) RETURNING id`,
      [
        id,
        CONSENT_LT,
        CONSENT_EN,
        DEFAULT_RETENTION.contactsDays,
        DEFAULT_RETENTION.freeTextDays,
        DEFAULT_RETENTION.paradataDays,
        researcher.id,
      ],
    );
    await tx.query(`INSERT INTO study_instrument (survey_id, study_id, role, attached_by) VALUES ($1, $2, 'resident_survey', $3)`, [
      survey.id,
      id,
      researcher.id,
    ]);
    await tx.query(`UPDATE study SET current_consent_version_id = $2, status = 'active' WHERE id = $1`, [id, consentId]);
  });
}
