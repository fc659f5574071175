import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  ConditionRunner,
  type ItemValue,
  Model,
  type Question,
  QuestionBooleanModel,
  QuestionCheckboxModel,
  QuestionCommentModel,
  QuestionMatrixModel,
  QuestionRatingModel,
  QuestionSelectBase,
  QuestionTextModel,
  type SurveyValidator,
} from 'survey-core';

/**
 * Seeded synthetic *completed* responses for a SurveyJS definition, valid for the server's answer
 * validation, with skewed (Zipf-like) distributions so that small counts occur in small
 * municipalities and breakdown groups; and a COPY loader that streams them into `response`.
 *
 * The definition is read once through survey-core's Model; each answer set then costs a few
 * microseconds (plain arrays, one ConditionRunner per visibleIf/requiredIf).
 */

export interface SyntheticOptions {
  /** Same seed, same sequence of answer sets. */
  seed?: number;
}

/** The free texts the generator writes, so tests can check none of them reaches published results. */
export const SYNTHETIC_FREE_TEXTS: readonly string[] = [
  'Daugiau informacijos apie sprendimus',
  'Geresni keliai ir gatvių apšvietimas',
  'Daugiau renginių jaunimui ir šeimoms',
  'Autobusai į kaimus dažniau',
  'Seniūnijos susitikimai vakarais, ne darbo metu',
  'Klausykite gyventojų „iš tikrųjų“ ir atsakykite į laiškus',
  'Švaresni parkai; žaidimų aikštelė prie mokyklos',
  'More information about local decisions',
  'Fix the road to the "old" school',
  'Bus stop shelters / benches \\ better lights',
];

/** Share of optional questions that get an answer; free text is answered less often. */
const OPTIONAL_ANSWER_RATE = 0.85;
const FREE_TEXT_ANSWER_RATE = 0.3;
/** Share of matrix rows answered when not every row is required. */
const MATRIX_ROW_RATE = 0.9;
/** Zipf exponent of the per-choice weights: rank 1 gets ~6x rank 4 and ~20x rank 9. */
const ZIPF_EXPONENT = 1.4;
/** How often a checkbox with a "none" item gets only that item. */
const NONE_RATE = 0.04;

type Answers = Record<string, unknown>;
type Rng = () => number;

/** mulberry32: tiny, fast, and good enough for test data. */
function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Zipf-like weights for n items, in an order shuffled by the build-time rng (so the popular choice differs per question). */
function skewedWeights(n: number, rng: Rng): number[] {
  const weights = Array.from({ length: n }, (_, rank) => 1 / Math.pow(rank + 1, ZIPF_EXPONENT));
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [weights[i], weights[j]] = [weights[j], weights[i]];
  }
  return weights;
}

/** Picks index i with probability weights[i] / total, from precomputed cumulative weights. */
class WeightedPick<T> {
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(
    readonly values: T[],
    readonly weights: number[],
  ) {
    let sum = 0;
    this.cumulative = weights.map((w) => (sum += w));
    this.total = sum;
  }

  pick(rng: Rng): T {
    const target = rng() * this.total;
    const { cumulative } = this;
    for (let i = 0; i < cumulative.length; i++) if (target < cumulative[i]) return this.values[i];
    return this.values[cumulative.length - 1];
  }
}

interface Step {
  key: string;
  /** visibleIf of the question and every panel/page around it. */
  shownWhen: ConditionRunner[];
  required: boolean;
  requiredWhen: ConditionRunner | null;
  answerRate: number;
  /** Value names whose answers this step reads (conditions, choices from another question). */
  dependsOn: string[];
  /** Returns undefined when nothing valid can be given (e.g. no choices offered). */
  value: (answers: Answers, rng: Rng) => unknown;
}

export function createAnswerGenerator(definition: Record<string, unknown>, options: SyntheticOptions = {}): () => Answers {
  const seed = options.seed ?? 1;
  const buildRng = createRng(seed ^ 0x5bd1e995);
  const model = new Model(definition);
  const declaredHidden = namesDeclaredHidden(definition);
  const steps: Step[] = [];
  for (const question of model.getAllQuestions(false)) {
    const step = compileStep(question, declaredHidden, buildRng);
    if (step) steps.push(step);
  }
  const ordered = dependencyOrder(steps);
  const rng = createRng(seed);

  return () => {
    const answers: Answers = {};
    for (const step of ordered) {
      let shown = true;
      for (const condition of step.shownWhen) {
        if (!condition.runValues(answers)) {
          shown = false;
          break;
        }
      }
      if (!shown) continue;
      const required = step.required || (step.requiredWhen !== null && step.requiredWhen.runValues(answers));
      if (!required && rng() >= step.answerRate) continue;
      const value = step.value(answers, rng);
      if (value !== undefined) answers[step.key] = value;
    }
    return answers;
  };
}

function compileStep(question: Question, declaredHidden: Set<string>, buildRng: Rng): Step | null {
  const type = question.getType();
  if (type === 'html' || type === 'image' || type === 'expression') return null;
  const key = question.getValueName();
  const shownWhen: ConditionRunner[] = [];
  let required = question.isRequired;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- survey-core's element and validator classes, walked generically
  for (let element: any = question; element; element = element.parent) {
    if (declaredHidden.has(element.name)) return null; // `visible: false`: never shown, so never answered
    if (element.visibleIf) shownWhen.push(new ConditionRunner(element.visibleIf));
    // A required panel needs some answer inside it: answering all of its questions is the simple safe way.
    if (element !== question && element.isRequired) required = true;
  }
  if (question.enableIf || question.isReadOnly) {
    throw new Error(`synthetic responses: "${question.name}" is read-only or has enableIf, which the generator does not handle`);
  }
  const requiredWhen = question.requiredIf ? new ConditionRunner(question.requiredIf) : null;
  const dependsOn = [...shownWhen, ...(requiredWhen ? [requiredWhen] : [])].flatMap((c) => c.getVariables().map(variableRoot));

  const base = { key, shownWhen, required, requiredWhen, dependsOn, answerRate: OPTIONAL_ANSWER_RATE };
  if (question instanceof QuestionSelectBase) {
    if (question.choicesVisibleIf || question.choices.some((c: ItemValue) => c.visibleIf || c.enableIf)) {
      throw new Error(`synthetic responses: "${question.name}" has conditional choices, which the generator does not handle`);
    }
    if (question.choicesFromQuestion) dependsOn.push(question.choicesFromQuestion);
    return { ...base, value: selectValue(question, buildRng) };
  }
  if (question instanceof QuestionRatingModel) {
    const values = question.visibleRateValues.map((item) => item.value);
    const pick = new WeightedPick(values, skewedWeights(values.length, buildRng));
    return { ...base, value: (_answers, rng) => pick.pick(rng) };
  }
  if (question instanceof QuestionBooleanModel) {
    const values = [question.valueTrue ?? true, question.valueFalse ?? false];
    const pick = new WeightedPick(values, skewedWeights(2, buildRng));
    return { ...base, value: (_answers, rng) => pick.pick(rng) };
  }
  if (question instanceof QuestionMatrixModel) {
    if (question.rowsVisibleIf || question.columnsVisibleIf) {
      throw new Error(`synthetic responses: "${question.name}" has conditional rows or columns, which the generator does not handle`);
    }
    // survey-core treats "every row required" as required, even when the question itself is not.
    return { ...base, required: required || question.eachRowRequired, value: matrixValue(question, buildRng) };
  }
  if (question instanceof QuestionCommentModel) {
    return { ...base, answerRate: FREE_TEXT_ANSWER_RATE, value: textValue(question, question.maxLength, 'text') };
  }
  if (question instanceof QuestionTextModel) {
    if (question.inputType === 'number' || question.inputType === 'range') {
      return { ...base, value: numberValue(question) };
    }
    return { ...base, answerRate: FREE_TEXT_ANSWER_RATE, value: textValue(question, question.maxLength, question.inputType) };
  }
  throw new Error(`synthetic responses: "${question.name}" has type "${type}", which the generator does not handle`);
}

/** `{barriers.length}` and `{matrix.row}` read the answer of `barriers` / `matrix`. */
function variableRoot(variable: string): string {
  const match = /^[^.[]+/.exec(variable);
  return match ? match[0] : variable;
}

/**
 * Questions in an order where every condition reads answers already decided (the definition's
 * order when nothing refers forward), so one pass gives exactly the answers the model would show.
 */
function dependencyOrder(steps: Step[]): Step[] {
  const byKey = new Map(steps.map((step) => [step.key, step]));
  const ordered: Step[] = [];
  const state = new Map<Step, 'visiting' | 'done'>();
  const visit = (step: Step, path: string[]): void => {
    const seen = state.get(step);
    if (seen === 'done') return;
    if (seen === 'visiting') {
      throw new Error(`synthetic responses: conditions refer to each other in a cycle: ${[...path, step.key].join(' -> ')}`);
    }
    state.set(step, 'visiting');
    for (const name of step.dependsOn) {
      const dependency = byKey.get(name);
      if (dependency) visit(dependency, [...path, step.key]);
    }
    state.set(step, 'done');
    ordered.push(step);
  };
  for (const step of steps) visit(step, []);
  return ordered;
}

function selectValue(question: QuestionSelectBase, buildRng: Rng): Step['value'] {
  // Only the declared choices: never the "other" item (it would need a comment), "select all", refuse or don't-know.
  const own = question.choices.map((item: ItemValue) => item.value);
  const noneValue = question.showNoneItem ? question.noneItem.value : undefined;
  const isCheckbox = question instanceof QuestionCheckboxModel;

  let offered: ((answers: Answers) => unknown[]) | null = null;
  let values = own;
  if (question.choicesFromQuestion) {
    const source = question.survey?.getQuestionByName(question.choicesFromQuestion);
    if (!(source instanceof QuestionSelectBase)) {
      throw new Error(`synthetic responses: "${question.name}" takes choices from "${question.choicesFromQuestion}", which is not a choice question`);
    }
    const sourceKey = source.getValueName();
    const sourceChoices: unknown[] = source.choices.map((item: ItemValue) => item.value);
    values = [...sourceChoices, ...own];
    const mode = question.choicesFromQuestionMode || 'all';
    const selected = (answers: Answers): unknown[] => {
      const answer = answers[sourceKey];
      return Array.isArray(answer) ? answer : answer === undefined ? [] : [answer];
    };
    offered =
      mode === 'selected'
        ? (answers) => [...selected(answers).filter((v) => sourceChoices.includes(v)), ...own]
        : mode === 'unselected'
          ? (answers) => {
              const picked = selected(answers);
              return [...sourceChoices.filter((v) => !picked.includes(v)), ...own];
            }
          : null; // 'all': the source's choices, fixed
  }
  const weights = skewedWeights(values.length, buildRng);
  const weightOf = new Map(values.map((value, i) => [value, weights[i]]));

  if (!isCheckbox) {
    const fixed = new WeightedPick(noneValue === undefined ? values : [...values, noneValue], noneValue === undefined ? weights : [...weights, NONE_RATE]);
    if (!offered) return (_answers, rng) => fixed.pick(rng);
    const dynamicOffered = offered;
    return (answers, rng) => {
      const choices = dynamicOffered(answers);
      if (noneValue !== undefined) choices.push(noneValue);
      if (choices.length === 0) return undefined;
      return new WeightedPick(choices, choices.map((v) => weightOf.get(v) ?? NONE_RATE)).pick(rng);
    };
  }

  const checkbox = question;
  const counts = answerCountLimits(checkbox.validators);
  const minCount = Math.max(1, checkbox.minSelectedChoices || 0, counts.min);
  const maxCount = Math.min(checkbox.maxSelectedChoices > 0 ? checkbox.maxSelectedChoices : Infinity, counts.max);
  // Inclusion probability per choice, proportional to its weight: the most popular is ticked by ~70%.
  const heaviest = Math.max(...weights);
  const inclusion = new Map(values.map((value, i) => [value, (0.7 * weights[i]) / heaviest]));
  return (answers, rng) => {
    if (noneValue !== undefined && minCount === 1 && rng() < NONE_RATE) return [noneValue];
    const choices = offered ? offered(answers) : values;
    const picked: unknown[] = [];
    const left: unknown[] = [];
    for (const choice of choices) (rng() < inclusion.get(choice)! ? picked : left).push(choice);
    while (picked.length > maxCount) picked.splice(Math.floor(rng() * picked.length), 1);
    while (picked.length < minCount && left.length > 0) {
      const next = new WeightedPick(left, left.map((v) => weightOf.get(v)!)).pick(rng);
      left.splice(left.indexOf(next), 1);
      picked.push(next);
    }
    if (picked.length < minCount) return undefined;
    // In the order the choices are listed, as a resident ticking top to bottom would.
    return choices.filter((choice) => picked.includes(choice));
  };
}

function answerCountLimits(validators: SurveyValidator[]): { min: number; max: number } {
  let min = 0;
  let max = Infinity;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- survey-core's element and validator classes, walked generically
  for (const validator of validators as any[]) {
    if (validator.getType() !== 'answercountvalidator') continue;
    if (validator.minCount) min = Math.max(min, validator.minCount);
    if (validator.maxCount) max = Math.min(max, validator.maxCount);
  }
  return { min, max };
}

function matrixValue(question: QuestionMatrixModel, buildRng: Rng): Step['value'] {
  const columns = question.columns.map((item: ItemValue) => item.value);
  const rows = question.rows.map((item: ItemValue) => ({
    row: String(item.value),
    column: new WeightedPick(columns, skewedWeights(columns.length, buildRng)),
  }));
  const everyRow = question.eachRowRequired;
  return (_answers, rng) => {
    const value: Record<string, unknown> = {};
    let answered = 0;
    for (const { row, column } of rows) {
      if (everyRow || rng() < MATRIX_ROW_RATE) {
        value[row] = column.pick(rng);
        answered++;
      }
    }
    if (answered === 0 && rows.length > 0) value[rows[0].row] = rows[0].column.pick(rng);
    return value;
  };
}

function numberValue(question: QuestionTextModel): Step['value'] {
  let low = isSet(question.min) ? Number(question.min) : -Infinity;
  let high = isSet(question.max) ? Number(question.max) : Infinity;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- survey-core's element and validator classes, walked generically
  for (const validator of question.validators as any[]) {
    if (validator.getType() !== 'numericvalidator') continue;
    if (isSet(validator.minValue)) low = Math.max(low, Number(validator.minValue));
    if (isSet(validator.maxValue)) high = Math.min(high, Number(validator.maxValue));
  }
  if (!Number.isFinite(low)) low = Number.isFinite(high) ? high - 100 : 0;
  if (!Number.isFinite(high)) high = low + 100;
  const from = Math.ceil(low);
  const span = Math.floor(high) - from;
  if (span < 0) return () => low; // no integer in range: the bound itself
  // Skewed toward the low end: u^2.
  return (_answers, rng) => {
    const u = rng();
    return from + Math.min(span, Math.floor(u * u * (span + 1)));
  };
}

const isSet = (value: unknown): boolean => value !== undefined && value !== null && value !== '';

const TYPED_TEXTS: Record<string, string[]> = {
  email: ['gyventojas@example.lt', 'resident@example.org'],
  url: ['https://example.lt/idea'],
  tel: ['+370 600 00000'],
  date: ['2025-05-14', '2024-11-02'],
  month: ['2025-05'],
  week: ['2025-W20'],
  time: ['18:30'],
  'datetime-local': ['2025-05-14T18:30'],
  color: ['#336699'],
  password: ['slaptas-Žodis-1'],
};

/** Texts that fit the question's length and validators, checked once with survey-core's own validator objects. */
function textValue(question: Question, maxLength: number, inputType: string): Step['value'] {
  const pool = (TYPED_TEXTS[inputType] ?? SYNTHETIC_FREE_TEXTS).filter(
    (text) =>
      (!(maxLength > 0) || text.length <= maxLength) &&
      question.validators.every((validator: SurveyValidator) => !validator.validate(text, question.name)?.error),
  );
  if (pool.length === 0) {
    throw new Error(`synthetic responses: no sample text fits the length or validators of "${question.name}"`);
  }
  return (_answers, rng) => pool[Math.floor(rng() * pool.length)];
}

/** Names of questions, panels and pages the definition itself marks `visible: false`. */
function namesDeclaredHidden(node: unknown, names = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => namesDeclaredHidden(item, names));
  else if (typeof node === 'object' && node !== null) {
    const element = node as { name?: unknown; visible?: unknown; elements?: unknown; pages?: unknown; questions?: unknown };
    if (element.visible === false && typeof element.name === 'string') names.add(element.name);
    for (const children of [element.pages, element.elements, element.questions]) namesDeclaredHidden(children, names);
  }
  return names;
}

export interface LoadOptions {
  surveyId: string;
  surveyVersionId: string;
  municipalityIds: string[];
  count: number;
  seed?: number;
  /** Default 'lt'. */
  language?: string;
  /** Share of responses per municipality; default uneven, weights 1..n (the last municipality is the largest). */
  municipalityWeights?: number[];
  /** Spread of the days responses were submitted, ending today (default 30). */
  days?: number;
}

const COPY_COLUMNS =
  'id, survey_id, survey_version_id, municipality_id, language, status, answers, payload_hash, started_on, updated_on, submitted_on';
/** Rows are batched into chunks of about this many characters before being handed to the COPY stream. */
const CHUNK_CHARS = 256 * 1024;

/**
 * Streams `count` completed responses into `response` with COPY (text format). The rows are
 * produced by a generator that is pulled only as fast as PostgreSQL takes them, so memory stays
 * flat for millions of rows. Dates are relative to the database's current_date.
 */
export async function loadSyntheticResponses(
  pool: Pool,
  definition: Record<string, unknown>,
  options: LoadOptions,
): Promise<{ perMunicipality: Record<string, number> }> {
  const { surveyId, surveyVersionId, municipalityIds, count } = options;
  if (municipalityIds.length === 0) throw new Error('loadSyntheticResponses: no municipality ids');
  const seed = options.seed ?? 1;
  const weights = options.municipalityWeights ?? municipalityIds.map((_, i) => i + 1);
  if (weights.length !== municipalityIds.length || weights.some((w) => !(w >= 0)) || !weights.some((w) => w > 0)) {
    throw new Error('loadSyntheticResponses: municipalityWeights must be one non-negative weight per municipality, not all zero');
  }
  const quotas = splitByWeight(count, weights);
  const perMunicipality: Record<string, number> = {};
  municipalityIds.forEach((id, i) => (perMunicipality[id] = (perMunicipality[id] ?? 0) + quotas[i]));

  const days = options.days ?? 30;
  const { rows: dayRows } = await pool.query<{ day: string }>(
    `SELECT (current_date - i)::text AS day FROM generate_series(0, $1::int) AS i ORDER BY i`,
    [days],
  );
  const dates = dayRows.map((row) => row.day); // dates[0] is today

  const next = createAnswerGenerator(definition, { seed });
  const rng = createRng(seed ^ 0x27d4eb2f);
  const fixed = `\t${copyText(surveyId)}\t${copyText(surveyVersionId)}\t`;
  const tail = `\t${copyText(options.language ?? 'lt')}\tcomplete\t`;
  const municipalities = municipalityIds.map(copyText);

  function* chunks(): Generator<string> {
    const left = [...quotas];
    let remaining = count;
    let chunk = '';
    while (remaining > 0) {
      // Draw a municipality in proportion to its remaining quota: exact totals, evenly interleaved.
      let target = Math.floor(rng() * remaining);
      let m = 0;
      while (target >= left[m]) target -= left[m++];
      left[m]--;
      remaining--;

      const json = JSON.stringify(next());
      const submitted = Math.floor(rng() * days);
      const started = Math.min(days, submitted + (rng() < 0.7 ? 0 : 1 + Math.floor(rng() * 3)));
      const day = dates[submitted];
      chunk +=
        randomUUID() + fixed + municipalities[m] + tail + copyText(json) + '\t' +
        createHash('sha256').update(json).digest('hex') + '\t' + dates[started] + '\t' + day + '\t' + day + '\n';
      if (chunk.length >= CHUNK_CHARS) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }

  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    // One COPY, one transaction: a failed load leaves no rows behind.
    const copy = client.query(copyFrom(`COPY response (${COPY_COLUMNS}) FROM STDIN`));
    await pipeline(Readable.from(chunks(), { objectMode: false }), copy);
  } catch (error) {
    failure = error as Error;
    throw error;
  } finally {
    // A connection whose COPY broke off is not reusable: let the pool discard it.
    client.release(failure);
  }
  return { perMunicipality };
}

/** COPY text format: backslash, and the tab/newline/carriage return that separate fields and rows, must be escaped. */
function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : value;
}

/** Largest-remainder split of `count` in proportion to `weights`, summing exactly to `count`. */
function splitByWeight(count: number, weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (count * w) / total);
  const quotas = exact.map(Math.floor);
  let short = count - quotas.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0]);
  for (let k = 0; short > 0; k++, short--) quotas[byRemainder[k % byRemainder.length][1]]++;
  return quotas;
}
