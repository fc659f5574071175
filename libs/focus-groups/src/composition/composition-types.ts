/**
 * The focus-group composition engine's input and output. Types only (no runtime code), so the
 * web app and the flow can import them type-only. The model behind them is described in the
 * README ("Focus-group composition").
 */

/** An applicant's answer to the screener's availability question for one proposed session. */
export type Availability = 'yes' | 'if_need_be' | 'no';

/** The segment value of a session that serves no particular segment. */
export const MIXED_SEGMENT = 'mixed';

export interface ProposedSession {
  /** The flow's id of the proposed session (unique within the round). */
  id: string;
  /** Seats at the table, 4 to 10 (the method: 6 to 8, never more than 10). */
  capacity: number;
  /** The segment this session serves (a value of the round's segment question), or `'mixed'`. */
  segment: string;
  /**
   * Whether everyone invited must share a segment. Default: `true` for a session that names a
   * segment (only that segment is invited), `false` for a mixed session (anyone). `false` on a
   * named session: its segment is preferred (a penalty for anyone else), not required. `true` on
   * a mixed session: everyone shares ONE segment, which the solver chooses.
   */
  homogeneous?: boolean;
  /**
   * Expected share of the invited who come, in (0, 1], used to the hundredth. Default: the round's
   * `defaultShowRate`. The flow learns it per municipality and kind from its own check-ins.
   */
  showRate?: number;
}

export interface Applicant {
  /** The flow's id of the screener response (unique within the round). */
  id: string;
  /**
   * The applicant's value of the round's segment question (e.g. an age band), or `null` when it
   * was not answered: such an applicant can only be invited to sessions that require no segment.
   */
  segment: string | null;
  /** Answer per proposed session id. A session left out counts as `'no'`. */
  availability: Record<string, Availability>;
}

/** A per-segment coverage target across the round. Both parts are optional. */
export interface CoverageTarget {
  segment: string;
  /** At least this many running sessions homogeneous on the segment (by requirement). */
  minSessions?: number;
  /**
   * At least this many places (invitations) for the segment across the round. Places, not
   * expected seats: at a show rate of 0.7, 9 places expect about 6 at the table.
   */
  minPlaces?: number;
}

export interface CompositionInput {
  /** The flow's id of the round (one municipality); echoed in the result. */
  roundId: string;
  /**
   * The seed of the draw that breaks ties among equals. Recorded with the result; the same input
   * and seed always give the same composition. The flow should generate it (crypto-random) once
   * the screener has closed, never take it from a person.
   */
  seed: string;
  sessions: ProposedSession[];
  /** Eligible applicants only (the screener's eligibility rules are the flow's). */
  applicants: Applicant[];
  coverage?: CoverageTarget[];
  /** At most this many sessions run (the round's target number of groups). Default: all may run. */
  targetGroups?: number;
  /** The round's target number of seats: reported against the seats of the running sessions. */
  targetSeats?: number;
  /** Show rate of a session that states none. Default 0.7. */
  defaultShowRate?: number;
  /** Invited per session never exceed ceil(capacity x this). Default 1.5 (8 seats: at most 12). */
  maxOverRecruitment?: number;
  /** And never exceed this many, whatever the show rate. Default: no further cap. */
  maxInvitedPerSession?: number;
  /**
   * A session runs only if its invited are expected to fill at least this many seats. Default: no
   * minimum (a session runs with anyone invited). A minimum is a binary choice for the solver: the
   * LP relaxation's bound can then be well above the true optimum (README, "The LP bound").
   */
  minGroupSize?: number;
  /** Reserves listed per running session. Default: the session's capacity. */
  maxReserves?: number;
  /** Longest the solver may search per round, in seconds. Default 30. */
  timeLimitSeconds?: number;
}

/** Why a proposed session does not run. */
export type SessionNotRunReason =
  /** Fewer applicants can attend it (and may be invited to it) than its minimum to run. */
  | 'too_few_applicants'
  /** It could run, but the round's target number of groups went to other sessions. */
  | 'target_groups_reached'
  /** It could run, but its applicants are better used in other sessions. */
  | 'applicants_placed_elsewhere';

export interface InvitedApplicant {
  applicantId: string;
  availability: Exclude<Availability, 'no'>;
  /** Whether the applicant's segment is the one the session serves (always, where required). */
  segmentMatch: boolean;
  /** Position in the round's seeded draw (1 = drawn first). */
  drawPosition: number;
}

export interface SessionPlan {
  sessionId: string;
  runs: boolean;
  notRunReason?: SessionNotRunReason;
  capacity: number;
  /** The show rate used (to the hundredth). */
  showRate: number;
  /** Invitations that fill the seats at this show rate: ceil(capacity / showRate), capped. */
  invitationTarget: number;
  /** The cap that applied: ceil(capacity x maxOverRecruitment), and maxInvitedPerSession. */
  invitationCap: number;
  /** Fewest invited for the session to run: ceil(minGroupSize / showRate), at most the target; 1 without a minimum. */
  minimumToRun: number;
  /** The segment the invited share, when the session is homogeneous (for mixed: the chosen one). */
  servesSegment: string | null;
  invited: InvitedApplicant[];
  /** Ordered reserves: the first is promoted first. An applicant may be a reserve of several. */
  reserves: string[];
  /** min(capacity, showRate x invited). */
  expectedAttendance: number;
}

export type NotChosenReason =
  /** Answered "no" to every proposed session (or did not answer). */
  | 'unavailable'
  /** Every session the applicant can attend is for another segment (or needs one and they gave none). */
  | 'segment_not_served'
  /** The sessions the applicant can attend do not run (see the sessions' `notRunReason`). */
  | 'sessions_not_running'
  /** Tied with someone invited on every criterion; the seeded draw placed them ahead. */
  | 'lost_draw'
  /** The places went to people who answered "yes" where this applicant answered "if need be". */
  | 'others_available_yes'
  /** The places went to people of the segment the session serves (a preferred segment). */
  | 'session_prefers_other_segment'
  /** The applicant's segment already has its coverage and share of the round; others' did not. */
  | 'segment_full'
  /** The solver stopped (time limit) before proving its proposal best; no finer reason. */
  | 'solver_stopped';

export interface NotChosen {
  applicantId: string;
  reason: NotChosenReason;
  /** The session the reason refers to, when one (the closest the applicant came to a place). */
  sessionId?: string;
  /** Position in the round's seeded draw (1 = drawn first). */
  drawPosition: number;
  /** For `lost_draw`: the draw position of the invited equal they lost to (a number, never who). */
  lostToDrawPosition?: number;
  /** Reserve lists the applicant is on, with the position (1 = promoted first). */
  reserveFor: Array<{ sessionId: string; position: number }>;
  /** One English sentence for staff; the flow translates by `reason`. */
  explanation: string;
}

/** The objective in its parts (units: a seat = 1000, see the README). */
export interface ObjectiveParts {
  seats: number;
  ifNeedBe: number;
  segmentMismatch: number;
  coverageSeats: number;
  coverageSessions: number;
  diversity: number;
  total: number;
}

export type CoverageShortfall =
  /** No eligible applicant of the segment can attend any session that could take them. */
  | 'no_applicants'
  /** Fewer applicants of the segment can attend than the target needs. */
  | 'too_few_applicants'
  /** No session can be homogeneous on the segment with enough of its applicants. */
  | 'too_few_sessions'
  /** Possible on its own, but not together with the round's other targets and limits. */
  | 'competing_targets';

export interface CoverageFigure {
  segment: string;
  minSessions: number;
  sessions: number;
  minPlaces: number;
  /** Applicants of the segment invited, across the round. */
  places: number;
  /** Expected seats of the segment: sum over sessions of show rate x its invited of the segment. */
  expectedSeats: number;
  met: boolean;
  /** When not met: why. */
  shortfall?: CoverageShortfall;
}

export type SolverStatus = 'optimal' | 'time_limit' | 'nothing_to_solve' | 'failed';

export interface CompositionFigures {
  applicants: number;
  /** Applicants who answered "no" to every session. */
  unavailable: number;
  sessionsProposed: number;
  sessionsRunning: number;
  /** Seats (capacity) of the running sessions. */
  seats: number;
  invited: number;
  expectedAttendance: number;
  /** Distinct applicants on at least one reserve list. */
  reserves: number;
  objective: ObjectiveParts;
  /** The LP relaxation's optimum of the same model: no composition can score above it. */
  lpBound: number;
  /** objective.total / lpBound (1 when both are 0). */
  ratio: number;
  coverage: CoverageFigure[];
  targets: {
    groups: { target: number | null; running: number; met: boolean };
    seats: { target: number | null; planned: number; met: boolean };
  };
  solver: { status: SolverStatus; millis: number; mipNodes: number };
}

export interface CompositionResult {
  roundId: string;
  seed: string;
  /** SHA-256 of the canonical input without the seed (order-independent) and the model version: store it with the seed. */
  inputHash: string;
  modelVersion: string;
  sessions: SessionPlan[];
  notChosen: NotChosen[];
  figures: CompositionFigures;
}
