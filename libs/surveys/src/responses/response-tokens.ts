import { createHash, createHmac } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import { sameSecret } from '@app/auth';

/**
 * A resume token is `<responseId>.<HMAC(APP_SECRET, responseId)>`: derivable, so nothing secret is
 * stored and a retried first save gets the same token back; unguessable without the secret.
 */
export function resumeTokenFor(secret: string, responseId: string): string {
  const mac = createHmac('sha256', secret).update(`resume:${responseId}`).digest('base64url');
  return `${responseId}.${mac}`;
}

export function resumeTokenMatches(secret: string, responseId: string, token: string | undefined): boolean {
  return typeof token === 'string' && sameSecret(token, resumeTokenFor(secret, responseId));
}

/** Same request, same hash, whatever the key order: tells an idempotent retry from a new submission. */
export function payloadHash(payload: object): string {
  return createHash('sha256').update(stringify(payload) ?? '').digest('hex');
}
