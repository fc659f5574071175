import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError, type ErrorKind } from './domain-error';
import { errorBody, type ErrorBody } from './error-body';
import { isServiceUnavailable, SERVICE_RETRY_AFTER_SECONDS } from './service-unavailable';

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_many: 429,
};

/** Maps every thrown error to `{ statusCode, error, message, code, details? }`; an unreachable database or Redis a 503 with Retry-After; unknown errors become a logged 500. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { body, headers } = this.toBody(exception);
    if (headers) void reply.headers(headers);
    // A route may have set a CSV content type or an attachment before failing; errors are always JSON.
    void reply.removeHeader('content-disposition');
    void reply.type('application/json; charset=utf-8').status(body.statusCode).send(body);
  }

  private toBody(exception: unknown): { body: ErrorBody; headers?: Record<string, string> } {
    if (exception instanceof DomainError) {
      const status = STATUS_BY_KIND[exception.kind];
      return { body: errorBody(status, exception.code, exception.message, exception.details), headers: exception.headers };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'object' && response && 'message' in response && typeof response.message === 'string'
          ? response.message
          : exception.message;
      return { body: errorBody(status, `HTTP_${status}`, message) };
    }
    // Fastify raises its own errors (body too large, bad JSON) with a statusCode and a code.
    if (isFastifyError(exception)) {
      return { body: errorBody(exception.statusCode, exception.code ?? `HTTP_${exception.statusCode}`, exception.message) };
    }
    // PostgreSQL or Redis down, frozen or out of connections: the client should retry, nothing is
    // wrong with its request. One line, without the error's text (pg may quote the statement).
    if (isServiceUnavailable(exception)) {
      const { code, name } = (exception ?? {}) as { code?: unknown; name?: unknown };
      this.logger.warn(`Service unavailable: ${String(name)}${typeof code === 'string' ? ` ${code}` : ''}`);
      return {
        body: errorBody(503, 'SERVICE_UNAVAILABLE', 'The service is briefly unavailable. Please try again in a few seconds.'),
        headers: { 'retry-after': String(SERVICE_RETRY_AFTER_SECONDS) },
      };
    }
    // Never leak internals; log the error, not the request (which may hold personal data).
    this.logger.error(exception instanceof Error ? exception.stack ?? exception.message : String(exception));
    return { body: errorBody(500, 'INTERNAL', 'Something went wrong on our side. Please try again later.') };
  }
}

function isFastifyError(value: unknown): value is { statusCode: number; code?: string; message: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'statusCode' in value &&
    typeof value.statusCode === 'number' &&
    value.statusCode >= 400 &&
    value.statusCode < 500
  );
}
