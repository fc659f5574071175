import { createHmac } from 'node:crypto';
import type { AppConfig } from '@app/config';
import { sameSecret } from '@app/auth';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const KIND = /^[a-z][a-z-]{0,29}$/;

/**
 * A withdrawal link's token is `<kind>.<id>.<HMAC(APP_SECRET, kind and id)>`, like the sign-up
 * manage link: derivable, so nothing secret is stored, and unforgeable without the secret. Its own
 * HMAC purpose, so a manage token never works as a withdrawal token or the other way round.
 */
export function withdrawalTokenFor(secret: string, kind: string, id: string): string {
  return `${kind}.${id}.${createHmac('sha256', secret).update(`withdraw-study:${kind}:${id}`).digest('base64url')}`;
}

export function withdrawalSubjectOf(secret: string, token: string | undefined): { kind: string; id: string } | null {
  if (typeof token !== 'string' || token.length > 200) return null;
  const [kind, id] = token.split('.');
  if (!KIND.test(kind ?? '') || !UUID.test(id ?? '')) return null;
  return sameSecret(token, withdrawalTokenFor(secret, kind, id)) ? { kind, id } : null;
}

const publicBaseUrl = (config: AppConfig) => config.PUBLIC_BASE_URL?.replace(/\/$/, '') ?? `http://${config.HOST}:${config.PORT}`;

/** The token rides in the fragment, which browsers never send: it stays out of access logs. */
export const withdrawalUrlFor = (config: AppConfig, kind: string, id: string) =>
  `${publicBaseUrl(config)}/studies/withdraw#${withdrawalTokenFor(config.APP_SECRET, kind, id)}`;
