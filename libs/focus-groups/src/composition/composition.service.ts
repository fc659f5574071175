import { Injectable } from '@nestjs/common';
import { composeRound, composeRounds } from './compose';
import type { CompositionInput, CompositionResult } from './composition-types';

/**
 * The engine as a Nest provider, for the flow's services. It adds nothing: `CompositionInputError`
 * from a bad input is the flow's to turn into a 400 naming the fields.
 */
@Injectable()
export class FocusGroupCompositionService {
  compose(input: CompositionInput): Promise<CompositionResult> {
    return composeRound(input);
  }

  composeRounds(inputs: readonly CompositionInput[]): Promise<CompositionResult[]> {
    return composeRounds(inputs);
  }
}
