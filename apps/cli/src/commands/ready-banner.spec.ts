import { parseConfig } from '@app/config';
import { readyBanner } from './ready-banner';

describe('the npm start banner', () => {
  const config = parseConfig({ DATABASE_URL: 'postgres://postgres:postgres@127.0.0.1:54329/local_democracy', REDIS_URL: 'redis://127.0.0.1:6390', APP_SECRET: 'x'.repeat(40) });
  const credentials = [
    { role: 'admin', email: 'admin@demo.local' },
    { role: 'researcher', email: 'researcher@demo.local' },
    { role: 'staff', email: 'staff.akmene@demo.local' },
    { role: 'staff', email: 'staff.birzai@demo.local' },
  ];
  const banner = readyBanner({ config, credentials, password: 'demo-password-2026', demoMunicipality: 'birzai', appSecretFromFile: true });

  it('ends with the URL and names the staff account of the demo consultation\'s municipality', () => {
    expect(banner.trim().split('\n').at(-1)).toMatch(/^The platform is up: http:\/\/127\.0\.0\.1:3000 /);
    expect(banner).toMatch(/staff +staff\.birzai@demo\.local/);
    expect(banner).not.toMatch(/staff +staff\.akmene/);
  });

  it('says where mail goes and gives the import command with every variable the embedded database needs', () => {
    expect(banner).toContain('.data/mail');
    expect(banner).toContain(
      `DATABASE_URL='postgres://postgres:postgres@127.0.0.1:54329/local_democracy' REDIS_URL='redis://127.0.0.1:6390' APP_SECRET="$(cat `,
    );
    expect(banner).toContain('npm run survey:import -- surveys/<file>.json --publish');
  });
});
