import { Inject, Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { rowsOf } from '@app/database';
import { recordAudit } from '@app/audit';
import { AccessScope, type Principal } from '@app/http';
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
        WHERE s.meeting_id = $1
        ORDER BY CASE s.status WHEN 'confirmed' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END, s.position`,
      [meetingId],
    );
    return rows;
  }

  async csv(scope: AccessScope, meetingId: string): Promise<string> {
    const rows = await this.list(scope, meetingId);
    return stringify(
      rows.map((r) => ({
        status: r.status,
        name: formulaSafe(r.name),
        email: r.email ?? '',
        phone: r.phone ?? '',
        organisation: formulaSafe(r.organisation),
        partner_organisation: r.partnerOrganisation ?? '',
        checkin_code: r.checkinCode ?? '',
        signed_up_at: r.createdAt.toISOString(),
        attended: r.attendedAt ? 'yes' : 'no',
      })),
      { header: true },
    );
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

/** Spreadsheets would run typed text starting with = + - @ as a formula; phone numbers are ours (E.164) and keep their +. */
const formulaSafe = (typed: string | null) => (typed === null ? '' : /^[=+\-@\t\r]/.test(typed) ? `'${typed}` : typed);
