import { createHmac } from 'node:crypto';
import { sameSecret } from '@app/auth';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A manage link's token is `<signupId>.<HMAC(APP_SECRET, signupId)>`: unguessable without the
 * secret, and derivable, so nothing secret is stored and a leaked database holds no working links.
 */
export function manageTokenFor(secret: string, signupId: string): string {
  return `${signupId}.${createHmac('sha256', secret).update(`manage-signup:${signupId}`).digest('base64url')}`;
}

/** The sign-up id a token stands for, or null when the token was not made with this secret. */
export function signupIdOf(secret: string, token: string | undefined): string | null {
  if (typeof token !== 'string') return null;
  const id = token.split('.')[0];
  if (!UUID.test(id)) return null;
  return sameSecret(token, manageTokenFor(secret, id)) ? id : null;
}
