import { Inject, Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { rowsOf } from '@app/database';
import { recordAudit } from '@app/audit';
import { AccessScope, CsvDownload, formulaSafe, vilniusDate, vilniusDateTime, type CsvLanguage, type Principal } from '@app/http';
import { checkinCodeUnknown, checkinNotConfirmed, checkinNotMeetingDay, meetingCancelled } from '../consultations.errors';
import type { CheckInDto, StaffMessageDto } from '../dto/meeting.dto';
import { normaliseCheckinCode } from '../signups/checkin-codes';
import { everyoneSignedUp, sendBatch } from '../signups/message-batches';
import { meetingInScope } from './meeting-scope';

import type { SignupRow } from '../meeting-view';
export type { SignupRow } from '../meeting-view';

/** Staff work with one meeting's sign-ups: the list (and CSV), check-in, and messages to all. */
@Injectable()
export class SignupListService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(scope: AccessScope, meetingId: string): Promise<SignupRow[]> {
    await meetingInScope(this.dataSource.manager, scope, meetingId);
    const rows = await this.dataSource.query(
      `SELECT s.id, s.position::int AS position, s.status, s.name, s.email, s.phone, s.organisation, p.name AS "partnerOrganisation",
              s.checkin_code AS "checkinCode", s.created_at AS "createdAt", s.cancelled_at AS "cancelledAt",
              s.attended_at AS "attendedAt", s.purged_at IS NOT NULL AS purged
         FROM signup s LEFT JOIN partner_organisation p ON p.id = s.partner_organisation_id
        WHERE s.meeting_id = $1 AND s.status <> 'pending'
        ORDER BY CASE s.status WHEN 'confirmed' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END, s.position`,
      [meetingId],
    );
    return rows;
  }

  /** The list as a spreadsheet: headers and values in the caller's language, Vilnius time, named after the place and day. */
  async csv(principal: Principal, meetingId: string, language: CsvLanguage): Promise<CsvDownload> {
    const rows = await this.list(AccessScope.of(principal), meetingId);
    const [meeting] = await this.dataSource.query(
      `SELECT m.starts_at, mu.code, mu.id AS municipality_id FROM meeting m JOIN consultation c ON c.id = m.consultation_id
         JOIN municipality mu ON mu.id = c.municipality_id WHERE m.id = $1`,
      [meetingId],
    );
    await recordAudit(this.dataSource.manager, { actor: principal, action: 'signups.exported', targetType: 'meeting', targetId: meetingId,
      municipalityId: meeting.municipality_id, details: { rows: rows.length } });
    const t = CSV_TEXT[language];
    const body = stringify(
      rows.map((r) => [
        t.status[r.status as keyof typeof t.status] ?? r.status,
        formulaSafe(r.name),
        r.email ?? '',
        r.phone ?? '',
        formulaSafe(r.organisation),
        r.partnerOrganisation ?? '',
        r.checkinCode ?? '',
        vilniusDateTime(r.createdAt),
        r.attendedAt ? t.yes : t.no,
      ]),
      { header: true, columns: t.columns },
    );
    return new CsvDownload(`signups-${meeting.code}-${vilniusDate(meeting.starts_at)}.csv`, body);
  }

  /**
   * Marks attendance by check-in code; checking in twice is harmless and says so. Only on the
   * meeting's day (Vilnius time, the days it spans), so a code shown early does not count as
   * attendance; on another day staff must give a reason, stored with the attendance.
   */
  async checkIn(principal: Principal, meetingId: string, dto: CheckInDto) {
    return this.dataSource.transaction(async (tx) => {
      const meeting = await meetingInScope(tx, AccessScope.of(principal), meetingId);
      const [day] = await tx.query(
        `SELECT (now() AT TIME ZONE '${VILNIUS}')::date BETWEEN (starts_at AT TIME ZONE '${VILNIUS}')::date
                AND (ends_at AT TIME ZONE '${VILNIUS}')::date AS "onDay", to_char(starts_at AT TIME ZONE '${VILNIUS}', 'YYYY-MM-DD') AS "meetingDay"
           FROM meeting WHERE id = $1`,
        [meetingId],
      );
      const override = day.onDay ? null : dto.overrideReason?.trim() || null;
      if (!day.onDay && !override) throw checkinNotMeetingDay(day.meetingDay);
      const [row] = await tx.query(
        `SELECT id, status, name, attended_at AS "attendedAt" FROM signup WHERE meeting_id = $1 AND checkin_code = $2 FOR UPDATE`,
        [meetingId, normaliseCheckinCode(dto.code)],
      );
      if (!row) throw checkinCodeUnknown();
      if (row.status !== 'confirmed') throw checkinNotConfirmed(row.status);
      const alreadyCheckedIn = row.attendedAt !== null;
      const [updated] = rowsOf<{ attendedAt: Date }>(await tx.query(
        `UPDATE signup SET attended_at = COALESCE(attended_at, now()), checked_in_by = COALESCE(checked_in_by, $2),
                checkin_override_reason = CASE WHEN attended_at IS NULL THEN $3 ELSE checkin_override_reason END
          WHERE id = $1 RETURNING attended_at AS "attendedAt"`,
        [row.id, principal.accountId, override],
      ));
      if (override && !alreadyCheckedIn) {
        await recordAudit(tx, { actor: principal, action: 'meeting.checkin_override', targetType: 'meeting', targetId: meetingId,
          municipalityId: meeting.municipality_id, details: { onMeetingDay: false } });
      }
      return { signupId: row.id as string, name: row.name as string | null, attendedAt: updated.attendedAt, alreadyCheckedIn, overridden: override !== null };
    });
  }

  /** One message to everyone holding a place or waiting for one, each in their own language's frame. */
  async messageAll(principal: Principal, meetingId: string, dto: StaffMessageDto): Promise<{ recipients: number }> {
    return this.dataSource.transaction(async (tx) => {
      const meeting = await meetingInScope(tx, AccessScope.of(principal), meetingId);
      if (meeting.cancelled_at) throw meetingCancelled();
      const recipients = await sendBatch(tx, this.config, {
        meetingId, kind: 'staff', meeting, recipients: await everyoneSignedUp(tx, meetingId), actorAccountId: principal.accountId, staffText: dto,
      });
      await recordAudit(tx, { actor: principal, action: 'meeting.messaged', targetType: 'meeting', targetId: meetingId,
        municipalityId: meeting.municipality_id, details: { recipients } });
      return { recipients };
    });
  }
}

const VILNIUS = 'Europe/Vilnius';

/** Phone numbers are ours (E.164) and keep their +: only what people typed is defused (formulaSafe). */
const CSV_TEXT = {
  lt: {
    columns: ['Būsena', 'Vardas ir pavardė', 'El. paštas', 'Telefonas', 'Organizacija', 'Partnerių organizacija', 'Registracijos kodas', 'Užsiregistravo', 'Dalyvavo'],
    status: { confirmed: 'patvirtinta', waitlisted: 'laukia', cancelled: 'atšaukta' },
    yes: 'taip',
    no: 'ne',
  },
  en: {
    columns: ['Status', 'Name', 'E-mail', 'Phone', 'Organisation', 'Partner organisation', 'Check-in code', 'Signed up', 'Attended'],
    status: { confirmed: 'confirmed', waitlisted: 'waitlisted', cancelled: 'cancelled' },
    yes: 'yes',
    no: 'no',
  },
} as const;
