export * from './demo-data';
export * from './demo-seeder';
export { DEMO_CONSULTATION_MUNICIPALITY } from './demo-consultations';
