export * from './registry';
export * from './queues';
export * from './outbox';
export * from './outbox-dispatcher';
export * from './reconciler';
export * from './jobs.module';
export * from './queue-worker';
