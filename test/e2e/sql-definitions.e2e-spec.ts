import { Client } from 'pg';
import { allSqlDefinitions as sqlDefinitions } from '../../libs/database/src/sql';
import { freshDatabase } from '../support/test-app';

/**
 * The migrated database holds exactly the current definition of every SQL function and trigger:
 * applying each file again changes nothing. A definition edited without a migration that applies
 * it (or a migration that applied something else) changes the stored text here and fails.
 */
describe('SQL function and trigger definitions', () => {
  let db: Client;
  beforeAll(async () => {
    db = new Client({ connectionString: await freshDatabase() });
    await db.connect();
  });
  afterAll(() => db.end());

  const storedDefinitions = async (): Promise<string[]> => {
    const functions = await db.query<{ def: string }>(
      `SELECT pg_get_functiondef(p.oid) AS def FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' ORDER BY p.proname, p.oid`,
    );
    const triggers = await db.query<{ def: string }>(
      `SELECT pg_get_triggerdef(t.oid) AS def FROM pg_trigger t WHERE NOT t.tgisinternal ORDER BY t.tgname`,
    );
    return [...functions.rows, ...triggers.rows].map((row) => row.def);
  };

  it('has one file for every function in the schema, and each is what the database holds', async () => {
    const before = await storedDefinitions();
    const names = await db.query<{ proname: string }>(
      `SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' ORDER BY 1`,
    );
    expect(names.rows.map((row) => row.proname)).toEqual(sqlDefinitions.map((d) => d.name).sort());
    for (const definition of sqlDefinitions) await db.query(definition.sql);
    expect(await storedDefinitions()).toEqual(before);
  });

  it('notices a definition that differs from the database (the check can fail)', async () => {
    const before = await storedDefinitions();
    await db.query('BEGIN');
    try {
      const edited = sqlDefinitions.find((d) => d.name === 'signup_counts')!.sql.replace('RETURN NULL;', 'RETURN NULL; -- edited');
      await db.query(edited);
      expect(await storedDefinitions()).not.toEqual(before);
    } finally {
      await db.query('ROLLBACK');
    }
  });
});
