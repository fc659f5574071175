/**
 * Set when a test file starts closing its app (afterAll). A test that timed out goes on running
 * in the background; its waitFor loops see this and stop, instead of polling closed pools and
 * keeping Jest from exiting.
 */
let closing = false;

export const markClosing = (): void => {
  closing = true;
};
export const isClosing = (): boolean => closing;
