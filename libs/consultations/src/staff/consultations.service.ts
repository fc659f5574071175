import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { recordAudit } from '@app/audit';
import { AccessScope, type Principal } from '@app/http';
import { MunicipalitiesService } from '@app/municipalities';
import { assertStudyForMeeting } from '@app/studies';
import {
  consultationNotFound,
  invalidField,
  meetingAlreadyCancelled,
  meetingsNotHeld,
  outsideScope,
  reportOnlyByPublishing,
} from '../consultations.errors';
import type { CreateConsultationDto, OutcomeReportDto, UpdateConsultationDto } from '../dto/consultation.dto';
import type { CreateMeetingDto } from '../dto/meeting.dto';
import { CONSULTATION_VIEW_SQL, MEETING_VIEW_SQL, type ConsultationView, type MeetingView } from '../meeting-view';
import { everyoneSignedUp, sendBatch } from '../signups/message-batches';
import { scheduleReminder } from '../signups/reminder-schedule';
import { consultationInScope, meetingInScope } from './meeting-scope';

const IN_SCOPE = `($1::uuid[] IS NULL OR c.municipality_id = ANY($1))`;

/** What municipal staff do with consultations and their meetings (admins too, everywhere). */
@Injectable()
export class ConsultationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly municipalities: MunicipalitiesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  list(scope: AccessScope): Promise<ConsultationView[]> {
    return this.dataSource.query(`${CONSULTATION_VIEW_SQL} WHERE ${IN_SCOPE} ORDER BY c.created_at DESC`, [scope.municipalityIdsOrNull()]);
  }

  async get(scope: AccessScope, id: string): Promise<ConsultationView> {
    const [view] = await this.dataSource.query(`${CONSULTATION_VIEW_SQL} WHERE c.id = $2 AND ${IN_SCOPE}`, [scope.municipalityIdsOrNull(), id]);
    if (!view) throw consultationNotFound();
    view.meetings = await this.dataSource.query(`${MEETING_VIEW_SQL} WHERE m.consultation_id = $1 ORDER BY m.starts_at`, [id]);
    return view;
  }

  async create(scope: AccessScope, accountId: string, dto: CreateConsultationDto): Promise<ConsultationView> {
    const municipalityId = (await this.municipalities.idsForCodes([dto.municipalityCode], 'municipalityCode')).get(dto.municipalityCode)!;
    if (!scope.covers(municipalityId)) throw outsideScope('municipalityCode');
    const [{ id }] = await this.dataSource.query(
      `INSERT INTO consultation (municipality_id, title_lt, title_en, description_lt, description_en, institution, institution_en, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [municipalityId, dto.titleLt, dto.titleEn, dto.descriptionLt, dto.descriptionEn, dto.institution, dto.institutionEn ?? dto.institution, accountId],
    );
    return this.get(scope, id);
  }

  async update(principal: Principal, id: string, dto: UpdateConsultationDto): Promise<ConsultationView> {
    const scope = AccessScope.of(principal);
    if (dto.phase === 'reported') throw reportOnlyByPublishing();
    await this.dataSource.transaction(async (tx) => {
      const consultation = await consultationInScope(tx, scope, id);
      await tx.query(
        `UPDATE consultation SET phase = COALESCE($2, phase), title_lt = COALESCE($3, title_lt), title_en = COALESCE($4, title_en),
                description_lt = COALESCE($5, description_lt), description_en = COALESCE($6, description_en),
                institution = COALESCE($7, institution), institution_en = COALESCE($8, institution_en),
                -- Leaving 'reported' withdraws the report from the public page (it is kept for re-publishing).
                report_published_at = CASE WHEN $2 IS NULL THEN report_published_at ELSE NULL END,
                updated_at = now()
          WHERE id = $1`,
        [id, dto.phase ?? null, dto.titleLt ?? null, dto.titleEn ?? null, dto.descriptionLt ?? null, dto.descriptionEn ?? null,
          dto.institution ?? null, dto.institutionEn ?? null],
      );
      const fields = Object.entries(dto).filter(([, value]) => value !== undefined).map(([key]) => key);
      await recordAudit(tx, { actor: principal, action: 'consultation.updated', targetType: 'consultation', targetId: id,
        municipalityId: consultation.municipality_id, details: { fields } });
    });
    return this.get(scope, id);
  }

  /**
   * Publishes (or replaces) the outcome report. Publishing before every meeting was held is
   * allowed, but only when the caller says so (the web page warns first).
   */
  async publishReport(principal: Principal, id: string, dto: OutcomeReportDto): Promise<ConsultationView> {
    const scope = AccessScope.of(principal);
    await this.dataSource.transaction(async (tx) => {
      const consultation = await consultationInScope(tx, scope, id);
      const [{ unheld }] = await tx.query(
        `SELECT count(*)::int AS unheld FROM meeting WHERE consultation_id = $1 AND cancelled_at IS NULL AND ends_at > now()`,
        [id],
      );
      if (unheld > 0 && dto.confirmUnheldMeetings !== true) throw meetingsNotHeld(unheld);
      await tx.query(
        `UPDATE consultation SET heard_lt = $2, heard_en = $3, decided_lt = $4, decided_en = $5, phase = 'reported',
                report_published_at = now(), updated_at = now() WHERE id = $1`,
        [id, dto.heardLt, dto.heardEn, dto.decidedLt, dto.decidedEn],
      );
      await recordAudit(tx, { actor: principal, action: 'consultation.report_published', targetType: 'consultation', targetId: id,
        municipalityId: consultation.municipality_id, details: { unheldMeetings: unheld } });
    });
    return this.get(scope, id);
  }

  async addMeeting(principal: Principal, consultationId: string, dto: CreateMeetingDto): Promise<MeetingView> {
    const deadline = dto.signupDeadline ?? dto.startsAt;
    checkMeetingInput(dto, deadline);
    const id = await this.dataSource.transaction(async (tx) => {
      const consultation = await consultationInScope(tx, AccessScope.of(principal), consultationId);
      if (dto.studyId) await assertStudyForMeeting(tx, principal, dto.studyId, consultation.municipality_id);
      const [{ id }] = await tx.query(
        `INSERT INTO meeting (consultation_id, kind, title_lt, title_en, starts_at, ends_at, signup_deadline, place, online_url, capacity,
                              retention_days, study_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [consultationId, dto.kind, dto.titleLt, dto.titleEn, dto.startsAt, dto.endsAt, deadline, dto.place ?? null, dto.onlineUrl ?? null, dto.capacity,
          dto.retentionDays, dto.studyId ?? null],
      );
      if (dto.studyId) {
        await recordAudit(tx, { actor: principal, action: 'study.meeting_linked', targetType: 'study', targetId: dto.studyId,
          municipalityId: consultation.municipality_id, details: { meetingId: id } });
      }
      if (dto.quotas.length) {
        const ids = dto.quotas.map((q) => q.partnerOrganisationId);
        const [{ known }] = await tx.query(`SELECT count(*)::int AS known FROM partner_organisation WHERE id = ANY($1)`, [ids]);
        if (known !== ids.length) throw invalidField('QUOTA_INVALID', 'quotas', 'names an organisation that is not a partner');
        await tx.query(
          `INSERT INTO meeting_quota (meeting_id, partner_organisation_id, seats) SELECT $1, * FROM unnest($2::uuid[], $3::int[])`,
          [id, ids, dto.quotas.map((q) => q.seats)],
        );
      }
      await scheduleReminder(tx, this.config, id);
      return id as string;
    });
    const [view] = await this.dataSource.query(`${MEETING_VIEW_SQL} WHERE m.id = $1`, [id]);
    return view;
  }

  /** Cancels a meeting and tells everyone holding a place or waiting for one. */
  async cancelMeeting(principal: Principal, meetingId: string): Promise<{ notified: number }> {
    return this.dataSource.transaction(async (tx) => {
      const meeting = await meetingInScope(tx, AccessScope.of(principal), meetingId, true);
      if (meeting.cancelled_at) throw meetingAlreadyCancelled();
      await tx.query(`UPDATE meeting SET cancelled_at = now() WHERE id = $1`, [meetingId]);
      const recipients = await everyoneSignedUp(tx, meetingId);
      const notified = await sendBatch(tx, this.config, { meetingId, kind: 'meeting_cancelled', meeting, recipients, actorAccountId: principal.accountId });
      await recordAudit(tx, { actor: principal, action: 'meeting.cancelled', targetType: 'meeting', targetId: meetingId,
        municipalityId: meeting.municipality_id, details: { notified } });
      return { notified };
    });
  }
}

/** Rules across fields, each reported on the field a person would correct. */
function checkMeetingInput(dto: CreateMeetingDto, deadline: Date): void {
  if (dto.startsAt.getTime() <= Date.now()) throw invalidField('MEETING_TIME_INVALID', 'startsAt', 'must be in the future');
  if (dto.endsAt <= dto.startsAt) throw invalidField('MEETING_TIME_INVALID', 'endsAt', 'must be after startsAt');
  if (deadline > dto.startsAt) throw invalidField('MEETING_TIME_INVALID', 'signupDeadline', 'must not be after startsAt');
  if (deadline.getTime() <= Date.now()) throw invalidField('MEETING_TIME_INVALID', 'signupDeadline', 'must be in the future');
  if (!dto.place && !dto.onlineUrl) throw invalidField('MEETING_PLACE_MISSING', 'place', 'or onlineUrl must be given');
  const ids = dto.quotas.map((q) => q.partnerOrganisationId);
  if (new Set(ids).size !== ids.length) throw invalidField('QUOTA_INVALID', 'quotas', 'names an organisation twice');
  const seats = dto.quotas.reduce((sum, q) => sum + q.seats, 0);
  if (seats > dto.capacity) throw invalidField('QUOTA_INVALID', 'quotas', `hold ${seats} seats in all, more than the capacity (${dto.capacity})`);
}
