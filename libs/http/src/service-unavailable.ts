/**
 * Whether an error means a service the request needs (PostgreSQL, Redis) is unreachable, frozen
 * or overloaded right now, rather than that the request or the code is wrong. Those answer 503
 * with Retry-After: the client should try again, and nothing is wrong with what it sent.
 */

/** Socket-level failures, from pg and ioredis alike. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * PostgreSQL SQLSTATEs: connection exceptions (08...), query_canceled (57014: statement_timeout),
 * admin/crash shutdown and "cannot connect now" (57P01-57P03), too many connections (53300),
 * lock_not_available (55P03: lock_timeout).
 */
const POSTGRES_STATES = new Set(['08000', '08001', '08003', '08004', '08006', '57014', '57P01', '57P02', '57P03', '53300', '55P03']);

/** Errors pg and ioredis raise without a code. */
const MESSAGES = [
  /^Query read timeout$/, // pg query_timeout: the server did not answer
  /timeout exceeded when trying to connect/, // pg-pool connectionTimeoutMillis
  /^Connection terminated/, // pg: the server went away mid-query or while connecting
  /is not queryable/, // pg: the client's connection broke earlier
  /^Command timed out$/, // ioredis commandTimeout
  /^Stream isn't writeable/, // ioredis with the offline queue off
  /^Connection is closed\.?$/, // ioredis
  /^Reached the max retries per request limit/, // ioredis MaxRetriesPerRequestError
];

export function isServiceUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 4; depth++) {
    const { code, message, name } = current as { code?: unknown; message?: unknown; name?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || POSTGRES_STATES.has(code))) return true;
    if (name === 'MaxRetriesPerRequestError') return true;
    if (typeof message === 'string' && MESSAGES.some((pattern) => pattern.test(message))) return true;
    // TypeORM wraps the driver's error (QueryFailedError.driverError); some errors carry a cause.
    current = (current as { driverError?: unknown; cause?: unknown }).driverError ?? (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Seconds a client is asked to wait before trying again. */
export const SERVICE_RETRY_AFTER_SECONDS = 5;
