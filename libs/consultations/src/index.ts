export * from './consultations.module';
export * from './consultations-worker.module';
export * from './kinds';
export * from './signups/signup-manage-links';
export type * from './meeting-view';
