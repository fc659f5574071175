import type { NewMessage } from '@app/mail';

/** Both languages in one message: staff accounts have no language setting. */
export function passwordResetMessage(email: string, link: string, ttlMinutes: number): NewMessage {
  return {
    signupId: null,
    kind: 'password_reset',
    channel: 'email',
    recipient: email,
    subject: 'Slaptažodžio keitimas / Password reset',
    body: [
      `Gavome prašymą pakeisti šios paskyros slaptažodį. Nuoroda galioja ${ttlMinutes} min. ir tik vieną kartą:`,
      link,
      'Jei to neprašėte, nieko nedarykite: slaptažodis nepasikeis.',
      '',
      `We received a request to reset the password of this account. The link works once, for ${ttlMinutes} minutes:`,
      link,
      'If you did not ask for this, do nothing: your password stays as it is.',
    ].join('\n'),
  };
}
