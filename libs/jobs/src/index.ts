export * from './queues';
export * from './outbox-dispatcher';
export * from './jobs.module';
export * from './queue-worker';
