import type { EntityManager } from 'typeorm';
import { addToOutbox, jobSpec } from '@app/jobs';

export type MessageChannel = 'email' | 'sms';

export interface NewMessage {
  signupId: string | null;
  /** What prompted it (confirmation, reminder, ...): for staff and tests, never shown to others. */
  kind: string;
  channel: MessageChannel;
  recipient: string;
  subject: string;
  body: string;
  /** The meeting_message row (a message sent to many at once) this one belongs to, for the history. */
  batchId?: string | null;
}

/**
 * Stores messages and their send jobs in the caller's transaction: if it commits, each message
 * will be sent (the outbox hands it to the worker even after a Redis or mail-server outage); if it
 * rolls back, nothing was promised. Returns the message ids.
 */
export async function enqueueMessages(tx: EntityManager, messages: NewMessage[]): Promise<string[]> {
  if (!messages.length) return [];
  const rows: { id: string }[] = await tx.query(
    `INSERT INTO message (signup_id, kind, channel, recipient, subject, body, batch_id)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[])
     RETURNING id`,
    [
      messages.map((m) => m.signupId),
      messages.map((m) => m.kind),
      messages.map((m) => m.channel),
      messages.map((m) => m.recipient),
      messages.map((m) => m.subject),
      messages.map((m) => m.body),
      messages.map((m) => m.batchId ?? null),
    ],
  );
  await addToOutbox(tx, rows.map((row) => jobSpec('messages', 'send', { messageId: row.id })));
  return rows.map((row) => row.id);
}
