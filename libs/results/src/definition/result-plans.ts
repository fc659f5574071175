import { Injectable } from '@nestjs/common';
import { planResults, type ResultPlan } from './result-items';

/**
 * Plans per (version, breakdowns). Published versions never change, so a plan is reused until the
 * survey's breakdowns do; building one takes a survey-core model, too slow for every request.
 */
@Injectable()
export class ResultPlans {
  private readonly plans = new Map<string, ResultPlan>();

  get(versionId: string, definition: Record<string, unknown>, breakdowns: string[]): ResultPlan {
    const key = `${versionId}|${breakdowns.join(',')}`;
    let plan = this.plans.get(key);
    if (!plan) {
      plan = planResults(definition, breakdowns);
      this.plans.set(key, plan);
    }
    return plan;
  }
}
