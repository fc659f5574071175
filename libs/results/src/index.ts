export * from './results.module';
export * from './results-worker.module';
export type * from './results-document';
