/**
 * Messages are stored without secrets: where a message shows the sign-up's manage link or its
 * check-in code, the stored body holds these placeholders, and the worker fills them in at send
 * time (the link derived from the sign-up id and APP_SECRET, the code read from the sign-up).
 * So neither the message table nor a backup of it holds a working link.
 */
export const MANAGE_URL_PLACEHOLDER = '{{manage_url}}';
export const CHECKIN_CODE_PLACEHOLDER = '{{checkin_code}}';

/** What the worker knows about a message's sign-up at send time. */
export interface MessageSecrets {
  manageUrl: string | null;
  checkinCode: string | null;
}

/** Builds a sign-up's manage link; provided by the feature that owns sign-ups (the worker app wires it). */
export interface ManageLinks {
  manageUrlFor(signupId: string): string;
}
export const MANAGE_LINKS = Symbol('MANAGE_LINKS');

/** Fills the placeholders; a placeholder whose value is gone (purged) is left as it is, never a wrong value. */
export function renderSecrets(body: string, secrets: MessageSecrets): string {
  let text = body;
  if (secrets.manageUrl) text = text.replaceAll(MANAGE_URL_PLACEHOLDER, secrets.manageUrl);
  if (secrets.checkinCode) text = text.replaceAll(CHECKIN_CODE_PLACEHOLDER, secrets.checkinCode);
  return text;
}
