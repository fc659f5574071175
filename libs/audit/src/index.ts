export * from './audit-entry';
export * from './audited';
export * from './audit.module';
export * from './dto/audit.dto';
