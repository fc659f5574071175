/** One meeting as staff and residents see it: counts, never names. `$n` params are bound by callers. */
export const MEETING_VIEW_SQL = `
  SELECT m.id, m.consultation_id AS "consultationId", m.kind, m.title_lt AS "titleLt", m.title_en AS "titleEn",
         m.starts_at AS "startsAt", m.ends_at AS "endsAt", m.signup_deadline AS "signupDeadline",
         m.place, m.online_url AS "onlineUrl", m.capacity, m.retention_days AS "retentionDays",
         m.cancelled_at AS "cancelledAt", m.confirmed_count AS confirmed,
         GREATEST(m.capacity - m.confirmed_count, 0) AS "seatsLeft",
         (SELECT count(*)::int FROM signup s WHERE s.meeting_id = m.id AND s.status = 'waitlisted') AS waitlisted,
         (SELECT count(*)::int FROM signup s WHERE s.meeting_id = m.id AND s.attended_at IS NOT NULL) AS attended,
         (SELECT COALESCE(json_agg(json_build_object('partnerOrganisationId', q.partner_organisation_id, 'name', p.name,
                 'seats', q.seats, 'confirmed', q.confirmed_count, 'seatsLeft', q.seats - q.confirmed_count) ORDER BY p.name), '[]')
            FROM meeting_quota q JOIN partner_organisation p ON p.id = q.partner_organisation_id
           WHERE q.meeting_id = m.id) AS quotas,
         (m.cancelled_at IS NULL AND m.signup_deadline > now() AND m.starts_at > now() AND c.phase = 'open'
          AND (m.study_id IS NULL OR EXISTS (SELECT 1 FROM study st WHERE st.id = m.study_id AND st.status = 'active'))) AS "signupOpen",
         m.study_id AS "studyId"
    FROM meeting m JOIN consultation c ON c.id = m.consultation_id`;

export interface MeetingView {
  id: string;
  consultationId: string;
  kind: string;
  titleLt: string;
  titleEn: string;
  startsAt: Date;
  endsAt: Date;
  signupDeadline: Date;
  place: string | null;
  onlineUrl: string | null;
  capacity: number;
  retentionDays: number;
  cancelledAt: Date | null;
  confirmed: number;
  seatsLeft: number;
  waitlisted: number;
  attended: number;
  quotas: { partnerOrganisationId: string; name: string; seats: number; confirmed: number; seatsLeft: number }[];
  signupOpen: boolean;
  /** The study the meeting belongs to (its sign-ups agree to the study's consent), or null. */
  studyId: string | null;
}

export const CONSULTATION_VIEW_SQL = `
  SELECT c.id, mu.code AS "municipalityCode", mu.name_lt AS "municipalityNameLt", mu.name_en AS "municipalityNameEn",
         c.title_lt AS "titleLt", c.title_en AS "titleEn", c.description_lt AS "descriptionLt", c.description_en AS "descriptionEn",
         c.institution, c.institution_en AS "institutionEn", c.phase, c.created_at AS "createdAt",
         CASE WHEN c.report_published_at IS NULL THEN NULL ELSE json_build_object('heardLt', c.heard_lt, 'heardEn', c.heard_en,
              'decidedLt', c.decided_lt, 'decidedEn', c.decided_en, 'publishedAt', c.report_published_at) END AS report
    FROM consultation c JOIN municipality mu ON mu.id = c.municipality_id`;

export interface ConsultationView {
  id: string;
  municipalityCode: string;
  municipalityNameLt: string;
  municipalityNameEn: string;
  titleLt: string;
  titleEn: string;
  descriptionLt: string;
  descriptionEn: string;
  /** In Lithuanian; institutionEn in English. */
  institution: string;
  institutionEn: string;
  phase: string;
  createdAt: Date;
  report: { heardLt: string; heardEn: string; decidedLt: string; decidedEn: string; publishedAt: Date } | null;
  meetings?: MeetingView[];
}

/** One sign-up as its meeting's staff see it (GET /api/meetings/:id/signups). */
export interface SignupRow {
  id: string;
  position: number;
  status: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  organisation: string | null;
  partnerOrganisation: string | null;
  checkinCode: string | null;
  createdAt: Date;
  cancelledAt: Date | null;
  attendedAt: Date | null;
  purged: boolean;
}

/** Participation against targets (GET /api/participation). */
export interface ParticipationRow {
  /** null: all municipalities together (shown to admins and researchers only). */
  municipalityCode: string | null;
  kind: string;
  meetings: number;
  confirmed: number;
  attended: number;
  target: number | null;
}
