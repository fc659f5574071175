import fc from 'fast-check';
import { withdrawalSubjectOf, withdrawalTokenFor } from './withdrawal-tokens';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';

describe('withdrawal tokens', () => {
  it('stand for one participant of one kind, and only with the secret they were made with', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.constantFrom('signup', 'applicant'), (id, kind) => {
        const token = withdrawalTokenFor(SECRET, kind, id);
        expect(withdrawalSubjectOf(SECRET, token)).toEqual({ kind, id });
        expect(withdrawalSubjectOf(`${SECRET}!`, token)).toBeNull();
        // Another kind or another id with the same signature is refused.
        expect(withdrawalSubjectOf(SECRET, token.replace(`${kind}.`, kind === 'signup' ? 'applicant.' : 'signup.'))).toBeNull();
      }),
    );
  });

  it('refuse anything else, whatever it is', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.uuid().map((id) => `signup.${id}.x`),
        ),
        (token) => {
          expect(withdrawalSubjectOf(SECRET, token)).toBeNull();
        },
      ),
    );
    expect(withdrawalSubjectOf(SECRET, undefined)).toBeNull();
  });
});
