import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { recordAudit } from '@app/audit';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { AccessScope, type Principal } from '@app/http';
import { assertStudyForMeeting } from '@app/studies';
import { meetingHasSignups, meetingNotEditable } from '../consultations.errors';
import type { UpdateMeetingDto } from '../dto/meeting.dto';
import { MEETING_VIEW_SQL } from '../meeting-view';
import { everyoneSignedUp, sendBatch } from '../signups/message-batches';
import { promoteWaitlist } from '../signups/promotion';
import { scheduleReminder } from '../signups/reminder-schedule';
import { meetingInScope, type ScopedMeeting } from './meeting-scope';
import { planMeetingEdit } from './meeting-edit-plan';
import type { MeetingEditResult } from './meeting-records-view';
export type { MeetingEditResult } from './meeting-records-view';



/**
 * Staff correct a meeting instead of cancelling and recreating it. Everything happens under the
 * meeting's row lock (the lock sign-ups and cancellations take) in one transaction: the change,
 * promotions from the waitlist when places were added, the new reminder, the messages, the audit entry.
 */
@Injectable()
export class MeetingEditsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async update(principal: Principal, meetingId: string, dto: UpdateMeetingDto): Promise<MeetingEditResult> {
    const result = await this.dataSource.transaction(async (tx) => {
      const current = await meetingInScope(tx, AccessScope.of(principal), meetingId, true);
      if (current.cancelled_at) throw meetingNotEditable('cancelled');
      if (current.starts_at.getTime() <= Date.now()) throw meetingNotEditable('started');
      const [{ seats }] = await tx.query(`SELECT COALESCE(sum(seats), 0)::int AS seats FROM meeting_quota WHERE meeting_id = $1`, [meetingId]);
      const plan = planMeetingEdit({ ...current, quota_seats: seats }, dto);
      const studyChanged = await this.changeStudy(tx, principal, current, dto.studyId);
      if (studyChanged) plan.changed.push('studyId');
      if (!plan.changed.length) return { changed: [], promoted: 0, notified: 0, reminderPlanned: null };

      await tx.query(
        `UPDATE meeting SET title_lt = $2, title_en = $3, starts_at = $4, ends_at = $5, signup_deadline = $6, place = $7,
                online_url = $8, capacity = $9 WHERE id = $1`,
        [meetingId, plan.titleLt, plan.titleEn, plan.startsAt, plan.endsAt, plan.signupDeadline, plan.place, plan.onlineUrl, plan.capacity],
      );
      const promoted = plan.capacityIncreased ? await promoteWaitlist(tx, this.config, meetingId) : 0;
      let reminderPlanned: boolean | null = null;
      if (plan.changed.includes('startsAt')) {
        // Everyone is reminded again, for the new time, by a new job; the old one finds the time changed.
        await tx.query(`UPDATE signup SET reminded_at = NULL WHERE meeting_id = $1`, [meetingId]);
        reminderPlanned = await scheduleReminder(tx, this.config, meetingId);
      }
      let notified = 0;
      if (plan.timeChanged || plan.placeChanged) {
        const meeting = { title_lt: plan.titleLt, title_en: plan.titleEn, starts_at: plan.startsAt, place: plan.place, online_url: plan.onlineUrl };
        const recipients = await everyoneSignedUp(tx, meetingId);
        notified = await sendBatch(tx, this.config, { meetingId, kind: 'meeting_changed', meeting, recipients, actorAccountId: principal.accountId });
      }
      await recordAudit(tx, { actor: principal, action: 'meeting.updated', targetType: 'meeting', targetId: meetingId,
        municipalityId: current.municipality_id, details: { fields: plan.changed, promoted, notified } });
      return { changed: plan.changed, promoted, notified, reminderPlanned };
    });
    const [meeting] = await this.dataSource.query(`${MEETING_VIEW_SQL} WHERE m.id = $1`, [meetingId]);
    return { meeting, ...result };
  }

  /**
   * Putting a meeting under a study (or taking it out) changes what its sign-ups agree to, so it is
   * allowed only before anyone has signed up. Audited on the study. Returns whether it changed.
   */
  private async changeStudy(tx: EntityManager, principal: Principal, current: ScopedMeeting, studyId: string | null | undefined): Promise<boolean> {
    if (studyId === undefined || studyId === current.study_id) return false;
    const [{ signups }]: { signups: number }[] = await tx.query(`SELECT count(*)::int AS signups FROM signup WHERE meeting_id = $1`, [current.id]);
    if (signups > 0) throw meetingHasSignups(signups);
    if (studyId) await assertStudyForMeeting(tx, principal, studyId, current.municipality_id);
    await tx.query(`UPDATE meeting SET study_id = $2 WHERE id = $1`, [current.id, studyId]);
    if (current.study_id) {
      await recordAudit(tx, { actor: principal, action: 'study.meeting_unlinked', targetType: 'study', targetId: current.study_id,
        municipalityId: current.municipality_id, details: { meetingId: current.id } });
    }
    if (studyId) {
      await recordAudit(tx, { actor: principal, action: 'study.meeting_linked', targetType: 'study', targetId: studyId,
        municipalityId: current.municipality_id, details: { meetingId: current.id } });
    }
    return true;
  }
}
