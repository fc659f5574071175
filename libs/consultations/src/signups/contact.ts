import { isEmail } from 'class-validator';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { invalidField } from '../consultations.errors';

export interface Contact {
  email: string | null;
  phone: string | null;
  /** What makes two sign-ups "the same contact": the lower-cased email or the E.164 phone number. */
  key: string;
}

/**
 * One field takes either an email address or a phone number (a phone-first form has one box).
 * Numbers without a country code are read as Lithuanian; all are stored in E.164 form.
 */
export function parseContact(raw: string): Contact {
  const value = raw.trim();
  if (value.includes('@')) {
    if (!isEmail(value)) throw invalidField('CONTACT_INVALID', 'contact', 'is not a valid email address');
    const email = value.toLowerCase();
    return { email, phone: null, key: email };
  }
  const phone = parsePhoneNumberFromString(value, 'LT');
  if (!phone?.isValid()) {
    throw invalidField('CONTACT_INVALID', 'contact', 'must be an email address or a phone number (e.g. +370 612 34567)');
  }
  return { email: null, phone: phone.number, key: phone.number };
}
