export * from './enqueue-messages';
export * from './mail-worker.module';
export * from './mailer';
export * from './message-secrets';
