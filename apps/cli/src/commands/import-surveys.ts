import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@app/config';
import { readSurveyFile, SurveyImporter } from '@app/surveys';
import { OperatorModule } from '../operator.module';

export interface ImportOptions {
  /** Municipality codes the survey runs in; empty means every municipality. */
  municipalityCodes: string[];
  publish: boolean;
}

/** Imports definition files, printing one line per file; throws on the first file that fails. */
export async function importSurveys(config: AppConfig, paths: string[], options: ImportOptions): Promise<void> {
  const app = await NestFactory.createApplicationContext(OperatorModule.forRoot(config), { logger: ['error'] });
  try {
    const codes = options.municipalityCodes.length
      ? options.municipalityCodes
      : (await app.get(DataSource).query(`SELECT code FROM municipality ORDER BY code`)).map(
          (row: { code: string }) => row.code,
        );
    if (!codes.length) throw new Error('No municipalities exist yet: seed or create them before importing surveys');
    for (const path of paths) {
      const file = await readSurveyFile(path);
      const result = await app.get(SurveyImporter).import(file, { municipalityCodes: codes, publish: options.publish });
      const state = options.publish ? 'published' : 'draft';
      console.log(`${path}: ${file.slug} v${result.version} ${result.outcome} (${state}, ${codes.length} municipalities)`);
    }
  } finally {
    await app.close();
  }
}
