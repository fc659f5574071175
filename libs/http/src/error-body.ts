import { STATUS_CODES } from 'node:http';
import type { ErrorDetail } from './domain-error';

/** The one shape every error response has. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code: string;
  details?: ErrorDetail[];
}

export function errorBody(statusCode: number, code: string, message: string, details?: ErrorDetail[]): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, code, ...(details ? { details } : {}) };
}
