/**
 * Why a compile failed, stored as a code (result_compilation.last_error) that the web page
 * translates; never raw English, never a database message (those carry answers as parameters).
 */
export const COMPILE_FAILURE = {
  /** The version was deleted or unpublished: retrying cannot help. */
  versionNotPublished: 'VERSION_NOT_PUBLISHED',
  /** PostgreSQL could not be reached or went away: retried. */
  databaseUnavailable: 'DATABASE_UNAVAILABLE',
  /** A data error (SQLSTATE class 22) in the aggregate queries: the same data fails the same way, not retried. */
  dataError: 'DATA_ERROR',
  /** The release auditor could not read the tables: not retried (same data, same answer); the last release stays. */
  auditFailed: 'AUDIT_FAILED',
  /** Any other database error: retried. */
  databaseError: 'DATABASE_ERROR',
  /** Anything else (e.g. the auditor's solver failing): retried. */
  internal: 'INTERNAL_ERROR',
} as const;

export type CompileFailureCode = (typeof COMPILE_FAILURE)[keyof typeof COMPILE_FAILURE];

/** The code for an error, and whether a retry can succeed. */
export function classifyFailure(error: unknown): { code: CompileFailureCode; retryable: boolean } {
  if (error instanceof Error && error.name === 'UnrecoverableError') {
    const known = Object.values(COMPILE_FAILURE).find((code) => code === error.message);
    return { code: known ?? COMPILE_FAILURE.internal, retryable: false };
  }
  if (error instanceof Error && error.name === 'AuditFailure') return { code: COMPILE_FAILURE.auditFailed, retryable: false };
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof Error && error.name === 'QueryFailedError' && typeof code === 'string') {
    if (code.startsWith('22')) return { code: COMPILE_FAILURE.dataError, retryable: false };
    if (code.startsWith('08') || code.startsWith('57P')) return { code: COMPILE_FAILURE.databaseUnavailable, retryable: true };
    return { code: COMPILE_FAILURE.databaseError, retryable: true };
  }
  if (typeof code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT'].includes(code)) {
    return { code: COMPILE_FAILURE.databaseUnavailable, retryable: true };
  }
  return { code: COMPILE_FAILURE.internal, retryable: true };
}
