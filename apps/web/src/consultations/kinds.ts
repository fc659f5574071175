import type { MeetingKind } from './api';

/** In the order staff choose them; mirrors libs/consultations/src/kinds.ts. */
export const MEETING_KINDS: readonly MeetingKind[] = ['consultation', 'discussion', 'training', 'visit'];
