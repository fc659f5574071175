import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { sha256Hex } from '../../libs/auth/src/secrets';

/** Builders for what a test needs, written straight to the database (fast, no HTTP). */
export async function createMunicipality(db: Pool, code: string): Promise<string> {
  const { rows } = await db.query(
    `INSERT INTO municipality (code, name_lt, name_en) VALUES ($1, $2, $3) RETURNING id`,
    [code, `${code} savivaldybė`, `${code} municipality`],
  );
  return rows[0].id;
}

export interface TestAccount {
  id: string;
  email: string;
  /** A bearer token for `Authorization: Bearer ...`. */
  token: string;
  auth: { Authorization: string };
}

/** An account with a live bearer session. The password hash is a placeholder: sign-in tests make their own. */
export async function createAccount(
  db: Pool,
  role: 'admin' | 'staff' | 'researcher',
  municipalityCodes: string[] = [],
): Promise<TestAccount> {
  const email = `${role}.${randomBytes(4).toString('hex')}@test.local`;
  const { rows } = await db.query(
    `INSERT INTO account (email, display_name, password_hash, role) VALUES ($1, $2, 'x', $3) RETURNING id`,
    [email, `Test ${role}`, role],
  );
  const id = rows[0].id;
  if (municipalityCodes.length) {
    await db.query(
      `INSERT INTO account_municipality (account_id, municipality_id)
       SELECT $1, id FROM municipality WHERE code = ANY ($2)`,
      [id, municipalityCodes],
    );
  }
  const token = randomBytes(32).toString('base64url');
  await db.query(
    `INSERT INTO auth_session (token_hash, account_id, kind, expires_at) VALUES ($1, $2, 'bearer', now() + interval '1 hour')`,
    [sha256Hex(token), id],
  );
  return { id, email, token, auth: { Authorization: `Bearer ${token}` } };
}

export async function countRows(db: Pool, table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
  return rows[0].n;
}
