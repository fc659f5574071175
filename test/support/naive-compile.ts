import { planResults, type ResultPlan } from '../../libs/results/src/definition/result-items';
import type { PublishedCell, PublishedGroup, PublishedItem, PublishedMunicipality, PublishedStats } from '../attacks/published';
import { recordOf } from '../attacks/truth';

/**
 * The UNPROTECTED compile the attacks are calibrated against: what the issue reports the platform
 * did. Exact counts; only counts 1..k-1 withheld (zeros shown), and, table by table, every count of
 * a breakdown group smaller than k (so age x gender and gender x age withhold different cells);
 * no complementary suppression;
 * mean and quartiles for every group; the number of responses always shown; and it is "live":
 * callers recompile after every response. Only the plan (which items, which values) comes from
 * the platform (it is public: the survey definition); nothing of its disclosure control is used.
 */
export function naivePlan(definition: Record<string, unknown>, breakdowns: string[]): ResultPlan {
  return planResults(definition, breakdowns);
}

export function naiveCompile(plan: ResultPlan, answers: Record<string, unknown>[], k: number, code = 'naive'): PublishedMunicipality {
  const responses = answers.length;
  if (responses < k) return { code, responses, belowThreshold: true, items: [] };
  const records = answers.map((a) => recordOf(a, plan.items));
  const cell = (n: number): PublishedCell => (n > 0 && n < k ? { count: null, suppressed: true } : { count: n, suppressed: false });
  const groupOf = (answers: Record<string, unknown>, breakdown: string) => {
    const v = answers[breakdown];
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;
  };
  const numbersOf = (who: number[], item: (typeof plan.items)[number]): number[] => {
    if (item.kind === 'numeric') return who.map((i) => answers[i][item.question]).filter((v): v is number => typeof v === 'number');
    if (!plan.ratedItems.has(item.item)) return [];
    return who.map((i) => records[i].get(item.item)).filter((v): v is string => typeof v === 'string').map(Number);
  };
  const table = (who: number[], item: (typeof plan.items)[number]) => {
    const answered = item.kind === 'numeric' ? numbersOf(who, item).length : who.filter((i) => records[i].get(item.item) !== null).length;
    const counts = item.choices.map((choice) => ({
      value: choice.value,
      count: cell(
        who.filter((i) => {
          const v = records[i].get(item.item);
          return Array.isArray(v) ? v.includes(choice.value) : v === choice.value;
        }).length,
      ),
    }));
    return { answered, counts, stats: stats(numbersOf(who, item)) };
  };
  const everyone = answers.map((_, i) => i);
  const items = plan.items.map((item): PublishedItem => {
    const overall = table(everyone, item);
    const breakdowns = plan.breakdowns
      .filter((b) => b.name !== item.question)
      .map((b) => ({
        breakdown: b.name,
        groups: [...b.groups.map((g) => g.value as string | null), null].map((value): PublishedGroup => {
          const who = everyone.filter((i) => groupOf(answers[i], b.name) === value);
          const t = table(who, item);
          if (who.length > 0 && who.length < k) {
            const hide = { count: null, suppressed: true } as const;
            return { value, answered: hide, counts: t.counts.map((c) => ({ value: c.value, count: hide })), stats: t.stats };
          }
          return { value, answered: cell(t.answered), counts: t.counts, stats: t.stats };
        }),
      }));
    return {
      item: item.item, question: item.question, row: item.row, kind: item.kind,
      answered: cell(overall.answered), skipped: cell(responses - overall.answered), counts: overall.counts, stats: overall.stats, breakdowns,
    };
  });
  return { code, responses, belowThreshold: false, items };
}

/** percentile_cont, rounded to 2 decimals, for any group however small (the naive behaviour). */
function stats(values: number[]): PublishedStats | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => {
    const position = p * (sorted.length - 1);
    const lower = Math.floor(position);
    return sorted[lower] + (position - lower) * (sorted[Math.ceil(position)] - sorted[lower]);
  };
  const round = (x: number) => Math.round(x * 100) / 100;
  return { mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length), median: round(at(0.5)), q1: round(at(0.25)), q3: round(at(0.75)) };
}
