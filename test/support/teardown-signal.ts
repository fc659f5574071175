/**
 * Counts test apps closed in this file (afterAll). A test that timed out goes on running in the
 * background; a waitFor loop it started sees the count change and stops, instead of polling closed
 * pools and keeping Jest from exiting. Waits started after a close (a later describe) are unaffected.
 */
let closed = 0;

export const markClosing = (): void => {
  closed++;
};
export const closedSoFar = (): number => closed;
