export * from './consultations.module';
export * from './consultations-worker.module';
export * from './kinds';
export type * from './meeting-view';
