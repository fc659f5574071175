import type { EntityManager } from 'typeorm';
import type { AppConfig } from '@app/config';
import { enqueueMessages, MANAGE_URL_PLACEHOLDER } from '@app/mail';
import { signupMessage, type MeetingForMessage, type MessageKind, type Recipient } from './signup-messages';

/** The preview staff see is rendered for no one: no contact, no check-in code, a placeholder for the personal link. */
const NOBODY: Recipient = { id: '', language: 'lt', email: null, phone: null, checkin_code: null };
export const PREVIEW_LINK = '[asmeninė nuoroda / personal link]';

/** Everyone holding a place or waiting for one (not the unconfirmed), whose contact details are still kept. */
export const everyoneSignedUp = (tx: EntityManager, meetingId: string): Promise<Recipient[]> =>
  tx.query(
    `SELECT id, language, email, phone, checkin_code FROM signup
      WHERE meeting_id = $1 AND status IN ('confirmed', 'waitlisted') AND purged_at IS NULL ORDER BY position`,
    [meetingId],
  );

export interface Batch {
  meetingId: string;
  kind: MessageKind;
  meeting: MeetingForMessage;
  recipients: Recipient[];
  /** null: sent by the platform itself (reminders). */
  actorAccountId: string | null;
  staffText?: { subject: string; body: string };
}

/**
 * One message to many, in the caller's transaction: a meeting_message row (the history staff see:
 * kind, when, how many, a preview without personal data) and each person's message with its send job.
 */
export async function sendBatch(tx: EntityManager, _config: AppConfig, batch: Batch): Promise<number> {
  const rendered = signupMessage(batch.kind, batch.meeting, NOBODY, { staffText: batch.staffText });
  const preview = { ...rendered, body: rendered.body.replaceAll(MANAGE_URL_PLACEHOLDER, PREVIEW_LINK) };
  const [{ id }]: { id: string }[] = await tx.query(
    `INSERT INTO meeting_message (meeting_id, kind, subject_preview, body_preview, recipients, actor_account_id)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [batch.meetingId, batch.kind, preview.subject, preview.body, batch.recipients.length, batch.actorAccountId],
  );
  await enqueueMessages(
    tx,
    // Stored without the link or the code: the worker fills them in as it sends (libs/mail message-secrets).
    batch.recipients.map((r) => ({ ...signupMessage(batch.kind, batch.meeting, r, { staffText: batch.staffText }), batchId: id })),
  );
  return batch.recipients.length;
}
