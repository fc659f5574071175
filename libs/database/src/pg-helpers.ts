/** PostgreSQL SQLSTATE codes the services react to. */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_CHECK_VIOLATION = '23514';

export function pgErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const direct = (error as { code?: unknown }).code;
  if (typeof direct === 'string') return direct;
  const driver = (error as { driverError?: { code?: unknown } }).driverError;
  return typeof driver?.code === 'string' ? driver.code : undefined;
}

/**
 * TypeORM's query() returns `[rows, affectedCount]` for UPDATE and DELETE (even with RETURNING)
 * but plain rows for everything else; this gives rows either way.
 */
export function rowsOf<T>(result: T[] | [T[], number]): T[] {
  return result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number' ? (result[0]) : (result as T[]);
}

export { STUDY_CONSENT_SQLSTATE } from './sql/study-consent-codes';

/** PostgreSQL's DETAIL of an error (a trigger's RAISE ... DETAIL), wherever TypeORM or pg put it. */
export function pgErrorDetail(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const direct = (error as { detail?: unknown }).detail;
  if (typeof direct === 'string') return direct;
  const driver = (error as { driverError?: { detail?: unknown } }).driverError;
  return typeof driver?.detail === 'string' ? driver.detail : undefined;
}
