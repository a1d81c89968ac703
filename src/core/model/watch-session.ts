// A model playing one scenario live, for the watch screen (and the model side of versus): one
// task at a time, its reply streaming in. Listeners are told about changes at most every
// `batchMs` (default 50 ms), so a fast stream does not re-render on every delta. Stopping a reply
// (Esc) keeps what arrived, marked cut off, and grades it as it stands. Saved after every task.
// No React here: the screen subscribes.
import { taskForJudge } from '../clbench/question.js';
import { applyJudge, withGrade } from '../judge/grade-task.js';
import type { Judge } from '../judge/judge.js';
import type { RunRecord, TaskResult } from '../runs/types.js';
import type { Scenario } from '../scenario/schema.js';
import type { ChatClient } from './client.js';
import { finishRun, isAnswered, playTask, type TaskOutcome } from './player.js';

export type WatchPhase = 'idle' | 'answering' | 'judging' | 'done' | 'failed';

export interface WatchState {
  /** The task on screen. */
  index: number;
  phase: WatchPhase;
  /** The reply so far (streaming) or the answer (done). */
  text: string;
  /** Tries of the current request so far (1 while the first runs). */
  tries: number;
  /** Last retry reason, shown while a request is retried. */
  retrying?: string;
  result?: TaskResult;
  auto: boolean;
  /** Every task has ended (answered or failed). */
  finished: boolean;
  /** Bumped on every change (for React's external store). */
  version: number;
}

export interface WatchSessionOptions {
  scenario: Scenario;
  run: RunRecord;
  client: ChatClient;
  judge?: Judge;
  store?: { save(run: RunRecord): Promise<void> };
  /** Start the next task by itself when one ends. */
  auto?: boolean;
  batchMs?: number;
  onError?: (err: unknown) => void;
}

export class WatchSession {
  readonly scenario: Scenario;
  readonly run: RunRecord;
  private state: WatchState;
  private listeners = new Set<() => void>();
  private ctl: AbortController | undefined;
  private flushTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private running: Promise<void> | undefined;

  constructor(private readonly opts: WatchSessionOptions) {
    this.scenario = opts.scenario;
    this.run = opts.run;
    const first = this.run.tasks.findIndex((t) => !isAnswered(t) && !t.error);
    const index = first < 0 ? this.scenario.tasks.length - 1 : first;
    this.state = {
      index,
      phase: 'idle',
      text: '',
      tries: 0,
      auto: opts.auto ?? false,
      finished: first < 0,
      version: 0,
    };
    if (first < 0) this.state = { ...this.state, phase: 'done', result: this.run.tasks[index], text: this.run.tasks[index]?.answer ?? '' };
  }

  getState = (): WatchState => this.state;

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  private set(patch: Partial<WatchState>, now = true): void {
    this.state = { ...this.state, ...patch, version: this.state.version + 1 };
    if (now) this.flush();
    else if (!this.flushTimer) this.flushTimer = setTimeout(() => this.flush(), this.opts.batchMs ?? 50);
  }

  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    for (const l of this.listeners) l();
  }

  /** Ask the model the task on screen (no-op while one is running or when all are done). */
  start(): Promise<void> {
    if (this.running || this.closed || this.state.finished) return this.running ?? Promise.resolve();
    if (this.state.phase === 'done' || this.state.phase === 'failed') return Promise.resolve();
    this.running = this.play(this.state.index).finally(() => {
      this.running = undefined;
      if (this.state.auto && !this.state.finished && !this.closed) this.next();
    });
    return this.running;
  }

  private async play(i: number): Promise<void> {
    const ctl = new AbortController();
    this.ctl = ctl;
    let text = '';
    this.set({ phase: 'answering', text: '', tries: 1, retrying: undefined, result: undefined });
    let outcome: TaskOutcome;
    try {
      outcome = await playTask(this.scenario, this.run, i, {
        client: this.opts.client,
        store: this.opts.store,
        signal: ctl.signal,
        onStop: 'keep',
        onDelta: (d) => {
          text += d;
          if (this.state.phase === 'answering') this.set({ text }, false);
        },
        onRetry: (info) => {
          text = '';
          this.set({ text: '', tries: info.tries + 1, retrying: info.error.message });
        },
      });
      // The judge runs after the reply is saved, so the screen can show "judging".
      if (outcome.kind === 'answered' && this.opts.judge && !this.closed) {
        this.set({ phase: 'judging', text: outcome.result.answer ?? text, result: outcome.result });
        const graded = await applyJudge(taskForJudge(this.scenario, i), outcome.result.answer ?? '', outcome.result.verdicts, this.opts.judge);
        Object.assign(outcome.result, withGrade(outcome.result, graded));
        await this.opts.store?.save(this.run);
      }
    } catch (err) {
      this.opts.onError?.(err);
      this.set({ phase: 'failed', retrying: undefined });
      return;
    } finally {
      this.ctl = undefined;
    }
    const result = this.run.tasks[i]!;
    const finished = this.run.tasks.every((t) => isAnswered(t) || !!t.error);
    if (finished) {
      finishRun(this.run, false);
      await this.opts.store?.save(this.run);
    }
    this.set({
      phase: outcome.kind === 'failed' ? 'failed' : 'done',
      text: result.answer ?? result.draft ?? text,
      result,
      retrying: undefined,
      finished,
    });
  }

  /** Stop the reply in flight: what arrived is kept (cut off) and graded. */
  stop(): void {
    this.ctl?.abort();
  }

  /** Go to the next task and start it. */
  next(): void {
    if (this.running || this.closed) return;
    const i = this.state.index;
    if (i + 1 >= this.scenario.tasks.length) return;
    if (this.state.phase !== 'done' && this.state.phase !== 'failed') return;
    this.set({ index: i + 1, phase: 'idle', text: '', tries: 0, result: undefined });
    void this.start();
  }

  setAuto(auto: boolean): void {
    this.set({ auto });
    if (auto && !this.running) {
      if (this.state.phase === 'idle') void this.start();
      else this.next();
    }
  }

  /** Leave: a reply in flight is kept (cut off); the run is saved as stopped if unfinished. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.stop();
    this.closed = true;
    await this.running?.catch(() => undefined);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    if (!this.state.finished) {
      finishRun(this.run, true);
      await this.opts.store?.save(this.run);
    }
  }
}
