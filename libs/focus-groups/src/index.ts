/**
 * Focus groups. So far the composition engine (composition/): who is invited to which proposed
 * session, with reserves, figures and reasons. Rounds, the screener, invitations, check-in and
 * notes build on it (issue 15).
 */
export * from './composition';
