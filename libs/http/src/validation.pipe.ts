import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError, type ErrorDetail } from './domain-error';

/** Flattens class-validator's tree into `field: reason` pairs, with dotted paths for nested objects. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** Unknown fields are an error (not silently dropped), and every error names its field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) =>
      new DomainError('invalid', 'INVALID_INPUT', 'The request is not valid', flattenValidationErrors(errors)),
  });
}
