import { payloadHash, resumeTokenFor, resumeTokenMatches } from './response-tokens';

const secret = 's'.repeat(32);
const id = '2f1c7a62-3f0e-4d39-9d6e-0d1b8b3b6c11';

describe('response tokens', () => {
  it('derives the same resume token for the same response, and only that one matches', () => {
    const token = resumeTokenFor(secret, id);
    expect(token.startsWith(`${id}.`)).toBe(true);
    expect(resumeTokenFor(secret, id)).toBe(token);
    expect(resumeTokenMatches(secret, id, token)).toBe(true);
    expect(resumeTokenMatches(secret, id, resumeTokenFor('t'.repeat(32), id))).toBe(false);
    expect(resumeTokenMatches(secret, id, undefined)).toBe(false);
    expect(resumeTokenMatches(secret, id, `${token}x`)).toBe(false);
  });

  it('hashes payloads independently of key order', () => {
    expect(payloadHash({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(payloadHash({ b: { d: 'x', c: [1, 2] }, a: 1 }));
    expect(payloadHash({ a: 1 })).not.toBe(payloadHash({ a: 2 }));
  });
});
