import type { EntityManager } from 'typeorm';
import type { Principal } from '@app/http';

/** Every action the log knows. A new one is added here, so the list is the documentation. */
export const AUDIT_ACTIONS = [
  'results.published',
  'results.released',
  'results.withdrawn',
  'results.exported',
  'invitations.exported',
  'signups.exported',
  'meeting.updated',
  'meeting.cancelled',
  'meeting.messaged',
  'meeting.checkin_override',
  'consultation.updated',
  'consultation.report_published',
  'account.created',
  'account.updated',
  'account.password_changed',
  'account.password_reset_requested',
  'account.password_reset',
  'account.password_set_by_admin',
  'token.revoked',
  'study.created',
  'study.updated',
  'study.status_changed',
  'study.instrument_attached',
  'study.instrument_updated',
  'study.instrument_detached',
  'study.consent_versioned',
  'study.policy_updated',
  'study.meeting_linked',
  'study.meeting_unlinked',
  'study.withdrawal',
  'study.retention_applied',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_TARGETS = ['survey', 'meeting', 'consultation', 'account', 'token', 'study'] as const;
export type AuditTarget = (typeof AUDIT_TARGETS)[number];

/**
 * What an entry may say besides ids: counts, flags and the NAMES of fields changed, never their
 * values. Strings must look like identifiers (field names, codes, row ids), which a name, an address, a phone
 * number or a message text does not; `recordAudit` refuses anything else, so a mistake fails loudly.
 */
export type AuditDetails = Record<string, number | boolean | null | readonly string[] | string>;

export interface AuditEntry {
  /** null: the platform itself, or someone not signed in (a password reset request). */
  actor: Pick<Principal, 'accountId' | 'role'> | null;
  action: AuditAction;
  targetType: AuditTarget;
  targetId: string | null;
  municipalityId?: string | null;
  details?: AuditDetails;
}

const IDENTIFIER = /^[a-z][a-zA-Z0-9_.-]{0,59}$/;
/** Row ids (a survey attached to a study, a meeting linked to one) are identifiers too. */
const ROW_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function assertNoPersonalValues(details: AuditDetails): void {
  for (const [key, value] of Object.entries(details)) {
    if (!IDENTIFIER.test(key)) throw new Error(`audit detail key "${key}" is not an identifier`);
    const strings = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
    for (const s of strings) {
      if (typeof s !== 'string' || !(IDENTIFIER.test(s) || ROW_ID.test(s))) throw new Error(`audit detail ${key} holds a value that is not an identifier`);
    }
  }
}

/** Written in the caller's transaction, so an action and its entry commit (or roll back) together. */
export async function recordAudit(db: EntityManager, entry: AuditEntry): Promise<void> {
  const details = entry.details ?? {};
  assertNoPersonalValues(details);
  await db.query(
    `INSERT INTO audit_log (actor_account_id, actor_role, action, target_type, target_id, municipality_id, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [entry.actor?.accountId ?? null, entry.actor?.role ?? null, entry.action, entry.targetType, entry.targetId, entry.municipalityId ?? null, details],
  );
}
