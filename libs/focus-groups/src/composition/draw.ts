import { createHash } from 'node:crypto';

/**
 * The seeded draw: applicants in ascending order of SHA-256(`<seed>\n<applicant id>`) (hex). Anyone
 * holding the seed and the ids can redo it with any SHA-256 tool. An applicant's draw key depends
 * only on the seed and their own id, so adding or removing someone else never reshuffles the others.
 * Equal keys (a SHA-256 collision) fall back to the id, so the order is always total.
 */
export function drawKey(seed: string, applicantId: string): string {
  return createHash('sha256').update(`${seed}\n${applicantId}`).digest('hex');
}

/** Draw position (1 = drawn first) of each applicant id. */
export function drawPositions(seed: string, applicantIds: readonly string[]): Map<string, number> {
  const keyed = applicantIds.map((id) => ({ id, key: drawKey(seed, id) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return new Map(keyed.map((entry, index) => [entry.id, index + 1]));
}
