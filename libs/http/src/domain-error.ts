/**
 * What went wrong, in the language of the feature. Each feature throws these with its own codes;
 * the one exception filter maps the kind to an HTTP status, so services never think in HTTP.
 */
export type ErrorKind =
  | 'invalid' // 400: the input is wrong; details say which field and why
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404: also used when the caller may not know the thing exists
  | 'conflict' // 409
  | 'gone' // 410: existed, no longer usable (used invitation, closed survey)
  | 'too_many'; // 429

export interface ErrorDetail {
  field: string;
  reason: string;
  /** For answers: the question the field belongs to. */
  question?: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
