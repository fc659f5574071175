/**
 * The attacker's own view of a published results document: only what the public/staff JSON
 * carries (`/api/public/results/:slug`, `/api/surveys/:id/results`). Written from the documented
 * shape, not imported from the platform, so the attacks depend on nothing but the output.
 */
export interface PublishedCell {
  count: number | null;
  suppressed: boolean;
}
export interface PublishedStats {
  mean: number;
  median: number;
  q1: number;
  q3: number;
}
export interface PublishedGroup {
  value: string | null;
  answered: PublishedCell;
  counts: { value: string; count: PublishedCell }[];
  stats: PublishedStats | null;
}
export interface PublishedItem {
  item: string;
  question: string;
  row: string | null;
  kind: 'choice' | 'multiple' | 'numeric';
  answered: PublishedCell;
  skipped: PublishedCell;
  counts: { value: string; count: PublishedCell }[];
  stats: PublishedStats | null;
  breakdowns: { breakdown: string; groups: PublishedGroup[] }[];
}
export interface PublishedMunicipality {
  code: string;
  responses: number | null;
  belowThreshold: boolean;
  items: PublishedItem[];
  [other: string]: unknown;
}
export interface PublishedDocument {
  k: number;
  municipalities: PublishedMunicipality[];
  [other: string]: unknown;
}

/** One respondent's answers as the attacker reconstructs (or the test knows) them: item -> value(s). */
export type Record_ = Map<string, string | string[] | null>;

export const valueOf = (cell: PublishedCell | undefined): number | null => (cell && !cell.suppressed ? cell.count : null);
