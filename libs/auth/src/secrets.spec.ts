import { hashPassword, newSecretToken, sameSecret, sha256Hex, verifyPassword } from './secrets';

describe('secrets', () => {
  it('hashes passwords with argon2id and verifies only the right one', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored.startsWith('$argon2id$')).toBe(true);
    await expect(verifyPassword(stored, 'correct horse battery staple')).resolves.toBe(true);
    await expect(verifyPassword(stored, 'Correct horse battery staple')).resolves.toBe(false);
    await expect(verifyPassword('not-a-hash', 'x')).resolves.toBe(false);
  });

  it('makes distinct URL-safe tokens and stable hashes', () => {
    const a = newSecretToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newSecretToken()).not.toBe(a);
    expect(sha256Hex(a)).toHaveLength(64);
    expect(sameSecret(sha256Hex(a), sha256Hex(a))).toBe(true);
    expect(sameSecret(sha256Hex(a), sha256Hex(`${a}x`))).toBe(false);
  });
});
