export * from './domain-error';
export * from './error-body';
export * from './http-exception.filter';
export * from './validation.pipe';
export * from './access/principal';
export * from './access/decorators';
export * from './health/health.module';
export * from './service-unavailable';
