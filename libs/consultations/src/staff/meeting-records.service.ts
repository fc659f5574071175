import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccessScope } from '@app/http';
import { meetingInScope } from './meeting-scope';
import type { MessageHistoryItem, AttendanceSheet } from './meeting-records-view';
export type { MessageHistoryItem, AttendanceSheet } from './meeting-records-view';




const LITHUANIAN = new Intl.Collator('lt');

/** What staff look back at: the messages a meeting's people were sent, and the sheet to print for the door. */
@Injectable()
export class MeetingRecordsService {
  constructor(private readonly dataSource: DataSource) {}

  async messageHistory(scope: AccessScope, meetingId: string): Promise<MessageHistoryItem[]> {
    await meetingInScope(this.dataSource.manager, scope, meetingId);
    return this.dataSource.query(
      `SELECT b.id, b.kind, b.created_at AS "createdAt", a.email AS "sentBy", b.recipients,
              count(m.id) FILTER (WHERE m.sent_at IS NOT NULL)::int AS sent,
              count(m.id) FILTER (WHERE m.sent_at IS NULL AND m.purged_at IS NULL)::int AS pending,
              count(m.id) FILTER (WHERE m.sent_at IS NULL AND m.last_error IS NOT NULL)::int AS failing,
              b.subject_preview AS "subjectPreview", b.body_preview AS "bodyPreview"
         FROM meeting_message b
         LEFT JOIN account a ON a.id = b.actor_account_id
         LEFT JOIN message m ON m.batch_id = b.id
        WHERE b.meeting_id = $1
        GROUP BY b.id, a.email ORDER BY b.created_at DESC, b.id`,
      [meetingId],
    );
  }

  async attendanceSheet(scope: AccessScope, meetingId: string): Promise<AttendanceSheet> {
    await meetingInScope(this.dataSource.manager, scope, meetingId);
    const [meeting] = await this.dataSource.query(
      `SELECT m.id, m.title_lt AS "titleLt", m.title_en AS "titleEn", m.starts_at AS "startsAt", m.ends_at AS "endsAt", m.place,
              m.online_url AS "onlineUrl", to_char(m.starts_at AT TIME ZONE 'Europe/Vilnius', 'YYYY-MM-DD') AS "localDate",
              to_char(m.starts_at AT TIME ZONE 'Europe/Vilnius', 'HH24:MI') || '–' || to_char(m.ends_at AT TIME ZONE 'Europe/Vilnius', 'HH24:MI') AS "localTime",
              mu.code AS "municipalityCode", mu.name_lt AS "municipalityNameLt", mu.name_en AS "municipalityNameEn",
              c.title_lt AS "consultationTitleLt", c.title_en AS "consultationTitleEn", c.institution, c.institution_en AS "institutionEn",
              m.contacts_purged_at IS NOT NULL AS purged
         FROM meeting m JOIN consultation c ON c.id = m.consultation_id JOIN municipality mu ON mu.id = c.municipality_id
        WHERE m.id = $1`,
      [meetingId],
    );
    const people = await this.dataSource.query(
      `SELECT s.id AS "signupId", s.name, s.organisation, p.name AS "partnerOrganisation", s.checkin_code AS "checkinCode",
              s.attended_at IS NOT NULL AS attended
         FROM signup s LEFT JOIN partner_organisation p ON p.id = s.partner_organisation_id
        WHERE s.meeting_id = $1 AND s.status = 'confirmed'
        ORDER BY s.position`,
      [meetingId],
    );
    // Sorted here, not in SQL: the embedded PostgreSQL of `npm start` may lack ICU collations.
    people.sort((a: { name: string | null }, b: { name: string | null }) => LITHUANIAN.compare(a.name ?? '', b.name ?? ''));
    const { purged, ...rest } = meeting;
    return { meeting: rest, people, purged };
  }
}
