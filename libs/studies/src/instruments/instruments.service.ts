import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { recordAudit } from '@app/audit';
import { pgErrorCode, PG_UNIQUE_VIOLATION } from '@app/database';
import type { Principal } from '@app/http';
import { StudyAccess, type LockedStudy } from '../access/study-access';
import type { AttachInstrumentDto, UpdateInstrumentDto } from '../dto/instrument.dto';
import { questionNames } from '../policy/definition-questions';
import { StudiesService } from '../studies/studies.service';
import {
  instrumentHasResponses,
  instrumentNotFound,
  quasiIdentifierUnknown,
  questionUnknown,
  studyClosed,
  surveyInOtherStudy,
  surveyNotFound,
  surveyNotPublished,
} from '../studies.errors';
import type { StudyView } from '../study-view';

/**
 * A study's instruments: published surveys, each in at most one study (the table's key). Once
 * responses were given under the study's consent the instrument stays: they point at its consent.
 */
@Injectable()
export class InstrumentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly studies: StudiesService,
  ) {}

  async attach(principal: Principal, studyId: string, dto: AttachInstrumentDto): Promise<StudyView> {
    await this.dataSource.transaction(async (tx) => {
      const study = await StudyAccess.of(principal).lockForChange(tx, studyId);
      if (study.status === 'closed') throw studyClosed();
      const definition = await publishedDefinition(tx, dto.surveyId);
      const mapping = checkMapping(study, definition, dto.quasiIdentifierQuestions ?? {});
      try {
        await tx.query(
          `INSERT INTO study_instrument (survey_id, study_id, role, quasi_identifier_questions, attached_by) VALUES ($1, $2, $3, $4, $5)`,
          [dto.surveyId, studyId, dto.role, mapping, principal.accountId],
        );
      } catch (error) {
        if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw surveyInOtherStudy();
        throw error;
      }
      await recordAudit(tx, {
        actor: principal,
        action: 'study.instrument_attached',
        targetType: 'study',
        targetId: studyId,
        details: { surveyId: dto.surveyId, role: dto.role },
      });
    });
    return this.studies.get(principal, studyId);
  }

  async update(principal: Principal, studyId: string, surveyId: string, dto: UpdateInstrumentDto): Promise<StudyView> {
    await this.dataSource.transaction(async (tx) => {
      const study = await StudyAccess.of(principal).lockForChange(tx, studyId);
      await instrumentOf(tx, studyId, surveyId);
      const mapping = dto.quasiIdentifierQuestions
        ? checkMapping(study, await publishedDefinition(tx, surveyId), dto.quasiIdentifierQuestions)
        : null;
      await tx.query(
        `UPDATE study_instrument SET role = COALESCE($3, role), quasi_identifier_questions = COALESCE($4, quasi_identifier_questions)
          WHERE study_id = $1 AND survey_id = $2`,
        [studyId, surveyId, dto.role ?? null, mapping],
      );
      const fields = Object.entries(dto)
        .filter(([, value]) => value !== undefined)
        .map(([key]) => key);
      await recordAudit(tx, {
        actor: principal,
        action: 'study.instrument_updated',
        targetType: 'study',
        targetId: studyId,
        details: { surveyId, fields },
      });
    });
    return this.studies.get(principal, studyId);
  }

  async detach(principal: Principal, studyId: string, surveyId: string): Promise<StudyView> {
    await this.dataSource.transaction(async (tx) => {
      await StudyAccess.of(principal).lockForChange(tx, studyId);
      await instrumentOf(tx, studyId, surveyId);
      // Responses being stored hold the study row FOR SHARE, so this count cannot miss one in flight.
      const [{ responses }]: { responses: number }[] = await tx.query(
        `SELECT count(*)::int AS responses FROM response r JOIN consent_version cv ON cv.id = r.consent_version_id
          WHERE r.survey_id = $1 AND cv.study_id = $2`,
        [surveyId, studyId],
      );
      if (responses > 0) throw instrumentHasResponses(responses);
      await tx.query(`DELETE FROM study_instrument WHERE study_id = $1 AND survey_id = $2`, [studyId, surveyId]);
      await recordAudit(tx, {
        actor: principal,
        action: 'study.instrument_detached',
        targetType: 'study',
        targetId: studyId,
        details: { surveyId },
      });
    });
    return this.studies.get(principal, studyId);
  }
}

async function instrumentOf(tx: EntityManager, studyId: string, surveyId: string): Promise<void> {
  const [row] = await tx.query(`SELECT 1 FROM study_instrument WHERE study_id = $1 AND survey_id = $2`, [studyId, surveyId]);
  if (!row) throw instrumentNotFound();
}

/** The survey's newest published definition. Researchers and admins see every survey, so any id that exists will do. */
async function publishedDefinition(tx: EntityManager, surveyId: string): Promise<Record<string, unknown>> {
  const [survey]: { definition: Record<string, unknown> | null }[] = await tx.query(
    `SELECT (SELECT v.definition FROM survey_version v WHERE v.survey_id = s.id AND v.published_at IS NOT NULL
              ORDER BY v.version DESC LIMIT 1) AS definition
       FROM survey s WHERE s.id = $1`,
    [surveyId],
  );
  if (!survey) throw surveyNotFound();
  if (!survey.definition) throw surveyNotPublished();
  return survey.definition;
}

/** Each key a quasi-identifier of the study, each value a question of the survey's current version. */
function checkMapping(study: LockedStudy, definition: Record<string, unknown>, mapping: Record<string, unknown>): Record<string, string> {
  const questions = questionNames(definition);
  for (const [quasiIdentifier, question] of Object.entries(mapping)) {
    if (!study.quasiIdentifiers.includes(quasiIdentifier) || quasiIdentifier === 'municipality')
      throw quasiIdentifierUnknown(quasiIdentifier);
    if (typeof question !== 'string' || !questions.has(question)) throw questionUnknown(quasiIdentifier, String(question).slice(0, 100));
  }
  return mapping as Record<string, string>;
}
