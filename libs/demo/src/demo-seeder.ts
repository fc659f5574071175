import { DataSource } from 'typeorm';
import { hashPassword } from '@app/auth';
import {
  DEMO_ADMIN_EMAIL,
  DEMO_OTHER_PARTNERS,
  DEMO_PASSWORD,
  DEMO_RESEARCHER_EMAIL,
  DEMO_TERRITORIES,
  demoStaffEmail,
} from './demo-data';
import { seedDemoConsultations } from './demo-consultations';

export interface DemoCredentials {
  email: string;
  role: string;
  municipality?: string;
}

/** Idempotent: every insert skips rows that exist, so `npm start` can run it on every boot. */
export async function seedDemoData(dataSource: DataSource): Promise<DemoCredentials[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const credentials: DemoCredentials[] = [];
  await dataSource.transaction(async (tx) => {
    for (const territory of DEMO_TERRITORIES) {
      await tx.query(
        `INSERT INTO municipality (code, name_lt, name_en) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING`,
        [territory.code, territory.nameLt, territory.nameEn],
      );
      await tx.query(
        `INSERT INTO partner_organisation (name, country, municipality_id)
         SELECT $1, 'LT', id FROM municipality WHERE code = $2 ON CONFLICT (name) DO NOTHING`,
        [territory.partner, territory.code],
      );
    }
    for (const partner of DEMO_OTHER_PARTNERS) {
      await tx.query(
        `INSERT INTO partner_organisation (name, country) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`,
        [partner.name, partner.country],
      );
    }
    const upsertAccount = async (email: string, displayName: string, role: string) => {
      await tx.query(
        `INSERT INTO account (email, display_name, password_hash, role) VALUES ($1, $2, $3, $4)
         ON CONFLICT (email) DO NOTHING`,
        [email, displayName, passwordHash, role],
      );
      credentials.push({ email, role });
    };
    await upsertAccount(DEMO_ADMIN_EMAIL, 'Demo administrator', 'admin');
    await upsertAccount(DEMO_RESEARCHER_EMAIL, 'Demo researcher', 'researcher');
    for (const territory of DEMO_TERRITORIES) {
      const email = demoStaffEmail(territory.code);
      await upsertAccount(email, `Demo staff, ${territory.nameEn}`, 'staff');
      credentials[credentials.length - 1].municipality = territory.code;
      await tx.query(
        `INSERT INTO account_municipality (account_id, municipality_id)
         SELECT a.id, m.id FROM account a, municipality m WHERE a.email = $1 AND m.code = $2
         ON CONFLICT DO NOTHING`,
        [email, territory.code],
      );
    }
    await seedDemoConsultations(tx);
  });
  return credentials;
}
