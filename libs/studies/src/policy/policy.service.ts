import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { recordAudit } from '@app/audit';
import type { Principal } from '@app/http';
import { StudyAccess } from '../access/study-access';
import { insertConsentVersion } from '../consent/consent-queries';
import type { StudyPolicyDto } from '../dto/policy.dto';
import type { ConsentTerms, StudyView } from '../study-view';
import { StudiesService } from '../studies/studies.service';
import { sameTerms } from './retention-classes';

/** The study's retention periods, withdrawal policy and anonymisation policy. */
@Injectable()
export class PolicyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly studies: StudiesService,
  ) {}

  /**
   * Changes what is given. Retention and withdrawal are part of what participants agree to: when
   * they change and a consent text exists, a new consent version states the new terms (same texts),
   * so everyone's record keeps the terms they were actually told.
   */
  async update(principal: Principal, studyId: string, dto: StudyPolicyDto): Promise<StudyView> {
    await this.dataSource.transaction(async (tx) => {
      const study = await StudyAccess.of(principal).lockForChange(tx, studyId);
      const retention = dto.retention ?? {};
      await tx.query(
        `UPDATE study SET disclosure_k = COALESCE($2, disclosure_k), quasi_identifiers = COALESCE($3, quasi_identifiers),
                contacts_days = COALESCE($4, contacts_days), free_text_days = COALESCE($5, free_text_days),
                paradata_days = COALESCE($6, paradata_days), exports_days = COALESCE($7, exports_days),
                withdrawal_policy = COALESCE($8, withdrawal_policy), updated_at = now()
          WHERE id = $1`,
        [
          studyId,
          dto.k ?? null,
          dto.quasiIdentifiers ?? null,
          retention.contactsDays ?? null,
          retention.freeTextDays ?? null,
          retention.paradataDays ?? null,
          retention.exportsDays ?? null,
          dto.withdrawalPolicy ?? null,
        ],
      );
      const fields = [
        ...Object.entries({ k: dto.k, quasiIdentifiers: dto.quasiIdentifiers, withdrawalPolicy: dto.withdrawalPolicy })
          .filter(([, value]) => value !== undefined)
          .map(([key]) => key),
        ...Object.entries(retention)
          .filter(([, value]) => value !== undefined)
          .map(([key]) => `retention.${key}`),
      ];
      await recordAudit(tx, {
        actor: principal,
        action: 'study.policy_updated',
        targetType: 'study',
        targetId: studyId,
        details: { fields },
      });

      const terms: ConsentTerms = {
        contactsDays: retention.contactsDays ?? study.contactsDays,
        freeTextDays: retention.freeTextDays ?? study.freeTextDays,
        paradataDays: retention.paradataDays ?? study.paradataDays,
        withdrawalPolicy: dto.withdrawalPolicy ?? study.withdrawalPolicy,
      };
      if (!study.currentConsentVersionId || sameTerms(terms, study)) return;
      const [texts]: { textLt: string; textEn: string }[] = await tx.query(
        `SELECT text_lt AS "textLt", text_en AS "textEn" FROM consent_version WHERE id = $1`,
        [study.currentConsentVersionId],
      );
      const created = await insertConsentVersion(tx, studyId, texts, terms, principal.accountId);
      await recordAudit(tx, {
        actor: principal,
        action: 'study.consent_versioned',
        targetType: 'study',
        targetId: studyId,
        details: { version: created.version, reason: 'terms' },
      });
    });
    return this.studies.get(principal, studyId);
  }
}
