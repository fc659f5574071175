import type { EntityManager } from 'typeorm';
import type { Principal, Role } from '@app/http';
import { studyNotFound } from '../studies.errors';

/**
 * Who reaches which study, decided here only (every query of this library goes through it):
 * - admins: every study, and may change any;
 * - researchers: the studies they are responsible for (study_researcher), and may change those;
 *   another researcher's study is "not found";
 * - staff: READ ONLY the studies that are running or have run (active or closed, never a draft)
 *   in at least one of their municipalities; anything else is "not found". Staff never change a
 *   study (the routes that change one admit admins and researchers only).
 */
export class StudyAccess {
  private constructor(
    readonly accountId: string,
    readonly role: Role,
    private readonly municipalityIds: string[],
  ) {}

  static of(principal: Pick<Principal, 'accountId' | 'role' | 'municipalityIds'>): StudyAccess {
    return new StudyAccess(principal.accountId, principal.role, [...principal.municipalityIds]);
  }

  get mayCreate(): boolean {
    return this.role === 'admin' || this.role === 'researcher';
  }

  /** The three parameters the conditions below read, bound at `$n`, `$n+1`, `$n+2`. */
  params(): [string, Role, string[]] {
    return [this.accountId, this.role, this.municipalityIds];
  }

  /** SQL: the study `alias` is visible to the caller whose params start at `$n`. */
  static visible(alias: string, n: number): string {
    return `($${n + 1}::text = 'admin'
      OR ($${n + 1}::text = 'researcher' AND EXISTS (SELECT 1 FROM study_researcher sr WHERE sr.study_id = ${alias}.id AND sr.account_id = $${n}::uuid))
      OR ($${n + 1}::text = 'staff' AND ${alias}.status IN ('active', 'closed') AND EXISTS (
            SELECT 1 FROM study_municipality sm WHERE sm.study_id = ${alias}.id AND sm.municipality_id = ANY($${n + 2}::uuid[]))))`;
  }

  /** The two parameters `manageable` reads, bound at `$n`, `$n+1`. */
  manageParams(): [string, Role] {
    return [this.accountId, this.role];
  }

  /** SQL: the caller may change the study `alias` (reads `$n` and `$n+1` only). */
  static manageable(alias: string, n: number): string {
    return `($${n + 1}::text = 'admin'
      OR ($${n + 1}::text = 'researcher' AND EXISTS (SELECT 1 FROM study_researcher sr WHERE sr.study_id = ${alias}.id AND sr.account_id = $${n}::uuid)))`;
  }

  /**
   * The study the caller may change, its row locked for the transaction: every change to a study
   * (and a consent edit) takes this lock, which orders it against responses and sign-ups being
   * stored under its consent (they hold the row FOR SHARE). Not found when not the caller's.
   */
  async lockForChange(tx: EntityManager, studyId: string): Promise<LockedStudy> {
    const [row] = await tx.query(
      `SELECT st.id, st.status, st.current_consent_version_id AS "currentConsentVersionId", st.contacts_days AS "contactsDays",
              st.free_text_days AS "freeTextDays", st.paradata_days AS "paradataDays", st.withdrawal_policy AS "withdrawalPolicy",
              st.quasi_identifiers AS "quasiIdentifiers",
              (SELECT array_agg(sm.municipality_id) FROM study_municipality sm WHERE sm.study_id = st.id) AS "municipalityIds"
         FROM study st WHERE st.id = $1 AND ${StudyAccess.manageable('st', 2)} FOR UPDATE OF st`,
      [studyId, ...this.manageParams()],
    );
    if (!row) throw studyNotFound();
    return row;
  }

  /** The study's id when the caller may see it; not found otherwise. */
  async assertVisible(db: EntityManager, studyId: string): Promise<void> {
    const [row] = await db.query(`SELECT 1 FROM study st WHERE st.id = $1 AND ${StudyAccess.visible('st', 2)}`, [
      studyId,
      ...this.params(),
    ]);
    if (!row) throw studyNotFound();
  }
}

export interface LockedStudy {
  id: string;
  status: 'draft' | 'active' | 'closed';
  currentConsentVersionId: string | null;
  contactsDays: number;
  freeTextDays: number;
  paradataDays: number;
  withdrawalPolicy: 'delete' | 'anonymise';
  quasiIdentifiers: string[];
  municipalityIds: string[] | null;
}
