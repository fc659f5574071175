import { parseConfig } from './load-config';

const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/app',
  REDIS_URL: 'redis://127.0.0.1:6379',
  APP_SECRET: 'x'.repeat(32),
};

describe('parseConfig', () => {
  it('applies defaults to a minimal valid environment', () => {
    const config = parseConfig(valid);
    expect(config.PORT).toBe(3000);
    expect(config.RATE_LIMIT_PUBLIC_PER_MINUTE).toBe(120);
    expect(config.COOKIE_SECURE).toBe(false);
  });

  it('names a missing variable in one line', () => {
    const { DATABASE_URL: _omitted, ...rest } = valid;
    expect(() => parseConfig(rest)).toThrow(/^Configuration error: DATABASE_URL is required/);
  });

  it('names a malformed variable and why', () => {
    expect(() => parseConfig({ ...valid, REDIS_URL: 'localhost:6379' })).toThrow(
      'Configuration error: REDIS_URL must be a redis:// URL',
    );
    expect(() => parseConfig({ ...valid, PORT: 'eighty' })).toThrow(/Configuration error: PORT/);
    expect(() => parseConfig({ ...valid, APP_SECRET: 'short' })).toThrow(
      'Configuration error: APP_SECRET must be at least 32 characters',
    );
  });
});
