import type { EntityManager } from 'typeorm';
import { DomainError, type Principal } from '@app/http';
import { StudyAccess } from '../access/study-access';

/**
 * For the consultations feature: may this caller put a meeting of this municipality under this
 * study? The study must be visible to them (StudyAccess), active, and cover the municipality.
 * Read FOR SHARE, so the study cannot close or lose the municipality before the meeting commits.
 */
export async function assertStudyForMeeting(
  tx: EntityManager,
  principal: Principal,
  studyId: string,
  municipalityId: string,
): Promise<void> {
  const access = StudyAccess.of(principal);
  const [study]: { status: string; covers: boolean }[] = await tx.query(
    `SELECT st.status, EXISTS (SELECT 1 FROM study_municipality sm WHERE sm.study_id = st.id AND sm.municipality_id = $5) AS covers
       FROM study st WHERE st.id = $4 AND ${StudyAccess.visible('st', 1)} FOR SHARE OF st`,
    [...access.params(), studyId, municipalityId],
  );
  const refuse = (reason: string) => new DomainError('invalid', 'STUDY_INVALID', `studyId ${reason}`, [{ field: 'studyId', reason }]);
  if (!study) throw refuse('is not a study you can see');
  if (study.status !== 'active') throw refuse(`names a study that is ${study.status}: only an active study takes meetings`);
  if (!study.covers) throw refuse("names a study that does not run in this meeting's municipality");
}
