import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: easy to read out and to type from a printed or phone-screen confirmation. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Six characters: 887 million codes; unique per meeting (the database refuses a repeat). */
export function newCheckinCode(): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** What staff type: case and spaces do not matter. */
export const normaliseCheckinCode = (typed: string) => typed.replace(/[\s-]/g, '').toUpperCase();
