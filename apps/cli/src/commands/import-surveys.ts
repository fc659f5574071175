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

/** One line per refused element (`definition.<question>: why`), so the researcher can fix the file. */
function describeImportError(error: unknown): string {
  const details = (error as { details?: { field: string; reason: string }[] }).details;
  const message = (error as Error).message;
  return details?.length ? `${message}\n${details.map((d) => `  ${d.field}: ${d.reason}`).join('\n')}` : message;
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
      const result = await app
        .get(SurveyImporter)
        .import(file, { municipalityCodes: codes, publish: options.publish })
        .catch((error: unknown) => {
          throw new Error(`${path}: not imported: ${describeImportError(error)}`);
        });
      const state = options.publish ? 'published' : 'draft';
      console.log(`${path}: ${file.slug} v${result.version} ${result.outcome} (${state}, ${codes.length} municipalities)`);
      for (const warning of result.warnings) console.log(`${path}: warning: ${warning.field}: ${warning.reason}`);
    }
  } finally {
    await app.close();
  }
}
