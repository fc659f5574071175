/**
 * One audit log entry and a page of them, as GET /api/admin/audit answers. A types-only file so the
 * web app imports it type-only; the OpenAPI classes in dto/audit.dto.ts implement these
 * interfaces, so the compiler keeps the two in step.
 */
export interface AuditEntry {
  id: string;
  at: Date;
  actorAccountId: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  municipalityCode: string | null;
  details: Record<string, unknown>;
}

export interface AuditPage {
  items: AuditEntry[];
  total: number;
  limit: number;
  offset: number;
}
