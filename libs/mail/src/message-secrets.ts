/**
 * Messages are stored without secrets: where a message shows the sign-up's manage link or its
 * check-in code, the stored body holds these placeholders, and the worker fills them in at send
 * time (the link derived from the sign-up id and APP_SECRET, the code read from the sign-up).
 * So neither the message table nor a backup of it holds a working link.
 */
export const MANAGE_URL_PLACEHOLDER = '{{manage_url}}';
export const CHECKIN_CODE_PLACEHOLDER = '{{checkin_code}}';

/**
 * A study participant's withdrawal link (libs/studies): the placeholder names the participant
 * (`{{withdraw_url:signup:<id>}}`), which is no secret; the signed link is made at send time.
 */
export const withdrawUrlPlaceholder = (kind: string, id: string) => `{{withdraw_url:${kind}:${id}}}`;
const WITHDRAW_URL_PLACEHOLDERS = /\{\{withdraw_url:([a-z][a-z-]{0,29}):([0-9a-f-]{36})\}\}/g;

/** What the worker knows about a message's sign-up at send time. */
export interface MessageSecrets {
  manageUrl: string | null;
  checkinCode: string | null;
  /** Builds a withdrawal link; absent where no feature provides them. */
  withdrawUrlFor?: (kind: string, id: string) => string;
}

/** Builds a sign-up's manage link; provided by the feature that owns sign-ups (the worker app wires it). */
export interface ManageLinks {
  manageUrlFor(signupId: string): string;
}
export const MANAGE_LINKS = Symbol('MANAGE_LINKS');

/** Builds a study participant's withdrawal link; provided by libs/studies (the worker app wires it). */
export interface WithdrawalLinks {
  withdrawUrlFor(kind: string, id: string): string;
}
export const WITHDRAWAL_LINKS = Symbol('WITHDRAWAL_LINKS');

/** Fills the placeholders; a placeholder whose value is gone (purged) is left as it is, never a wrong value. */
export function renderSecrets(body: string, secrets: MessageSecrets): string {
  let text = body;
  if (secrets.manageUrl) text = text.replaceAll(MANAGE_URL_PLACEHOLDER, secrets.manageUrl);
  if (secrets.checkinCode) text = text.replaceAll(CHECKIN_CODE_PLACEHOLDER, secrets.checkinCode);
  const withdrawUrlFor = secrets.withdrawUrlFor;
  if (withdrawUrlFor) text = text.replace(WITHDRAW_URL_PLACEHOLDERS, (_, kind: string, id: string) => withdrawUrlFor(kind, id));
  return text;
}
