import type { PublishedItem, Record_ } from './published';

/**
 * What a respondent's raw answers say for each published item, in the published item's terms:
 * a choice item's value as a string (matrix rows read from the question's object), a checkbox
 * item's chosen values, null when skipped. Used to score attacks against the truth the test holds.
 */
export function recordOf(answers: Record<string, unknown>, items: Pick<PublishedItem, 'item' | 'question' | 'row' | 'kind'>[]): Record_ {
  const record: Record_ = new Map();
  for (const item of items) {
    if (item.kind === 'numeric') continue;
    let raw = answers[item.question];
    if (item.row !== null) raw = raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[item.row] : undefined;
    if (raw === undefined || raw === null) record.set(item.item, null);
    else if (item.kind === 'multiple') record.set(item.item, (raw as unknown[]).map(asText).sort());
    else record.set(item.item, asText(raw));
  }
  return record;
}

/** As the published tables name values: numbers and booleans as written (3, true), text as is. */
const asText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));
