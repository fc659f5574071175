/** The focus-group composition engine: pure (no database, no Nest needed), HiGHS underneath. */
export * from './composition-types';
export { composeRound, composeRounds } from './compose';
export { CompositionInputError, COMPOSITION_DEFAULTS, COMPOSITION_MODEL_VERSION, type CompositionInputIssue } from './composition-input';
export { drawKey, drawPositions } from './draw';
export { WEIGHTS as COMPOSITION_WEIGHTS } from './objective';
export { FocusGroupCompositionService } from './composition.service';
