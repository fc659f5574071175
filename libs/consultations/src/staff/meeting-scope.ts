import type { EntityManager } from 'typeorm';
import type { AccessScope } from '@app/http';
import { consultationNotFound, meetingNotFound } from '../consultations.errors';

/**
 * Staff reach consultations and meetings of their own municipalities only; anything else is
 * "not found", so ids from elsewhere reveal nothing. `lock` takes the meeting row for the
 * transaction (the same lock sign-ups take), so staff changes and sign-ups never interleave.
 */
export async function consultationInScope(tx: EntityManager, scope: AccessScope, id: string) {
  const [row] = await tx.query(
    `SELECT id, municipality_id, phase FROM consultation WHERE id = $1 AND ($2::uuid[] IS NULL OR municipality_id = ANY($2))`,
    [id, scope.municipalityIdsOrNull()],
  );
  if (!row) throw consultationNotFound();
  return row as { id: string; municipality_id: string; phase: string };
}

export interface ScopedMeeting {
  id: string;
  consultation_id: string;
  municipality_id: string;
  title_lt: string;
  title_en: string;
  starts_at: Date;
  ends_at: Date;
  signup_deadline: Date;
  place: string | null;
  online_url: string | null;
  capacity: number;
  confirmed_count: number;
  cancelled_at: Date | null;
  study_id: string | null;
}

export async function meetingInScope(tx: EntityManager, scope: AccessScope, id: string, lock = false): Promise<ScopedMeeting> {
  const [row] = await tx.query(
    `SELECT m.id, m.consultation_id, c.municipality_id, m.title_lt, m.title_en, m.starts_at, m.ends_at, m.signup_deadline, m.place,
            m.online_url, m.capacity, m.confirmed_count, m.cancelled_at, m.study_id
       FROM meeting m JOIN consultation c ON c.id = m.consultation_id
      WHERE m.id = $1 AND ($2::uuid[] IS NULL OR c.municipality_id = ANY($2))${lock ? ' FOR UPDATE OF m' : ''}`,
    [id, scope.municipalityIdsOrNull()],
  );
  if (!row) throw meetingNotFound();
  return row;
}
