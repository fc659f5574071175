import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MunicipalitiesService } from '@app/municipalities';
import { ConsentService, type PublicStudyConsent } from '@app/studies';
import { consultationNotFound, meetingNotFound } from '../consultations.errors';
import { CONSULTATION_VIEW_SQL, MEETING_VIEW_SQL, type ConsultationView, type MeetingView } from '../meeting-view';
import { consentText } from '../signups/consent';

/** Attendance is the staff's business; residents see places and waitlists. */
type PublicMeeting = Omit<MeetingView, 'attended'> & { consultationTitleLt: string; consultationTitleEn: string };

const publicMeeting = ({ attended: _attended, ...meeting }: MeetingView & { consultationTitleLt: string; consultationTitleEn: string }) => meeting;

/** What anyone may read: consultations, upcoming meetings, outcome reports. No names, ever. */
@Injectable()
export class PublicConsultationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly municipalities: MunicipalitiesService,
    private readonly studyConsent: ConsentService,
  ) {}

  /** Meetings not yet started and not cancelled, soonest first. */
  async upcomingMeetings(municipalityCode: string): Promise<PublicMeeting[]> {
    const municipality = await this.municipalities.getByCode(municipalityCode);
    const rows = await this.dataSource.query(
      `SELECT v.*, c.title_lt AS "consultationTitleLt", c.title_en AS "consultationTitleEn"
         FROM (${MEETING_VIEW_SQL} WHERE c.municipality_id = $1 AND m.cancelled_at IS NULL AND m.starts_at > now()) v
         JOIN consultation c ON c.id = v."consultationId" ORDER BY v."startsAt" LIMIT 200`,
      [municipality.id],
    );
    return rows.map(publicMeeting);
  }

  async consultations(municipalityCode: string): Promise<ConsultationView[]> {
    const municipality = await this.municipalities.getByCode(municipalityCode);
    return this.dataSource.query(`${CONSULTATION_VIEW_SQL} WHERE c.municipality_id = $1 ORDER BY c.created_at DESC`, [municipality.id]);
  }

  async consultation(id: string): Promise<ConsultationView> {
    const [view] = await this.dataSource.query(`${CONSULTATION_VIEW_SQL} WHERE c.id = $1`, [id]);
    if (!view) throw consultationNotFound();
    const meetings = await this.dataSource.query(`${MEETING_VIEW_SQL} WHERE m.consultation_id = $1 ORDER BY m.starts_at`, [id]);
    view.meetings = meetings.map((m: MeetingView) => publicMeeting({ ...m, consultationTitleLt: view.titleLt, consultationTitleEn: view.titleEn }));
    return view;
  }

  /** One meeting with the consent text the sign-up form shows, word for word as it is stored. */
  async meeting(id: string) {
    const [row] = await this.dataSource.query(
      `SELECT v.*, c.title_lt AS "consultationTitleLt", c.title_en AS "consultationTitleEn", c.institution, c.institution_en AS "institutionEn", c.phase,
              mu.code AS "municipalityCode"
         FROM (${MEETING_VIEW_SQL} WHERE m.id = $1) v
         JOIN consultation c ON c.id = v."consultationId" JOIN municipality mu ON mu.id = c.municipality_id`,
      [id],
    );
    if (!row) throw meetingNotFound();
    const study: PublicStudyConsent | null = row.studyId ? await this.studyConsent.publicConsent(row.studyId).catch(() => null) : null;
    // Under a study, contacts go after the shorter of the meeting's and the study's period (as signing up stores it).
    const days: number = study ? Math.min(row.retentionDays, study.consent.terms.contactsDays) : row.retentionDays;
    return { ...publicMeeting({ ...row, retentionDays: days }), consent: { lt: consentText('lt', days), en: consentText('en', days) }, study };
  }
}
