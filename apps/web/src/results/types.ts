/**
 * The server's JSON contract for compiled results, used as is: one definition, so the web app and
 * the API cannot drift apart. Types only (erased at build), so no server code reaches the browser.
 */
export type * from '../../../../libs/results/src/results-document';
