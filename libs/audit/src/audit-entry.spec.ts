import fc from 'fast-check';
import { assertNoPersonalValues } from './audit-entry';

describe('audit details', () => {
  it('take field names, codes, counts and flags', () => {
    expect(() => assertNoPersonalValues({ fields: ['startsAt', 'capacity'], promoted: 2, override: true, municipality: 'birzai' })).not.toThrow();
    expect(() => assertNoPersonalValues({ surveyId: '0d1f9a52-3c4b-4e6f-8a9b-0c1d2e3f4a5b' })).not.toThrow();
    // Only a whole id: digits and dashes around a name are still refused.
    expect(() => assertNoPersonalValues({ surveyId: '0d1f9a52-3c4b-4e6f-8a9b-0c1d2e3f4a5b Ona' })).toThrow(/not an identifier/);
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
