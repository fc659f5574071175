/** One reason an answer set is refused, naming the question so the resident (or client) can fix it. */
export interface AnswerProblem {
  /** `answers.<key>`: the JSON path of the offending value. */
  field: string;
  question: string;
  reason: string;
}

export const problem = (key: string, reason: string, question = key): AnswerProblem => ({
  field: `answers.${key}`,
  question,
  reason,
});
