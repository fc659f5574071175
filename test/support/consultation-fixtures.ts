import { manageTokenFor } from '../../libs/consultations/src/signups/manage-tokens';
import { jobSpec } from '../../libs/jobs/src';
import type { TestAccount } from './factories';
import type { TestApp } from './test-app';

export const inHours = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();

/** A consultation in `municipalityCode`, created through the staff API and opened for sign-up. */
export async function createOpenConsultation(t: TestApp, staff: TestAccount, municipalityCode: string, phase = 'open'): Promise<string> {
  const created = await t.http
    .post('/api/consultations')
    .set(staff.auth)
    .send({ municipalityCode, titleLt: 'Biudžeto prioritetai', titleEn: 'Budget priorities', institution: 'Savivaldybės taryba', descriptionLt: 'Aprašas', descriptionEn: 'About' })
    .expect(201);
  if (phase !== 'announced') await t.http.patch(`/api/consultations/${created.body.id}`).set(staff.auth).send({ phase }).expect(200);
  return created.body.id;
}

export interface MeetingInput {
  kind?: string;
  capacity?: number;
  startsInHours?: number;
  quotas?: { partnerOrganisationId: string; seats: number }[];
  retentionDays?: number;
}

export async function createMeeting(t: TestApp, staff: TestAccount, consultationId: string, input: MeetingInput = {}) {
  const starts = input.startsInHours ?? 48;
  const res = await t.http
    .post(`/api/consultations/${consultationId}/meetings`)
    .set(staff.auth)
    .send({
      kind: input.kind ?? 'discussion',
      titleLt: 'Vieša diskusija',
      titleEn: 'Public discussion',
      startsAt: inHours(starts),
      endsAt: inHours(starts + 2),
      place: 'Kultūros centras, Vytauto g. 1',
      capacity: input.capacity ?? 30,
      retentionDays: input.retentionDays ?? 30,
      quotas: input.quotas ?? [],
    })
    .expect(201);
  return res.body as { id: string; startsAt: string; endsAt: string; titleLt: string; capacity: number };
}

/** The id of the reminder job planned for the meeting's current start time (as the registry derives it). */
export const reminderJobId = (meeting: { id: string; startsAt: string }) =>
  jobSpec('signups', 'remind', { meetingId: meeting.id, startsAt: meeting.startsAt }).jobId;

let people = 0;
/** A sign-up body for a new person (unique email), with consent. */
export const person = (extra: Record<string, unknown> = {}) => ({
  name: `Dalyvis ${++people}`,
  contact: `dalyvis.${people}.${process.pid}@example.lt`,
  consent: true,
  language: 'lt',
  ...extra,
});

export const signUp = (t: TestApp, meetingId: string, body: Record<string, unknown>) =>
  t.http.post(`/api/public/meetings/${meetingId}/signups`).send(body);

/**
 * What a resident does: asks for a place (202, pending), then opens the link from the email, which
 * confirms it. The link is the manage link the worker would put in the email, built from the
 * pending row's id (tests here run without a worker; consultations-jobs reads the real emails).
 */
export async function confirmedSignUp(t: TestApp, meetingId: string, body: Record<string, unknown>) {
  const asked = await signUp(t, meetingId, body);
  if (asked.status !== 202) throw new Error(`sign-up answered ${asked.status}: ${JSON.stringify(asked.body)}`);
  const manageToken = await pendingManageToken(t, meetingId, String(body.contact));
  const confirmed = await manage(t, 'post', '/confirm', manageToken).expect(200);
  return { status: confirmed.status, body: { ...confirmed.body, manageToken } };
}

/** The link a pending sign-up's confirmation email carries. */
export async function pendingManageToken(t: TestApp, meetingId: string, contact: string): Promise<string> {
  const { rows } = await t.db.query(`SELECT id FROM signup WHERE meeting_id = $1 AND contact_key = $2 AND status = 'pending'`, [
    meetingId,
    contact.trim().toLowerCase(),
  ]);
  if (rows.length !== 1) throw new Error(`expected one pending sign-up for ${contact}, found ${rows.length}`);
  return manageTokenFor(t.config.APP_SECRET, rows[0].id);
}

export const manage = (t: TestApp, method: 'get' | 'post', path: string, token: string) =>
  t.http[method](`/api/public/signup${path}`).set('x-manage-token', token);
