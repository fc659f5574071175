import { Injectable } from '@nestjs/common';
import {
  Helpers,
  Model,
  type PanelModel,
  Question,
  QuestionMatrixDropdownModelBase,
  QuestionPanelDynamicModel,
  QuestionSelectBase,
  settings,
} from 'survey-core';
import { unstorableJsonProblems } from './answer-json';
import { problem, type AnswerProblem } from './answer-problems';
import { CompiledChecks } from './compiled-checks';
import { withoutOutsideCalls } from './no-outside-calls';
import { compileShapeCheck, hasCommentText, NO_ANSWER_TYPES, SERVER_COMPUTED_TYPES, type ShapeCheck } from './value-shape';

export type AnswerCompleteness = 'partial' | 'complete';

interface AnswerKey {
  question: Question;
  isComment: boolean;
  shape: ShapeCheck;
}

interface CompiledVersion {
  model: Model;
  /** The definition survey-core gets (without choicesByUrl); the full path builds a fresh model of it. */
  serverDefinition: object;
  /** Null when the definition needs the full model (see CompiledChecks.compile). */
  checks: CompiledChecks | null;
  /** Answer key -> the question that owns it (its value, or its "other"/comment text) and its shape check. */
  keys: Map<string, AnswerKey>;
  /** Top-level keys whose value the server computes (expressions, calculated values, totals): the client's copy is dropped. */
  computedKeys: Set<string>;
  /** Questions holding computed values inside them (an expression column, an expression in a dynamic panel). */
  containersWithComputed: Set<string>;
  choicesByUrl: Set<string>;
}

export interface AnswerVerdict {
  problems: AnswerProblem[];
  /** What to store: the client's answers, with every computed value recomputed here. */
  answers: Record<string, unknown>;
}

/** Survey versions are immutable, so a compiled model can be kept for the life of the process. */
const CACHE_LIMIT = 64;

/**
 * Judges answers on the server against the exact survey version. One verdict, in three steps:
 *  1. what can never be stored (null, NUL, lone surrogates, absurd sizes): answer-json.ts;
 *  2. the platform's stricter rules: every key a question, every value the JSON shape its question
 *     produces, choices that exist (value-shape.ts);
 *  3. survey-core's own verdict: a Model of the version with the answers as data, `validate()`,
 *     plus no values for questions it does not show and no choices it did not offer.
 * Step 3 costs ~10 ms for the shipped survey, so definitions made only of the plain question types
 * use CompiledChecks, an optimisation of the same verdict that a randomized test holds to it.
 * The full-model path is synchronous, so sharing one cached model is safe.
 */
@Injectable()
export class AnswerValidator {
  private readonly compiled = new Map<string, CompiledVersion>();

  validate(
    versionId: string,
    definition: object,
    answers: Record<string, unknown>,
    completeness: AnswerCompleteness,
    options: { fullModel?: boolean } = {},
  ): AnswerVerdict {
    const unstorable = unstorableJsonProblems(answers);
    if (unstorable.length) return { problems: unstorable, answers: {} };
    const version = this.compile(versionId, definition);
    const data: Record<string, unknown> = {};
    const problems: AnswerProblem[] = [];

    for (const key of Object.keys(answers)) {
      const value = answers[key];
      if (value === undefined || version.computedKeys.has(key)) continue; // never trusted from the client: recomputed below
      const owner = version.keys.get(key);
      if (!owner) {
        problems.push(problem(key, 'is not a question of this survey version'));
        continue;
      }
      const reason = owner.shape(value);
      if (reason) problems.push(problem(key, reason, owner.question.name));
      else defineOwn(data, key, value);
    }
    // A partial response is work in progress: shapes must be right, completeness can wait.
    if (completeness === 'partial' || problems.length) return { problems, answers: data };
    const needsModel = options.fullModel || !version.checks || version.computedKeys.size > 0 || version.containersWithComputed.size > 0;
    if (!needsModel) return { problems: version.checks!.check(data), answers: data };
    return judgeWithModel(version, data);
  }

  /** The slow, complete path, also the reference the compiled checks are tested against. */
  validateWithFullModel(versionId: string, definition: object, answers: Record<string, unknown>): AnswerProblem[] {
    return this.validate(versionId, definition, answers, 'complete', { fullModel: true }).problems;
  }

  private compile(versionId: string, definition: object): CompiledVersion {
    const cached = this.compiled.get(versionId);
    if (cached) return cached;
    const server = withoutOutsideCalls(definition);
    const model = new Model(server.definition);
    model.locale = 'en';
    const options = { choicesByUrl: server.choicesByUrl };
    const keys = new Map<string, AnswerKey>();
    const computedKeys = new Set<string>();
    const containersWithComputed = new Set<string>();
    for (const question of model.getAllQuestions(false)) {
      const type = question.getType();
      if (NO_ANSWER_TYPES.has(type)) continue;
      const name = question.getValueName();
      if (SERVER_COMPUTED_TYPES.has(type)) computedKeys.add(name);
      keys.set(name, { question, isComment: false, shape: compileShapeCheck(question, options) });
      if (hasCommentText(question)) {
        keys.set(`${name}${settings.commentSuffix}`, { question, isComment: true, shape: isText });
      }
      if (question instanceof QuestionMatrixDropdownModelBase) {
        if (question.columns.some((column) => column.totalType && column.totalType !== 'none')) {
          computedKeys.add(`${name}${settings.matrix.totalsSuffix}`);
        }
        if (question.columns.some((column) => SERVER_COMPUTED_TYPES.has(column.cellType))) containersWithComputed.add(name);
      }
      if (question instanceof QuestionPanelDynamicModel && holdsComputed(question)) containersWithComputed.add(name);
    }
    for (const calculated of model.calculatedValues) {
      if (calculated.includeIntoResult) computedKeys.add(calculated.name);
    }
    if (this.compiled.size >= CACHE_LIMIT) this.compiled.delete(this.compiled.keys().next().value!);
    const entry: CompiledVersion = {
      model,
      serverDefinition: server.definition,
      keys,
      computedKeys,
      containersWithComputed,
      choicesByUrl: server.choicesByUrl,
      checks: server.choicesByUrl.size ? null : CompiledChecks.compile(model, server.definition),
    };
    this.compiled.set(versionId, entry);
    return entry;
  }
}

const isText: ShapeCheck = (value) => (typeof value === 'string' ? null : 'must be text');

/** `target[key] = value` that stays a plain own property even for "__proto__". */
function defineOwn(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function holdsComputed(question: QuestionPanelDynamicModel): boolean {
  return question.template.questions.some(
    (inner: Question) =>
      SERVER_COMPUTED_TYPES.has(inner.getType()) ||
      (inner instanceof QuestionPanelDynamicModel && holdsComputed(inner)) ||
      (inner instanceof QuestionMatrixDropdownModelBase && inner.columns.some((c) => SERVER_COMPUTED_TYPES.has(c.cellType))),
  );
}

/**
 * A fresh survey-core model of the version with the answers as data, as survey-core itself would
 * judge them (a cleared, reused model keeps state such as the rows of a dynamic matrix), then reads
 * back what the server computes. A few milliseconds; only definitions CompiledChecks does not cover
 * come here.
 */
function judgeWithModel(version: CompiledVersion, data: Record<string, unknown>): AnswerVerdict {
  const problems: AnswerProblem[] = [];
  const stored: Record<string, unknown> = { ...data };
  const model = new Model(version.serverDefinition);
  model.locale = 'en';
  {
    model.data = jsonCopy(data);
    for (const [key, { question: cached, isComment }] of version.keys) {
      if (!Object.prototype.hasOwnProperty.call(data, key)) continue;
      const question = model.getQuestionByName(cached.name);
      const value = data[key];
      // Blank text is no answer to survey-core (unless the question allows spaces), so not an answer to a hidden question either.
      if (question.isValueEmpty(value, !question.allowSpaceAsAnswer)) continue;
      if (!isShown(question)) {
        problems.push(problem(key, 'is not shown for these answers, so it must stay empty', question.name));
      } else if (!isComment) {
        const notOffered = notOfferedChoices(question, value, version.choicesByUrl);
        if (notOffered) problems.push(problem(key, notOffered, question.name));
        if (question instanceof QuestionPanelDynamicModel) problems.push(...panelProblems(question, key, value, version.choicesByUrl));
      }
    }
    // fireCallback must be true: with false, survey-core reports failure but leaves question.errors empty.
    const valid = model.validate(true, false);
    const before = problems.length;
    for (const question of model.getAllQuestions(true)) collectErrors(question, question.getValueName(), problems);
    if (!valid && problems.length === before) problems.push({ field: 'answers', question: '', reason: 'survey-core refuses these answers' });
    for (const key of version.computedKeys) {
      const value = model.getValue(key);
      if (!Helpers.isValueEmpty(value)) defineOwn(stored, key, jsonCopy(value));
    }
    for (const key of version.containersWithComputed) {
      const value = model.getValue(key);
      if (!Helpers.isValueEmpty(value)) defineOwn(stored, key, jsonCopy(value));
    }
  }
  model.dispose();
  return { problems, answers: stored };
}

function isShown(question: Question): boolean {
  return question.isVisible && question.isParentVisible;
}

/** With the answers in place, survey-core knows which choices were offered (choicesVisibleIf, choicesFromQuestion). */
function notOfferedChoices(question: Question, value: unknown, choicesByUrl: Set<string>): string | null {
  if (!(question instanceof QuestionSelectBase) || choicesByUrl.has(question.name)) return null;
  const offered = new Set(question.visibleChoices.map((item) => item.value));
  if (question.showOtherItem) offered.add(question.otherItem.value);
  const picked = Array.isArray(value) ? value : [value];
  const custom = (question as { allowCustomChoices?: boolean }).allowCustomChoices;
  const notOffered = picked.filter((v) => !offered.has(v) && !(custom && typeof v === 'string'));
  return notOffered.length ? `${notOffered.map((v) => JSON.stringify(v)).join(', ')} was not offered for these answers` : null;
}

/** Inside each dynamic panel: no value for a question the panel does not show ({panel.x} conditions), no choice it did not offer. */
function panelProblems(question: QuestionPanelDynamicModel, key: string, sent: unknown, choicesByUrl: Set<string>): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const sentPanels = Array.isArray(sent) ? (sent as Record<string, unknown>[]) : [];
  question.panels.forEach((panel: PanelModel, index: number) => {
    for (const inner of panel.questions) {
      if (NO_ANSWER_TYPES.has(inner.getType()) || SERVER_COMPUTED_TYPES.has(inner.getType())) continue;
      // Only what the resident sent: a default the definition computes is not theirs to leave out.
      const sentPanel = sentPanels[index];
      if (!sentPanel || !Object.prototype.hasOwnProperty.call(sentPanel, inner.getValueName())) continue;
      const value = sentPanel[inner.getValueName()];
      if (inner.isValueEmpty(value, !inner.allowSpaceAsAnswer)) continue;
      const path = `${key}[${index}].${inner.getValueName()}`;
      if (!isShown(inner)) problems.push(problem(path, 'is not shown for these answers, so it must stay empty', question.name));
      else {
        const notOffered = notOfferedChoices(inner, value, choicesByUrl);
        if (notOffered) problems.push(problem(path, notOffered, question.name));
        if (inner instanceof QuestionPanelDynamicModel) problems.push(...panelProblems(inner, path, value, choicesByUrl));
      }
    }
  });
  return problems;
}

/** survey-core's errors, on the question and inside its panels and matrix cells, each named by its path. */
function collectErrors(question: Question, path: string, problems: AnswerProblem[]) {
  for (const error of question.errors) problems.push(problem(path, error.getText(), question.name));
  if (question instanceof QuestionPanelDynamicModel) {
    question.panels.forEach((panel: PanelModel, index: number) => {
      for (const inner of panel.questions) collectErrors(inner, `${path}[${index}].${inner.getValueName()}`, problems);
    });
  } else if (question instanceof QuestionMatrixDropdownModelBase) {
    for (const row of question.visibleRows ?? []) {
      for (const cell of row.cells) collectErrors(cell.question, `${path}.${row.rowName}.${cell.column?.name}`, problems);
    }
  }
}

/** A deep copy of JSON data (structuredClone's objects fail survey-core's plain-object checks under Jest's VM realms). */
function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
