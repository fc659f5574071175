import type { EntityManager } from 'typeorm';
import { DEMO_TERRITORIES } from './demo-data';

/**
 * The project's participation targets (shared/seeds/README.md): 30 trained per municipality,
 * 450 in discussions and consultations in all, 33 on the working visit. And, on an empty
 * database only, one open consultation in Biržai with a discussion and the partner visit
 * (3 places per partner organisation that sends people: the 10 Lithuanian partners and LRTI).
 */
/** The municipality whose staff run the demo consultation: `npm start` prints its staff account. */
export const DEMO_CONSULTATION_MUNICIPALITY = 'birzai';

export async function seedDemoConsultations(tx: EntityManager): Promise<void> {
  for (const territory of DEMO_TERRITORIES) {
    await tx.query(
      `INSERT INTO participation_target (kind, municipality_id, target) SELECT 'training', id, 30 FROM municipality WHERE code = $1
       ON CONFLICT ON CONSTRAINT participation_target_once DO NOTHING`,
      [territory.code],
    );
  }
  await tx.query(
    `INSERT INTO participation_target (kind, municipality_id, target) VALUES ('discussion', NULL, 450), ('visit', NULL, 33)
     ON CONFLICT ON CONSTRAINT participation_target_once DO NOTHING`,
  );
  const [{ n }] = await tx.query(`SELECT count(*)::int AS n FROM consultation`);
  if (n > 0) return;
  const [{ id: consultationId }] = await tx.query(
    `INSERT INTO consultation (municipality_id, title_lt, title_en, description_lt, description_en, institution, institution_en, phase)
     SELECT id, 'Kaimo bendruomenių prioritetai 2027 m. biudžete', 'Rural community priorities in the 2027 budget',
            'Savivaldybės taryba klausia gyventojų, kam skirti bendruomenių fondo lėšas.',
            'The council asks residents where the community fund should go.',
            'Biržų rajono savivaldybės taryba', 'Biržai District Municipal Council', 'open'
       FROM municipality WHERE code = $1 RETURNING id`,
    [DEMO_CONSULTATION_MUNICIPALITY],
  );
  await tx.query(
    `INSERT INTO meeting (consultation_id, kind, title_lt, title_en, starts_at, ends_at, signup_deadline, place, capacity, retention_days)
     VALUES ($1, 'discussion', 'Vieša diskusija Biržuose', 'Public discussion in Biržai', date_trunc('day', now()) + interval '14 days 17 hours',
             date_trunc('day', now()) + interval '14 days 19 hours', date_trunc('day', now()) + interval '13 days', 'Biržų kultūros centras', 45, 180)`,
    [consultationId],
  );
  const [{ id: visitId }] = await tx.query(
    `INSERT INTO meeting (consultation_id, kind, title_lt, title_en, starts_at, ends_at, signup_deadline, place, capacity, retention_days)
     VALUES ($1, 'visit', 'Darbo vizitas pas partnerius Norvegijoje', 'Working visit to the Norwegian partners',
             date_trunc('day', now()) + interval '60 days 8 hours', date_trunc('day', now()) + interval '63 days 18 hours',
             date_trunc('day', now()) + interval '30 days', 'Bergen, Vestland', 33, 365) RETURNING id`,
    [consultationId],
  );
  await tx.query(
    `INSERT INTO meeting_quota (meeting_id, partner_organisation_id, seats)
     SELECT $1, id, 3 FROM partner_organisation WHERE country = 'LT' ORDER BY name LIMIT 11`,
    [visitId],
  );
}
