import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { recordAudit } from '@app/audit';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { withdrawalLinkInvalid } from '../studies.errors';
import type { WithdrawalPolicy, WithdrawalView } from '../study-view';
import { StudyRegistry, type StudyParticipantSource } from './study-registry';
import { withdrawalSubjectOf } from './withdrawal-tokens';

/**
 * A participant withdraws through the link in their receipt: their personal data is deleted or
 * anonymised as the consent they agreed to says, in one transaction with its audit entry. Asking
 * twice changes nothing. The audit entry names the study and what happened, never the person.
 * Anonymous survey answers have no link and cannot be found, so they cannot be withdrawn.
 */
@Injectable()
export class WithdrawalService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: StudyRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async view(token: string | undefined): Promise<WithdrawalView> {
    const { kind, id, source } = this.subject(token);
    const participant = await source.find(this.dataSource.manager, id);
    if (!participant) return { state: 'nothing_held', kind, study: null, policy: null };
    const { study, policy } = await this.studyAndPolicy(participant.studyId, participant.consentVersionId);
    return { state: participant.withdrawn ? 'withdrawn' : 'held', kind, study, policy };
  }

  async withdraw(token: string | undefined): Promise<WithdrawalView> {
    const { kind, id, source } = this.subject(token);
    return this.dataSource.transaction(async (tx) => {
      const participant = await source.find(tx, id);
      if (!participant) return { state: 'nothing_held', kind, study: null, policy: null };
      const { study, policy } = await this.studyAndPolicy(participant.studyId, participant.consentVersionId);
      if (participant.withdrawn) return { state: 'withdrawn', kind, study, policy };
      const outcome = await source.withdraw(tx, id, policy);
      await recordAudit(tx, {
        actor: null,
        action: 'study.withdrawal',
        targetType: 'study',
        targetId: participant.studyId,
        municipalityId: participant.municipalityId,
        details: { participant: kind, policy, deleted: outcome.deleted, cancelledPlace: outcome.cancelledPlace },
      });
      return outcome.deleted ? { state: 'nothing_held', kind, study, policy } : { state: 'withdrawn', kind, study, policy };
    });
  }

  private subject(token: string | undefined): { kind: string; id: string; source: StudyParticipantSource } {
    const subject = withdrawalSubjectOf(this.config.APP_SECRET, token);
    const source = subject && this.registry.participants(subject.kind);
    if (!subject || !source) throw withdrawalLinkInvalid();
    return { ...subject, source };
  }

  /** What the participant agreed to: their consent version's withdrawal policy. */
  private async studyAndPolicy(studyId: string, consentVersionId: string) {
    const [row]: { titleLt: string; titleEn: string; policy: WithdrawalPolicy }[] = await this.dataSource.query(
      `SELECT st.title_lt AS "titleLt", st.title_en AS "titleEn", cv.withdrawal_policy AS policy
         FROM study st JOIN consent_version cv ON cv.id = $2 AND cv.study_id = st.id WHERE st.id = $1`,
      [studyId, consentVersionId],
    );
    return { study: { titleLt: row.titleLt, titleEn: row.titleEn }, policy: row.policy };
  }
}
