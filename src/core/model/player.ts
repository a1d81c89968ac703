// The model as a player: plays a scenario's tasks in order, sending what `buildMessages` builds
// (history own|given, --no-context), grades each answer (checks, then the judge if one is set),
// and saves the run after every task.
//
// A task always ends in one of two ways, never dropped:
// - answered: `answer` set, verdicts from checks/judge (a reply stopped with Esc is kept, marked
//   `cutOff`, and graded as it stands);
// - failed to answer: `error` set (one line, e.g. "cannot reach ... (after 4 tries)"), `tries`
//   recorded, the longest partial reply kept in `draft` (cutOff), and every rubric item `fail`
//   by `error` - so the task counts as failed in every solve rate, and is shown with its error.
//   Under --history own, the tasks after it cannot be built (they need its answer): they fail the
//   same way with "not attempted: ...". Resuming the run tries failed tasks again.
import { randomBytes } from 'node:crypto';
import { givenTurnCount, requestMessages } from '../clbench/messages.js';
import { taskForJudge } from '../clbench/question.js';
import { errorMessage } from '../errors.js';
import { taskStatus, type Verdict } from '../grading/verdict.js';
import { applyJudge, gradeAnswer, withGrade } from '../judge/grade-task.js';
import type { Judge } from '../judge/judge.js';
import type { RunStore } from '../runs/store.js';
import { newRunId } from '../runs/store.js';
import { RUN_SCHEMA_VERSION, type HistoryMode, type RunRecord, type TaskResult } from '../runs/types.js';
import type { Scenario } from '../scenario/schema.js';
import { ModelCallError, type ChatClient, type RetryInfo } from './client.js';
import { modelPlayer, type Endpoint } from './endpoint.js';
import { isConfigError, type ModelErrorKind } from './errors.js';
import { StreamTimingRecorder } from '../replay/stream-timing.js';

export interface NewModelRunOptions {
  history: HistoryMode;
  noContext?: boolean;
  batchId?: string;
  repeat?: number;
  matchId?: string;
  judge?: string;
  /** Stream the replies; default: not for an imported CL-bench scenario (upstream's request), else yes. */
  stream?: boolean;
  now?: Date;
}

/** Does a run stream its replies unless told: clplay's own scenarios yes, imported CL-bench no. */
export function streamsByDefault(scenario: Pick<Scenario, 'source'>): boolean {
  return scenario.source?.format !== 'cl-bench';
}

export function newModelRun(scenario: Scenario, endpoint: Endpoint, opts: NewModelRunOptions): RunRecord {
  const run: RunRecord = {
    schemaVersion: RUN_SCHEMA_VERSION,
    id: newRunId(),
    scenarioId: scenario.id,
    scenarioHash: scenario.hash,
    scenarioTitle: scenario.title,
    category: scenario.category,
    player: modelPlayer(endpoint),
    history: opts.history,
    startedAt: (opts.now ?? new Date()).toISOString(),
    status: 'in-progress',
    tasks: scenario.tasks.map((t) => ({ taskId: t.id, verdicts: [], status: 'pending' })),
  };
  if (opts.noContext) run.noContext = true;
  const stream = opts.stream ?? streamsByDefault(scenario);
  if (!stream) run.stream = false;
  const given = givenTurnCount(scenario);
  if (given) run.givenTurns = given;
  if (opts.batchId) run.batchId = opts.batchId;
  if (opts.repeat !== undefined) run.repeat = opts.repeat;
  if (opts.matchId) run.matchId = opts.matchId;
  if (opts.judge) run.judge = opts.judge;
  return run;
}

export function newMatchId(): string {
  return `m-${randomBytes(6).toString('hex')}`;
}

/** Answered (an answer and no error): nothing left to ask the model. */
export function isAnswered(t: TaskResult | undefined): boolean {
  return !!t && t.answer !== undefined && !t.error;
}

/** Answered with items still pending or unscored that a judge could decide. */
export function needsJudge(t: TaskResult | undefined): boolean {
  return isAnswered(t) && t!.verdicts.some((v) => v.status === 'pending' || v.status === 'unscored');
}

/** The answers so far, by task index, for own history. */
export function answersOf(run: RunRecord): (string | undefined)[] {
  return run.tasks.map((t) => (isAnswered(t) ? t.answer : undefined));
}

/** Can task i be asked now? Under own history, every earlier task must be answered. */
export function isReady(run: RunRecord, i: number): boolean {
  if (run.history !== 'own') return true;
  for (let k = 0; k < i; k++) if (!isAnswered(run.tasks[k])) return false;
  return true;
}

function failedVerdicts(n: number, reason: string, at: string): Verdict[] {
  return Array.from({ length: n }, () => ({ status: 'fail' as const, by: 'error', reason, at }));
}

export interface PlayTaskOptions {
  client: ChatClient;
  judge?: Judge;
  /** Saves the run after the task (and is awaited). */
  store?: Pick<RunStore, 'save'>;
  signal?: AbortSignal;
  /**
   * What a stop (signal) does to the reply in flight: 'keep' grades the text so far as the
   * answer, marked cutOff (watch: Esc); 'discard' leaves the task untouched so a resume asks
   * again (headless: Ctrl+C). Default 'keep'.
   */
  onStop?: 'keep' | 'discard';
  onDelta?: (text: string) => void;
  onRetry?: (info: RetryInfo) => void;
  now?: () => Date;
  /**
   * What an endpoint configuration error (401, 403, 404: bad key, no access, wrong model or URL)
   * does: 'record' keeps it as the task's failure (watch shows it); 'stop' leaves the task
   * untouched and returns `config-error` - it says nothing about the model, so a batch stops
   * without recording a result. Default 'record'.
   */
  configErrors?: 'record' | 'stop';
}

export type TaskOutcome =
  | { kind: 'answered'; result: TaskResult; judgeCalls: number }
  | { kind: 'failed'; result: TaskResult; errorKind?: ModelErrorKind }
  | { kind: 'config-error'; error: string }
  | { kind: 'stopped' };

/**
 * Plays task `i` of `run` (mutating run.tasks[i]) and saves. Never throws for a model failure:
 * that becomes a failed task with its error. (A UserError from buildMessages - e.g. --no-context
 * on an imported chain - is a setup problem and is thrown.)
 */
export async function playTask(scenario: Scenario, run: RunRecord, i: number, opts: PlayTaskOptions): Promise<TaskOutcome> {
  const now = opts.now ?? (() => new Date());
  const task = scenario.tasks[i]!;
  const startedAt = now().toISOString();
  const n = task.rubric.length;

  if (run.history === 'own') {
    const missing = run.tasks.slice(0, i).findIndex((t) => !isAnswered(t));
    if (missing >= 0) {
      const reason = `not attempted: task ${scenario.tasks[missing]!.id} before it has no answer, and --history own needs it`;
      const result: TaskResult = { taskId: task.id, startedAt, error: reason, tries: 0, verdicts: failedVerdicts(n, reason, startedAt), status: 'failed' };
      run.tasks[i] = result;
      await opts.store?.save(run);
      return { kind: 'failed', result };
    }
  }
  const messages = requestMessages(scenario, i, { history: run.history, answers: answersOf(run), noContext: run.noContext });

  // Every model attempt (run, watch, versus) passes here: the reply's pace is recorded once, for replay.
  const timing = new StreamTimingRecorder(Date.parse(startedAt));
  const onDelta = (d: string) => {
    timing.add(d.length, now().getTime());
    opts.onDelta?.(d);
  };
  const onRetry = (info: RetryInfo) => {
    timing.reset();
    opts.onRetry?.(info);
  };
  let completion;
  try {
    completion = await opts.client.complete(messages, { onDelta, onRetry, signal: opts.signal, stream: run.stream ?? true });
  } catch (err) {
    const at = now().toISOString();
    const e = err instanceof ModelCallError ? err : undefined;
    const reason = errorMessage(err);
    if (opts.configErrors === 'stop' && isConfigError(e)) return { kind: 'config-error', error: reason };
    const result: TaskResult = {
      taskId: task.id,
      startedAt,
      error: reason,
      tries: e?.tries ?? 1,
      verdicts: failedVerdicts(n, `no answer: ${reason}`, at),
      status: 'failed',
    };
    if (e?.latencyMs !== undefined) result.latencyMs = e.latencyMs;
    if (e?.partialText) {
      result.draft = e.partialText;
      result.cutOff = true;
      const t = timing.result();
      if (t) result.timing = t;
    }
    run.tasks[i] = result;
    await opts.store?.save(run);
    return { kind: 'failed', result, errorKind: e?.kind };
  }
  if (completion.cutOff && (opts.onStop ?? 'keep') === 'discard') return { kind: 'stopped' };

  const submittedAt = now().toISOString();
  const result: TaskResult = {
    taskId: task.id,
    answer: completion.text,
    startedAt,
    submittedAt,
    tries: completion.tries,
    latencyMs: completion.latencyMs,
    verdicts: [],
    status: 'pending',
  };
  if (completion.cutOff) result.cutOff = true;
  // Answered, but truncated at the reply size limit: graded as it stands, and marked.
  if (completion.truncated) result.truncated = true;
  if (completion.usage) result.usage = completion.usage;
  const paced = timing.result();
  if (paced) result.timing = paced;
  // The answer is saved before the judge is asked, so a stop or a crash while judging loses nothing.
  const checked = await gradeAnswer(task, completion.text);
  result.verdicts = checked.verdicts;
  result.status = taskStatus(result.verdicts);
  run.tasks[i] = result;
  let judgeCalls = 0;
  if (opts.judge && !opts.signal?.aborted) {
    await opts.store?.save(run);
    const graded = await applyJudge(taskForJudge(scenario, i), completion.text, result.verdicts, opts.judge, opts.signal);
    judgeCalls = graded.judgeCalls;
    Object.assign(result, withGrade(result, graded));
  }
  await opts.store?.save(run);
  return { kind: 'answered', result, judgeCalls };
}

/** Sets end time and status from the tasks. */
export function finishRun(run: RunRecord, stopped: boolean, now = new Date()): void {
  const allEnded = run.tasks.every((t) => isAnswered(t) || !!t.error);
  run.status = stopped || !allEnded ? 'stopped' : 'finished';
  run.endedAt = now.toISOString();
}

export interface PlayRunOptions extends Omit<PlayTaskOptions, 'onDelta'> {
  onDelta?: (taskIndex: number, text: string) => void;
  onTaskStart?: (taskIndex: number) => void;
  onTaskEnd?: (taskIndex: number, outcome: TaskOutcome) => void;
  /** Retry tasks that failed before (resume). Default true. */
  retryFailed?: boolean;
}

/** Plays every task not yet answered, in order; judges answered tasks left pending if a judge is set. */
export async function playRun(scenario: Scenario, run: RunRecord, opts: PlayRunOptions): Promise<RunRecord> {
  let stopped = false;
  for (let i = 0; i < scenario.tasks.length; i++) {
    if (opts.signal?.aborted) {
      stopped = true;
      break;
    }
    const t = run.tasks[i];
    if (isAnswered(t)) continue;
    if (t?.error && opts.retryFailed === false) continue;
    opts.onTaskStart?.(i);
    const outcome = await playTask(scenario, run, i, { ...opts, onDelta: opts.onDelta ? (d) => opts.onDelta!(i, d) : undefined });
    opts.onTaskEnd?.(i, outcome);
    if (outcome.kind === 'stopped') {
      stopped = true;
      break;
    }
  }
  finishRun(run, stopped);
  await opts.store?.save(run);
  return run;
}
