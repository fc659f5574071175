export * from './demo-data';
export * from './demo-seeder';
export { DEMO_CONSULTATION_MUNICIPALITY } from './demo-consultations';
export { seedDemoStudy, DEMO_STUDY_TITLE_LT } from './demo-study';
