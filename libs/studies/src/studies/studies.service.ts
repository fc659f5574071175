import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { recordAudit } from '@app/audit';
import type { Principal } from '@app/http';
import { MunicipalitiesService } from '@app/municipalities';
import { StudyAccess } from '../access/study-access';
import type { CreateStudyDto, UpdateStudyDto } from '../dto/study.dto';
import {
  invalidField,
  researcherInvalid,
  researchersEmpty,
  statusTransitionInvalid,
  studyNotFound,
  studyNotReady,
} from '../studies.errors';
import type { ResearcherOption, StudyStatus, StudySummary, StudyView } from '../study-view';
import { listStudies, loadStudy } from './study-queries';

/** Which status may follow which: fieldwork starts once, may stop and restart, never goes back to a draft. */
const NEXT: Record<StudyStatus, StudyStatus[]> = { draft: ['active'], active: ['closed'], closed: ['active'] };

/** Studies themselves: create, read, change, start and stop fieldwork. Every change is audited in its transaction. */
@Injectable()
export class StudiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly municipalities: MunicipalitiesService,
  ) {}

  list(principal: Principal): Promise<StudySummary[]> {
    return listStudies(this.dataSource.manager, StudyAccess.of(principal));
  }

  async get(principal: Principal, id: string): Promise<StudyView> {
    const study = await loadStudy(this.dataSource.manager, StudyAccess.of(principal), id);
    if (!study) throw studyNotFound();
    return study;
  }

  /** Accounts a study may name as responsible: active researchers and admins. */
  researcherOptions(): Promise<ResearcherOption[]> {
    return this.dataSource.query(
      `SELECT id AS "accountId", display_name AS "displayName", email, role FROM account
        WHERE role IN ('researcher', 'admin') AND disabled_at IS NULL ORDER BY role DESC, display_name, email`,
    );
  }

  async create(principal: Principal, dto: CreateStudyDto): Promise<StudyView> {
    checkEthicsDay(dto.ethicsApprovedOn);
    const municipalityIds = [...(await this.municipalities.idsForCodes(dto.municipalityCodes, 'municipalityCodes')).values()];
    // A researcher who creates a study is responsible for it (else it would vanish from their list at once).
    const researcherIds = new Set(dto.researcherIds ?? []);
    if (principal.role === 'researcher' || researcherIds.size === 0) researcherIds.add(principal.accountId);
    const id = await this.dataSource.transaction(async (tx) => {
      await checkResearchers(tx, [...researcherIds]);
      const [{ id }]: { id: string }[] = await tx.query(
        `INSERT INTO study (title_lt, title_en, purpose_lt, purpose_en, ethics_committee, ethics_reference, ethics_approved_on, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          dto.titleLt,
          dto.titleEn,
          dto.purposeLt,
          dto.purposeEn,
          dto.ethicsCommittee ?? null,
          dto.ethicsReference ?? null,
          dto.ethicsApprovedOn ?? null,
          principal.accountId,
        ],
      );
      await setMembers(tx, id, municipalityIds, [...researcherIds]);
      // The pseudonym key: 256 random bits, made once; exports HMAC respondent ids with it.
      await tx.query(`INSERT INTO study_pseudonym_key (study_id, key) VALUES ($1, $2)`, [id, randomBytes(32)]);
      await recordAudit(tx, {
        actor: principal,
        action: 'study.created',
        targetType: 'study',
        targetId: id,
        details: { municipalities: municipalityIds.length, researchers: researcherIds.size },
      });
      return id;
    });
    return this.get(principal, id);
  }

  async update(principal: Principal, id: string, dto: UpdateStudyDto): Promise<StudyView> {
    checkEthicsDay(dto.ethicsApprovedOn);
    const municipalityIds = dto.municipalityCodes
      ? [...(await this.municipalities.idsForCodes(dto.municipalityCodes, 'municipalityCodes')).values()]
      : null;
    await this.dataSource.transaction(async (tx) => {
      await StudyAccess.of(principal).lockForChange(tx, id);
      if (dto.researcherIds) {
        if (!dto.researcherIds.length) throw researchersEmpty();
        await checkResearchers(tx, dto.researcherIds);
      }
      await tx.query(
        `UPDATE study SET title_lt = COALESCE($2, title_lt), title_en = COALESCE($3, title_en), purpose_lt = COALESCE($4, purpose_lt),
                purpose_en = COALESCE($5, purpose_en), ethics_committee = COALESCE($6, ethics_committee),
                ethics_reference = COALESCE($7, ethics_reference), ethics_approved_on = COALESCE($8::date, ethics_approved_on),
                updated_at = now()
          WHERE id = $1`,
        [
          id,
          dto.titleLt ?? null,
          dto.titleEn ?? null,
          dto.purposeLt ?? null,
          dto.purposeEn ?? null,
          dto.ethicsCommittee ?? null,
          dto.ethicsReference ?? null,
          dto.ethicsApprovedOn ?? null,
        ],
      );
      if (municipalityIds) await tx.query(`DELETE FROM study_municipality WHERE study_id = $1`, [id]);
      if (dto.researcherIds) await tx.query(`DELETE FROM study_researcher WHERE study_id = $1`, [id]);
      await setMembers(tx, id, municipalityIds ?? [], dto.researcherIds ?? []);
      const fields = Object.entries(dto)
        .filter(([, value]) => value !== undefined)
        .map(([key]) => key);
      await recordAudit(tx, { actor: principal, action: 'study.updated', targetType: 'study', targetId: id, details: { fields } });
    });
    return this.get(principal, id);
  }

  /** Starting fieldwork needs the ethics approval on record and a consent text (the database's CHECK says so too). */
  async setStatus(principal: Principal, id: string, status: StudyStatus): Promise<StudyView> {
    await this.dataSource.transaction(async (tx) => {
      const study = await StudyAccess.of(principal).lockForChange(tx, id);
      if (study.status === status) return;
      if (!NEXT[study.status].includes(status)) throw statusTransitionInvalid(study.status, status);
      if (status === 'active') {
        const [ready]: { committee: boolean; reference: boolean; approvedOn: boolean }[] = await tx.query(
          `SELECT ethics_committee IS NOT NULL AS committee, ethics_reference IS NOT NULL AS reference,
                  ethics_approved_on IS NOT NULL AS "approvedOn" FROM study WHERE id = $1`,
          [id],
        );
        const missing = [
          ...(study.currentConsentVersionId ? [] : ['consent']),
          ...(ready.committee ? [] : ['ethicsCommittee']),
          ...(ready.reference ? [] : ['ethicsReference']),
          ...(ready.approvedOn ? [] : ['ethicsApprovedOn']),
        ];
        if (missing.length) throw studyNotReady(missing);
      }
      await tx.query(`UPDATE study SET status = $2, updated_at = now() WHERE id = $1`, [id, status]);
      await recordAudit(tx, {
        actor: principal,
        action: 'study.status_changed',
        targetType: 'study',
        targetId: id,
        details: { from: study.status, to: status },
      });
    });
    return this.get(principal, id);
  }
}

async function setMembers(tx: EntityManager, studyId: string, municipalityIds: string[], researcherIds: string[]): Promise<void> {
  if (municipalityIds.length) {
    await tx.query(`INSERT INTO study_municipality (study_id, municipality_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [
      studyId,
      municipalityIds,
    ]);
  }
  if (researcherIds.length) {
    await tx.query(`INSERT INTO study_researcher (study_id, account_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [
      studyId,
      researcherIds,
    ]);
  }
}

async function checkResearchers(tx: EntityManager, ids: string[]): Promise<void> {
  const found: { id: string }[] = await tx.query(
    `SELECT id FROM account WHERE id = ANY($1::uuid[]) AND role IN ('researcher', 'admin') AND disabled_at IS NULL`,
    [ids],
  );
  const missing = ids.filter((id) => !found.some((row) => row.id === id));
  if (missing.length) throw researcherInvalid(missing);
}

/** A real calendar day, not in the future (an approval that has not happened is not on record). */
function checkEthicsDay(day: string | undefined): void {
  if (day === undefined) return;
  const parsed = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day) {
    throw invalidField('ETHICS_DATE_INVALID', 'ethicsApprovedOn', 'is not a calendar day');
  }
  if (parsed.getTime() > Date.now() + 24 * 3600_000)
    throw invalidField('ETHICS_DATE_INVALID', 'ethicsApprovedOn', 'must not be in the future');
}
