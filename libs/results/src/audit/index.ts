/** The release auditor: an LP reader (HiGHS) over everything a release and its predecessors publish. */
export type { AuditCell, AuditLine, AuditTables, AuditInput, AuditExposure, AuditReport } from './audit-types';
export { auditRelease } from './audit-release';
