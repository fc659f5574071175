export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

/**
 * Why a password is refused, or null. Length is what matters most (NIST SP 800-63B): at least 12
 * characters, no composition rules; and nothing guessable from the account itself (the e-mail or
 * its name part) or a single key held down.
 */
export function passwordProblem(password: string, email: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  const lowered = password.toLowerCase();
  const address = email.trim().toLowerCase();
  const name = address.split('@')[0];
  if (lowered.includes(address)) return 'must not contain your e-mail address';
  if (name.length >= 4 && lowered.includes(name)) return 'must not contain the name part of your e-mail address';
  if (new Set(lowered).size === 1) return 'must not be one character repeated';
  return null;
}
