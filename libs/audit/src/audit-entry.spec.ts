import fc from 'fast-check';
import { assertNoPersonalValues } from './audit-entry';

describe('audit details', () => {
  it('take field names, codes, counts and flags', () => {
    expect(() => assertNoPersonalValues({ fields: ['startsAt', 'capacity'], promoted: 2, override: true, municipality: 'birzai' })).not.toThrow();
  });

  it('refuse names, e-mail addresses, phone numbers and free text, whatever their shape', () => {
    for (const value of ['Ona Onaitė', 'ona@example.lt', '+37061234567', 'Jonas', 'Sveiki, susitikimas perkeltas']) {
      expect(() => assertNoPersonalValues({ fields: [value] })).toThrow(/not an identifier/);
      expect(() => assertNoPersonalValues({ reason: value })).toThrow(/not an identifier/);
    }
    // Any text with a space, an @, a leading capital or digit, or a non-ASCII letter is refused.
    fc.assert(
      fc.property(fc.string({ minLength: 1 }).filter((s) => /[\s@+A-ZĄČĘĖĮŠŲŪŽąčęėįšųūž]/.test(s[0]) || /[\s@]/.test(s)), (s) => {
        expect(() => assertNoPersonalValues({ value: s })).toThrow();
      }),
    );
  });
});
