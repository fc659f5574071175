import 'reflect-metadata';
import { loadConfigOrExit, ServiceUnreachableError, waitForServices } from '@app/config';
import { runMigrations } from '@app/database';
import { DomainError } from '@app/http';
import { importSurveys } from './commands/import-surveys';
import { start } from './commands/start';

const USAGE = `Usage:
  start                                  the whole platform with demo data (what npm start runs)
  migrate                                apply pending database migrations (needs DATABASE_URL)
  import-survey <file.json>... [--municipalities a,b] [--publish]
                                         import SurveyJS definition files (needs DATABASE_URL)`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return start();
    case 'migrate': {
      const config = loadConfigOrExit();
      await waitForServices('migrate', config, { redis: false });
      const applied = await runMigrations(config.DATABASE_URL);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Nothing to apply');
      return;
    }
    case 'import-survey': {
      const config = loadConfigOrExit();
      const files = rest.filter((arg, i) => !arg.startsWith('--') && rest[i - 1] !== '--municipalities');
      const codes = rest[rest.indexOf('--municipalities') + 1];
      if (!files.length) throw new UsageError('import-survey needs at least one file');
      return importSurveys(config, files, {
        municipalityCodes: rest.includes('--municipalities') ? (codes ?? '').split(',').filter(Boolean) : [],
        publish: rest.includes('--publish'),
      });
    }
    default:
      throw new UsageError(command ? `Unknown command "${command}"` : 'No command given');
  }
}

class UsageError extends Error {}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ServiceUnreachableError) console.error(error.message);
  else if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
  else if (error instanceof DomainError) {
    console.error(`${error.message}${(error.details ?? []).map((d) => `\n  ${d.field}: ${d.reason}`).join('')}`);
  } else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
