import { Inject, Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { rowsOf } from '@app/database';
import type { AccessScope } from '@app/http';
import { enqueueMessages } from '@app/mail';
import { checkinCodeUnknown, checkinNotConfirmed, meetingCancelled } from '../consultations.errors';
import type { StaffMessageDto } from '../dto/meeting.dto';
import { normaliseCheckinCode } from '../signups/checkin-codes';
import { manageUrlFor } from '../signups/links';
import { signupMessage, type Recipient } from '../signups/signup-messages';
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

  /** Marks attendance by check-in code; checking in twice is harmless and says so. */
  async checkIn(scope: AccessScope, meetingId: string, typed: string) {
    await meetingInScope(this.dataSource.manager, scope, meetingId);
    const code = normaliseCheckinCode(typed);
    const [row] = await this.dataSource.query(
      `SELECT id, status, name, attended_at AS "attendedAt" FROM signup WHERE meeting_id = $1 AND checkin_code = $2`,
      [meetingId, code],
    );
    if (!row) throw checkinCodeUnknown();
    if (row.status !== 'confirmed') throw checkinNotConfirmed(row.status);
    const [updated] = rowsOf<{ attendedAt: Date }>(await this.dataSource.query(
      `UPDATE signup SET attended_at = COALESCE(attended_at, now()) WHERE id = $1 RETURNING attended_at AS "attendedAt"`,
      [row.id],
    ));
    return { signupId: row.id as string, name: row.name as string | null, attendedAt: updated.attendedAt, alreadyCheckedIn: row.attendedAt !== null };
  }

  /** One message to everyone holding a place or waiting for one, each in their own language's frame. */
  async messageAll(scope: AccessScope, meetingId: string, dto: StaffMessageDto): Promise<{ recipients: number }> {
    return this.dataSource.transaction(async (tx) => {
      const meeting = await meetingInScope(tx, scope, meetingId);
      if (meeting.cancelled_at) throw meetingCancelled();
      const recipients: Recipient[] = await tx.query(
        `SELECT id, language, email, phone, checkin_code FROM signup
          WHERE meeting_id = $1 AND status <> 'cancelled' AND purged_at IS NULL ORDER BY position`,
        [meetingId],
      );
      await enqueueMessages(tx, recipients.map((r) => signupMessage('staff', meeting, r, manageUrlFor(this.config, r.id), dto)));
      return { recipients: recipients.length };
    });
  }
}

/** Spreadsheets would run typed text starting with = + - @ as a formula; phone numbers are ours (E.164) and keep their +. */
const formulaSafe = (typed: string | null) => (typed === null ? '' : /^[=+\-@\t\r]/.test(typed) ? `'${typed}` : typed);
