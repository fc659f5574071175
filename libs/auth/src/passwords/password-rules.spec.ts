import fc from 'fast-check';
import { passwordProblem } from './password-rules';

describe('password rules', () => {
  const email = 'jurgita.petraitiene@birzai.lt';

  it('takes long passphrases, whatever their characters', () => {
    expect(passwordProblem('correct horse battery staple', email)).toBeNull();
    expect(passwordProblem('Žalias ąžuolas 2026', email)).toBeNull();
    fc.assert(fc.property(fc.string({ minLength: 12, maxLength: 200 }).filter((s) => new Set(s.toLowerCase()).size > 1 && !s.toLowerCase().includes('jurgita.petraitiene')), (s) => {
      expect(passwordProblem(s, email)).toBeNull();
    }));
  });

  it('counts characters, not bytes: 11 Lithuanian letters are too short', () => {
    expect(passwordProblem('ąčęėįšųūžąč', email)).toBe('must be at least 12 characters');
  });

  it('refuses short ones, the e-mail, its name part and one key held down', () => {
    expect(passwordProblem('short', email)).toMatch(/at least 12/);
    expect(passwordProblem('x'.repeat(201) + 'y', email)).toMatch(/at most 200/);
    expect(passwordProblem('JURGITA.PETRAITIENE@birzai.lt', email)).toMatch(/e-mail address/);
    expect(passwordProblem('jurgita.petraitiene2026', email)).toMatch(/name part/);
    expect(passwordProblem('aaaaaaaaaaaaaa', email)).toMatch(/repeated/);
  });
});
