// Headless batches: many scenarios x K repeats against one model, N requests in flight.
//
// Scheduling: the work is split into lanes that a pool of `concurrency` workers takes in order.
// Under --history own a lane is one run (its tasks in order: each needs the answers before it);
// under --history given every task is its own lane (its messages do not depend on answers), so
// even one scenario fills the pool. Runs are created when their first task starts and saved after
// every task (RunStore serializes writes of one run).
//
// Resume: a batch is identified by what shapes the answers (model, base URL, temperature, max
// tokens, reasoning effort, history, no-context): rerunning the same command, or
// `--resume BATCH_OR_RUN`, finds the batch's runs and skips every task already answered (and, with
// a judge, already judged). Failed tasks are tried again. `fresh` starts a new batch.
//
// Stop: `drain` (the first Ctrl+C, a SIGTERM, a closed output pipe): workers take no new task and
// the requests in flight are waited for and saved - they are paid for, and a resume must not ask
// them again. `signal` (the wait ran out, or a second Ctrl+C): requests in flight are abandoned
// (their tasks stay unanswered, for a resume). Either way what finished is saved and the runs
// are marked stopped, with `stoppedBy` saying why.
import { createHash } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { buildMessages, givenTurnCount } from '../clbench/messages.js';
import { taskForJudge } from '../clbench/question.js';
import { scenarioScore } from '../grading/verdict.js';
import { needsJudge, regradeResult } from '../judge/grade-task.js';
import type { Judge } from '../judge/judge.js';
import type { RunStore } from '../runs/store.js';
import type { HistoryMode, RunRecord } from '../runs/types.js';
import type { Scenario } from '../scenario/schema.js';
import type { ChatClient } from './client.js';
import { answerParams, type Endpoint } from './endpoint.js';
import { finishRun, isAnswered, newModelRun, playTask } from './player.js';
import { mean as meanOf, stdev } from '../stats.js';

export interface BatchConfig {
  endpoint: Endpoint;
  /** 'auto': given for imported CL-bench scenarios (upstream's way), own for the rest. */
  history: HistoryMode | 'auto';
  noContext?: boolean;
  repeat: number;
  judgeName?: string;
  /** --stream: stream every reply (default: not for imported CL-bench scenarios, as upstream asks). */
  stream?: boolean;
}

export function historyFor(s: Pick<Scenario, 'source'>, mode: HistoryMode | 'auto'): HistoryMode {
  if (mode !== 'auto') return mode;
  return s.source?.format === 'cl-bench' ? 'given' : 'own';
}

/**
 * Fails early (UserError naming the scenario) when a scenario cannot be played this way:
 * --history given without given answers, --no-context on an imported chain.
 */
export function preflight(scenarios: readonly Scenario[], config: Pick<BatchConfig, 'history' | 'noContext'>): void {
  for (const s of scenarios) {
    const history = historyFor(s, config.history);
    const last = s.tasks.length - 1;
    buildMessages(s, last, { history, answers: s.tasks.map(() => ''), noContext: config.noContext });
  }
}

/** The batch id of a configuration: the same command resumes the same batch. */
export function batchKey(c: Omit<BatchConfig, 'repeat' | 'judgeName'>): string {
  const h = createHash('sha256')
    .update(
      JSON.stringify({
        model: c.endpoint.model,
        baseUrl: c.endpoint.baseUrl,
        params: answerParams(c.endpoint.params),
        history: c.history,
        noContext: !!c.noContext,
      }),
    )
    .digest('hex');
  return `b-${h.slice(0, 12)}`;
}

export interface BatchStats {
  /** Tasks to play in this invocation (skipped ones not counted). */
  total: number;
  done: number;
  solved: number;
  failedToAnswer: number;
  retries: number;
  judgeCalls: number;
  skipped: number;
  inFlight: number;
  startedMs: number;
}

export type BatchEvent =
  | { type: 'start'; stats: BatchStats; batchId: string; runs: number }
  | { type: 'task'; stats: BatchStats; run: RunRecord; taskIndex: number; line: string }
  | { type: 'retry'; stats: BatchStats; run: RunRecord; taskIndex: number; line: string }
  | { type: 'note'; stats: BatchStats; line: string }
  | { type: 'end'; stats: BatchStats };

export interface BatchOptions {
  store: RunStore;
  client: ChatClient;
  judge?: Judge;
  concurrency: number;
  signal?: AbortSignal;
  /** Stop gently: take no new task, finish and save the requests in flight. */
  drain?: AbortSignal;
  /** Why the batch stopped (saved in the runs as `stoppedBy`), asked when it stops. */
  stopReason?: () => string | undefined;
  /** The batch to continue (default: batchKey of the config). */
  batchId?: string;
  /** Runs already saved (all of the store, or just the batch's). */
  existing: readonly RunRecord[];
  onEvent?: (e: BatchEvent) => void;
  now?: () => Date;
}

export interface BatchResult {
  batchId: string;
  runs: RunRecord[];
  stats: BatchStats;
  stopped: boolean;
  /** Set when the endpoint is misconfigured (bad key, unknown model...): the batch was stopped. */
  fatal?: string;
}

interface Lane {
  run: RunRecord;
  scenario: Scenario;
  tasks: number[];
  created: boolean;
}

/** Runs of this batch for (scenario, repeat): the newest one for the same scenario content. */
function findRun(existing: readonly RunRecord[], batchId: string, s: Scenario, repeat: number): RunRecord | undefined {
  let found: RunRecord | undefined;
  for (const r of existing) {
    if (r.batchId !== batchId || r.scenarioId !== s.id || (r.repeat ?? 1) !== repeat) continue;
    if (r.scenarioHash !== s.hash) continue;
    if (!found || r.id > found.id) found = r;
  }
  return found;
}

export async function runBatch(scenarios: readonly Scenario[], config: BatchConfig, opts: BatchOptions): Promise<BatchResult> {
  preflight(scenarios, config);
  const batchId = opts.batchId ?? batchKey(config);
  const now = opts.now ?? (() => new Date());
  const stats: BatchStats = { total: 0, done: 0, solved: 0, failedToAnswer: 0, retries: 0, judgeCalls: 0, skipped: 0, inFlight: 0, startedMs: Date.now() };
  const emit = (e: BatchEvent) => opts.onEvent?.(e);
  const runs: RunRecord[] = [];
  const lanes: Lane[] = [];
  const notes: string[] = [];
  const stale = new Set<string>();
  const finishing: RunRecord[] = [];

  for (const s of scenarios) {
    const given = givenTurnCount(s);
    if (given && historyFor(s, config.history) === 'own') {
      notes.push(
        `scenario ${s.id}: the model's own answers to the ${given} turn${given === 1 ? '' : 's'} before its first task are not available (the file held no row for ${given === 1 ? 'it' : 'them'}); upstream's given answers are used, and the run records it`,
      );
    }
    for (let r = 1; r <= config.repeat; r++) {
      let run = findRun(opts.existing, batchId, s, r);
      let created = true;
      if (!run) {
        const older = opts.existing.find((x) => x.batchId === batchId && x.scenarioId === s.id && (x.repeat ?? 1) === r);
        if (older && !stale.has(s.id)) {
          stale.add(s.id);
          notes.push(`scenario ${s.id} changed since run ${older.id}; its tasks are played again in a new run`);
        }
        run = newModelRun(s, config.endpoint, { history: historyFor(s, config.history), noContext: config.noContext, batchId, repeat: r, judge: config.judgeName, stream: config.stream, now: now() });
        created = false;
      } else {
        // Resumed: the run's tasks line up with the scenario (same content hash).
        if (config.judgeName) run.judge = config.judgeName;
      }
      runs.push(run);
      const todo: number[] = [];
      s.tasks.forEach((_, i) => {
        const t = run!.tasks[i];
        if (!isAnswered(t)) todo.push(i);
        else if (opts.judge && needsJudge(s.tasks[i]!, t!, opts.judge)) todo.push(i);
        else stats.skipped++;
      });
      if (todo.length === 0) {
        if (created && run.status !== 'finished') finishing.push(run);
        continue;
      }
      stats.total += todo.length;
      if (created && run.status !== 'in-progress') {
        // A resumed run is in progress again until its tasks end.
        run.status = 'in-progress';
        delete run.endedAt;
      }
      if (run.history === 'own') lanes.push({ run, scenario: s, tasks: todo, created });
      else for (const i of todo) lanes.push({ run, scenario: s, tasks: [i], created });
    }
  }
  // Longest chains first: a long chain started last would run alone at the end (its tasks are
  // sequential), so the pool stays full until the end this way. Stable for equal lengths.
  lanes.sort((a, b) => b.tasks.length - a.tasks.length);
  emit({ type: 'start', stats: { ...stats }, batchId, runs: runs.length });
  for (const line of notes) emit({ type: 'note', stats: { ...stats }, line });

  const internal = new AbortController();
  // Every request in flight listens to this signal: more than Node's default 10 is expected.
  setMaxListeners(0, internal.signal);
  const onOuterAbort = () => internal.abort();
  opts.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const signal = internal.signal;
  let fatal: string | undefined;
  let answeredAny = false;
  // Saves leave the worker's path: a worker moves on while its run is written (RunStore writes
  // one run's versions in order and serializes each at call time, so a newer state is never
  // overwritten by an older one). All writes are awaited before runBatch returns; a failed
  // write stops the batch - nothing is silently left unsaved.
  const pendingSaves = new Set<Promise<void>>();
  let saveError: unknown;
  const saver = {
    save(run: RunRecord): Promise<void> {
      // The last task of a run also closes it: one write instead of two.
      if (run.status === 'in-progress' && run.tasks.every((t) => isAnswered(t) || !!t.error)) {
        finishRun(run, false, now());
        delete run.stoppedBy;
      }
      const p = opts.store.save(run).catch((err: unknown) => {
        saveError ??= err;
        internal.abort();
      });
      pendingSaves.add(p);
      void p.finally(() => pendingSaves.delete(p));
      return Promise.resolve();
    },
  };
  // A run's file is created when its first task starts. If the batch stops early, the runs not
  // started yet are created then (not played), so the saved batch records its whole plan and
  // --resume finds every scenario of it.
  const creating = new Map<string, Promise<void>>();
  const create = (run: RunRecord): Promise<void> => {
    let p = creating.get(run.id);
    if (!p) {
      p = opts.store.create(run);
      creating.set(run.id, p);
    }
    return p;
  };
  const ensureCreated = async (lane: Lane): Promise<void> => {
    if (lane.created) return;
    await create(lane.run);
    lane.created = true;
  };
  const label = (run: RunRecord, i: number, s: Scenario) => `${run.scenarioId}${config.repeat > 1 ? `#${run.repeat}` : ''} ${s.tasks[i]!.id}`;

  async function doTask(lane: Lane, i: number): Promise<void> {
    const { run, scenario } = lane;
    await ensureCreated(lane);
    stats.inFlight++;
    try {
      if (isAnswered(run.tasks[i])) {
        // Answered earlier; only the judge is missing.
        const out = await regradeResult(taskForJudge(scenario, i), run.tasks[i]!, opts.judge!, signal);
        if (signal.aborted && out.changed === 0) return;
        run.tasks[i] = out.result;
        stats.judgeCalls += out.judgeCalls;
        await saver.save(run);
        stats.done++;
        if (out.result.status === 'solved') stats.solved++;
        emit({ type: 'task', stats: { ...stats }, run, taskIndex: i, line: `${label(run, i, scenario)}: judged, ${out.result.status}` });
        return;
      }
      const outcome = await playTask(scenario, run, i, {
        client: opts.client,
        judge: opts.judge,
        store: saver,
        signal,
        onStop: 'discard',
        configErrors: 'stop',
        now,
        onRetry: (info) => {
          stats.retries++;
          emit({
            type: 'retry',
            stats: { ...stats },
            run,
            taskIndex: i,
            line: `${label(run, i, scenario)}: try ${info.tries} failed (${info.error.message}); retrying in ${(info.delayMs / 1000).toFixed(1)}s`,
          });
        },
      });
      if (outcome.kind === 'stopped') return;
      if (outcome.kind === 'config-error') {
        // The endpoint is misconfigured: nothing is recorded (it says nothing about the model).
        fatal ??= outcome.error;
        internal.abort();
        return;
      }
      stats.done++;
      if (outcome.kind === 'answered') {
        answeredAny = true;
        stats.judgeCalls += outcome.judgeCalls;
        if (outcome.result.status === 'solved') stats.solved++;
        const r = outcome.result;
        const tries = (r.tries ?? 1) > 1 ? `, ${r.tries} tries` : '';
        emit({ type: 'task', stats: { ...stats }, run, taskIndex: i, line: `${label(run, i, scenario)}: ${r.status}${tries}${r.cutOff ? ', cut off' : ''}${r.truncated ? ', reply truncated at the size limit' : ''}` });
      } else {
        stats.failedToAnswer++;
        const r = outcome.result;
        emit({ type: 'task', stats: { ...stats }, run, taskIndex: i, line: `${label(run, i, scenario)}: FAILED to answer: ${r.error}` });
        const kind = outcome.errorKind;
        if (!fatal && kind === 'connection' && !answeredAny) {
          fatal = r.error;
          internal.abort();
        }
      }
    } finally {
      stats.inFlight--;
    }
  }

  let next = 0;
  async function worker(): Promise<void> {
    const halted = () => signal.aborted || !!opts.drain?.aborted;
    while (!halted() && next < lanes.length) {
      const lane = lanes[next++]!;
      for (const i of lane.tasks) {
        if (halted()) break;
        await doTask(lane, i);
      }
    }
  }
  try {
    const n = Math.max(1, Math.min(opts.concurrency, lanes.length || 1));
    await Promise.all(Array.from({ length: n }, worker));
  } finally {
    opts.signal?.removeEventListener('abort', onOuterAbort);
  }
  for (const lane of lanes) if (!lane.created) await ensureCreated(lane);
  await Promise.all([...pendingSaves]);
  if (saveError) throw saveError;
  const stopped = signal.aborted || !!opts.drain?.aborted;
  const stoppedBy = stopped ? (opts.stopReason?.() ?? (fatal ? 'endpoint configuration error' : undefined)) : undefined;
  // Close every run this invocation touched (all are created by now).
  const touched = new Set([...finishing, ...lanes.map((l) => l.run)]);
  for (const run of touched) {
    if (run.status === 'finished') continue;
    finishRun(run, stopped && !run.tasks.every((t) => isAnswered(t) || !!t.error), now());
    if (run.status === 'stopped' && stoppedBy) run.stoppedBy = stoppedBy;
    else delete run.stoppedBy;
    await opts.store.save(run);
  }
  emit({ type: 'end', stats: { ...stats } });
  return { batchId, runs, stats, stopped, ...(fatal ? { fatal } : {}) };
}

// ---- summaries -------------------------------------------------------------------------------

export interface RunSummary {
  id: string;
  scenarioId: string;
  repeat: number;
  status: RunRecord['status'];
  tasks: number;
  solved: number;
  failed: number;
  /** Answered, with items still undecided (pending or unscored). */
  pending: number;
  /** Failed to answer (an error; counted in failed too). */
  errors: number;
  /** Not played yet (stopped before them). */
  unplayed: number;
  tries: number;
  solveRate: number;
  rubricRate: number | null;
}

export function summarizeRun(run: RunRecord, scenario?: Scenario): RunSummary {
  const weights = scenario?.tasks.map((t) => t.rubric.map((r) => r.weight));
  const score = scenarioScore(
    run.tasks.map((t) => t.verdicts),
    weights,
  );
  const unplayed = run.tasks.filter((t) => t.answer === undefined && !t.error).length;
  return {
    id: run.id,
    scenarioId: run.scenarioId,
    repeat: run.repeat ?? 1,
    status: run.status,
    tasks: run.tasks.length,
    solved: score.solved,
    failed: score.failed,
    pending: score.pending - unplayed,
    errors: run.tasks.filter((t) => !!t.error).length,
    unplayed,
    tries: run.tasks.reduce((a, t) => a + (t.tries ?? 0), 0),
    solveRate: score.solveRate,
    rubricRate: score.rubric.rate,
  };
}

export interface BatchSummary {
  batchId: string;
  model: string;
  baseUrl: string;
  history: HistoryMode | 'auto';
  noContext: boolean;
  judge?: string;
  runs: RunSummary[];
  tasks: number;
  solved: number;
  failed: number;
  pending: number;
  errors: number;
  unplayed: number;
  /** Solve rate (solved / decided) of each repeat with a decided task (CL-bench: mean and sd over runs). */
  solveRateByRepeat: number[];
  solveRateMean: number;
  solveRateSd: number;
}

export function summarizeBatch(res: BatchResult, config: BatchConfig, scenarios: readonly Scenario[]): BatchSummary {
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  const runs = res.runs.map((r) => summarizeRun(r, byId.get(r.scenarioId)));
  const byRepeat: number[] = [];
  for (let k = 1; k <= config.repeat; k++) {
    const rs = runs.filter((r) => r.repeat === k);
    // Solved / decided, as `clplay results` and CL-bench (solved / graded) count it: tasks still
    // pending or not played are shown beside the rate, never counted as failed.
    const solved = rs.reduce((a, r) => a + r.solved, 0);
    const decided = solved + rs.reduce((a, r) => a + r.failed, 0);
    if (decided > 0) byRepeat.push(solved / decided);
  }
  const mean = meanOf(byRepeat) ?? 0;
  const sd = stdev(byRepeat) ?? 0;
  const sum = (f: (r: RunSummary) => number) => runs.reduce((a, r) => a + f(r), 0);
  return {
    batchId: res.batchId,
    model: config.endpoint.model,
    baseUrl: config.endpoint.baseUrl,
    history: config.history,
    noContext: !!config.noContext,
    ...(config.judgeName ? { judge: config.judgeName } : {}),
    runs,
    tasks: sum((r) => r.tasks),
    solved: sum((r) => r.solved),
    failed: sum((r) => r.failed),
    pending: sum((r) => r.pending),
    errors: sum((r) => r.errors),
    unplayed: sum((r) => r.unplayed),
    solveRateByRepeat: byRepeat,
    solveRateMean: mean,
    solveRateSd: sd,
  };
}
