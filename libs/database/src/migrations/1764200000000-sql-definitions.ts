import type { MigrationInterface, QueryRunner } from 'typeorm';
import { applySqlDefinitions, sqlDefinitions } from '../sql';

/**
 * From here on each SQL function and trigger has one current definition in libs/database/src/sql.
 * Applying them now changes nothing (the texts are those of the earlier migrations, as
 * CREATE OR REPLACE); later changes go through new migrations that apply the edited files.
 */
export class SqlDefinitions1764200000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await applySqlDefinitions(q, sqlDefinitions);
  }

  async down(): Promise<void> {
    // Nothing to undo: the definitions are the ones the earlier migrations created.
  }
}
