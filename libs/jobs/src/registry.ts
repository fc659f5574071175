import type { AppConfig } from '@app/config';

/**
 * Every background job the platform runs, declared once: its queue, its name, its payload and how
 * its id is derived. Job ids are derived from what the job does, so handing the same work to
 * BullMQ twice (the outbox after a retry, the reconciler after Redis lost its data, two workers at
 * once) is a no-op. The SQL functions that write outbox rows (libs/database/src/sql) use the same
 * names and id schemes; test/e2e/job-registry.e2e-spec.ts checks that they agree.
 */

/** One survey version compiled for one municipality, for request number `seq`. */
export interface CompileResultsJob {
  surveyVersionId: string;
  municipalityId: string;
  seq: number;
}
/** One row of `message` to send. */
export interface SendMessageJob {
  messageId: string;
}
/**
 * The reminder of one meeting, due REMINDER_LEAD_MINUTES before it starts, for the start time it
 * was planned for (a moved meeting gets a new job; the old one finds the time changed and sends nothing).
 */
export interface RemindJob {
  meetingId: string;
  /** ISO time. */
  startsAt: string;
}
/** Repeating sweeps carry nothing: they read what to do from the database. */
export type SweepJob = Record<string, never>;

/** Queue -> job name -> payload. Queue names are BullMQ's, which forbids ':' in them. */
export interface JobPayloads {
  results: { compile: CompileResultsJob; 'close-sweep': SweepJob };
  messages: { send: SendMessageJob; 'retry-sweep': SweepJob };
  signups: { remind: RemindJob; 'retention-sweep': SweepJob };
  studies: { 'retention-sweep': SweepJob };
}

export type QueueName = keyof JobPayloads;
export type JobName<Q extends QueueName> = keyof JobPayloads[Q] & string;
export type JobData<Q extends QueueName, N extends JobName<Q>> = JobPayloads[Q][N];

/** How a job comes to exist: once per piece of work (its id from the payload), or on a timer. */
type JobDefinition<P> = P extends SweepJob
  ? { kind: 'repeating'; everyMs: (config: AppConfig) => number }
  : { kind: 'once'; jobId: (payload: P) => string };

type Registry = { [Q in QueueName]: { [N in JobName<Q>]: JobDefinition<JobPayloads[Q][N]> } };

export const JOBS: Registry = {
  results: {
    compile: { kind: 'once', jobId: (p) => `compile-${p.surveyVersionId}-${p.municipalityId}-${p.seq}` },
    // Asks for compiles of surveys whose closing time has passed.
    'close-sweep': { kind: 'repeating', everyMs: (config) => config.RESULTS_CLOSE_SWEEP_MS },
  },
  messages: {
    send: { kind: 'once', jobId: (p) => `message-${p.messageId}` },
    // Gives unsent messages whose retries ran out their job again.
    'retry-sweep': { kind: 'repeating', everyMs: (config) => config.MESSAGE_RETRY_SWEEP_MS },
  },
  signups: {
    remind: { kind: 'once', jobId: (p) => `remind-${p.meetingId}-${Date.parse(p.startsAt)}` },
    // Deletes contact details past their retention period.
    'retention-sweep': { kind: 'repeating', everyMs: (config) => config.RETENTION_SWEEP_MS },
  },
  studies: {
    // Enforces each study's retention per data class (contacts, free text, paradata, exports).
    'retention-sweep': { kind: 'repeating', everyMs: (config) => config.RETENTION_SWEEP_MS },
  },
};

export const QUEUES: { [Q in QueueName]: Q } = { results: 'results', messages: 'messages', signups: 'signups', studies: 'studies' };
export const QUEUE_NAMES = Object.keys(JOBS) as QueueName[];

/** A job ready for the outbox or the queue: where it goes, what it is called, its payload and its id. */
export interface JobSpecOf<Q extends QueueName> {
  queue: Q;
  name: JobName<Q>;
  payload: object;
  jobId: string;
}
export type JobSpec = { [Q in QueueName]: JobSpecOf<Q> }[QueueName];

type AnyDefinition = { kind: 'once'; jobId: (payload: unknown) => string } | { kind: 'repeating'; everyMs: (config: AppConfig) => number };
const definitionsOf = (queue: QueueName) => JOBS[queue] as unknown as Record<string, AnyDefinition>;

/** The one way to build a one-off job: the id comes from the registry, never from the caller. */
export function jobSpec<Q extends QueueName, N extends JobName<Q>>(queue: Q, name: N, payload: JobData<Q, N>): JobSpecOf<Q> {
  const definition = definitionsOf(queue)[name];
  if (definition.kind !== 'once') throw new Error(`${queue}/${name} is a repeating job; it has no one-off id`);
  return { queue, name, payload: payload as object, jobId: definition.jobId(payload) };
}

/** The repeating jobs of a queue and how often each runs. */
export function repeatingJobs(queue: QueueName, config: AppConfig): { name: string; everyMs: number }[] {
  return Object.entries(definitionsOf(queue)).flatMap(([name, definition]) =>
    definition.kind === 'repeating' ? [{ name, everyMs: definition.everyMs(config) }] : [],
  );
}

/** Whether `name` is a job the registry declares on `queue` (rows and jobs from outside are checked with this). */
export function isJobName<Q extends QueueName>(queue: Q, name: string): name is JobName<Q> {
  return Object.prototype.hasOwnProperty.call(JOBS[queue], name);
}

export function isQueueName(name: string): name is QueueName {
  return Object.prototype.hasOwnProperty.call(JOBS, name);
}
