import { isEmail } from 'class-validator';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { invalidField } from '../consultations.errors';

export interface Contact {
  email: string | null;
  phone: string | null;
  /** What makes two sign-ups "the same contact": the lower-cased email (E.164 phone for older sign-ups). */
  key: string;
}

/**
 * Sign-ups need an email address: the place is taken only once its owner opens the link sent
 * there (against seat squatting), and no SMS gateway is integrated to send a code by text message.
 * A phone number gets a 400 that says so, rather than a sign-up nobody can confirm.
 */
export function parseContact(raw: string): Contact {
  const value = raw.trim();
  if (value.includes('@')) {
    if (!isEmail(value)) throw invalidField('CONTACT_INVALID', 'contact', 'is not a valid email address');
    const email = value.toLowerCase();
    return { email, phone: null, key: email };
  }
  if (parsePhoneNumberFromString(value, 'LT')?.isValid()) {
    throw invalidField('CONTACT_EMAIL_REQUIRED', 'contact', 'must be an email address: sign-ups are confirmed by a link sent by email, and text messages are not sent');
  }
  throw invalidField('CONTACT_INVALID', 'contact', 'must be an email address');
}
