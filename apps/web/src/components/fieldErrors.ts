import { getLanguage } from './i18n';
import { ApiError } from './request';

/**
 * The server's field-level reasons from a 400 (`details: [{ field, reason }]`), by field. A nested
 * field such as `quotas.0.seats` also counts for `quotas`, so a form can show it by its group.
 */
export function serverFieldErrors(error: unknown, localise: (code: string) => string | undefined = () => undefined): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const detail of error.details) {
    const reason = localise(error.code) ?? readableReason(detail.reason);
    for (const key of prefixes(detail.field)) out[key] = out[key] ? `${out[key]} ${reason}` : reason;
  }
  return out;
}

function prefixes(field: string): string[] {
  const parts = field.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

/** Client-side problems first; the server's for fields the client found nothing wrong with. */
export function mergeErrors(client: Record<string, string | undefined>, server: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = { ...server };
  for (const [field, reason] of Object.entries(client)) if (reason) out[field] = reason;
  return out;
}

/** Focus the first field (in form order) that has a problem. */
export function focusFirst(order: { field: string; id: string }[], errors: Record<string, string>): void {
  const first = order.find((entry) => errors[entry.field]);
  if (first) document.getElementById(first.id)?.focus();
}

/**
 * The server words field reasons in English. On an English page they are shown as written; on a
 * Lithuanian page a Lithuanian sentence stands in, so no English reason appears there.
 */
export function readableReason(reason: string): string {
  return getLanguage() === 'lt' ? 'Šis laukas užpildytas netinkamai.' : reason;
}
