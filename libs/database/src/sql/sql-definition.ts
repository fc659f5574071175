import type { QueryRunner } from 'typeorm';

/**
 * One SQL function or trigger: its one current definition, idempotent (CREATE OR REPLACE).
 *
 * Landed migrations are never edited, so they keep the text they applied then; the file here is
 * what the database must hold now. When a definition changes: edit its file here and add a new
 * migration that calls `applySqlDefinitions(q, [theDefinition])` (after `DROP FUNCTION` of the old
 * signature when the arguments change). `test/e2e/sql-definitions.e2e-spec.ts` checks that the
 * migrated database holds exactly these texts.
 */
export interface SqlDefinition {
  name: string;
  sql: string;
}

export async function applySqlDefinitions(q: QueryRunner, definitions: SqlDefinition[]): Promise<void> {
  for (const definition of definitions) await q.query(definition.sql);
}
