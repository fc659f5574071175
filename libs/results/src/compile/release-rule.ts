/**
 * R: completed responses a municipality needs since its last release before a release shows new
 * figures there. Default 2k; a survey may ask for more, never less (a smaller stored value, left
 * from before k was raised, counts as 2k).
 */
export const releaseRule = (k: number, minNewResponses: number | null): number => Math.max(minNewResponses ?? 0, 2 * k);
