/** What a meeting is; trainings, public discussions and the partner visit are meetings too. */
export const MEETING_KINDS = ['consultation', 'discussion', 'training', 'visit'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** A consultation's phases, in order. 'reported' is entered by publishing the outcome report. */
export const PHASES = ['announced', 'open', 'held', 'reported'] as const;
export type Phase = (typeof PHASES)[number];

export const LANGUAGES = ['lt', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
