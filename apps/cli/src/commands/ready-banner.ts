import { resolve } from 'node:path';
import type { AppConfig } from '@app/config';

export interface DemoCredential {
  role: string;
  email: string;
}

/**
 * What `npm start` prints once everything is up, so it is the last thing on screen: where to go,
 * who to sign in as, where messages land, and how to import a survey into this very database.
 */
export function readyBanner(options: {
  config: AppConfig;
  credentials: DemoCredential[];
  password: string;
  demoMunicipality: string;
  appSecretFromFile: boolean;
}): string {
  const { config, credentials, password, demoMunicipality } = options;
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  const url = `http://${host}:${config.PORT}`;
  const staff = credentials.filter((c) => c.role === 'staff');
  const demoStaff = staff.find((c) => c.email === `staff.${demoMunicipality}@demo.local`) ?? staff[0];
  const mail = config.SMTP_URL
    ? 'E-mail goes to the SMTP server in SMTP_URL; text messages are written to ' + resolve(config.MAIL_DIR)
    : `Messages are written to ${resolve(config.MAIL_DIR)} (<id>.eml for e-mail, <id>.sms.txt for text messages)`;
  // The import command needs the same database, Redis and secret the platform was started with.
  const secret = options.appSecretFromFile ? `"$(cat ${resolve('.data/app-secret')})"` : '"$APP_SECRET"';
  const prefix = config.REDIS_KEY_PREFIX === 'dp:' ? '' : ` REDIS_KEY_PREFIX='${config.REDIS_KEY_PREFIX}'`;
  const importCommand = `DATABASE_URL='${config.DATABASE_URL}' REDIS_URL='${config.REDIS_URL}'${prefix} APP_SECRET=${secret} npm run survey:import -- surveys/<file>.json --publish`;
  return [
    '',
    `Demo accounts (demo data only; password for all: ${password}):`,
    ...credentials.filter((c) => c.role !== 'staff').map((c) => `  ${c.role.padEnd(10)} ${c.email}`),
    `  staff      ${demoStaff?.email ?? '-'}  (runs the demo consultation; ${staff.length} staff accounts: staff.<municipality code>@demo.local)`,
    '',
    mail,
    'Import a survey into this platform (in another terminal, from this folder):',
    `  ${importCommand}`,
    '',
    `The platform is up: ${url}  (API docs: ${url}/api/docs). Ctrl+C stops it.`,
  ].join('\n');
}
