// The live side of a human run: holds the session state, applies actions, and saves - drafts
// debounced (~500 ms after typing stops), submissions, pauses and leaving at once. No Ink: the
// screens subscribe to it (useSyncExternalStore) and the tests drive it directly.
import type { Scenario } from '../scenario/schema.js';
import type { RunRecord } from '../runs/types.js';
import { Autosaver, type AutosaverOptions } from './autosave.js';
import {
  activeNow,
  initPlay,
  isFinished,
  playReducer,
  submitAnswer,
  expireRun,
  runActiveMs,
  type Grader,
  type PlayAction,
  type PlayState,
  type ViewSpan,
} from './session.js';

export interface PlayControllerOptions {
  save: (run: RunRecord) => Promise<void>;
  grade: Grader;
  now?: () => number;
  /** Draft save debounce (default 500 ms). */
  delayMs?: number;
  /** A save failed; `keptAt` is the recovery file that holds the run meanwhile. */
  onSaveError?: (err: unknown, keptAt: string | undefined) => void;
  /** Where the run is kept while it cannot be saved (src/core/runs/recovery.ts). */
  recovery?: AutosaverOptions['recovery'];
}

export class PlayController {
  private s: PlayState;
  private readonly listeners = new Set<() => void>();
  private readonly saver: Autosaver;
  private readonly now: () => number;

  constructor(
    readonly scenario: Scenario,
    run: RunRecord,
    private readonly o: PlayControllerOptions,
  ) {
    this.s = initPlay(run);
    this.now = o.now ?? Date.now;
    this.saver = new Autosaver({ save: o.save, delayMs: o.delayMs ?? 500, onError: o.onSaveError, recovery: o.recovery });
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getState = (): PlayState => this.s;

  get run(): RunRecord {
    return this.s.run;
  }

  get finished(): boolean {
    return isFinished(this.s);
  }

  get paused(): boolean {
    return this.s.pausedAt !== null;
  }

  /** Active ms of the current task so far. */
  elapsed(): number {
    return activeNow(this.s, this.now());
  }

  /** Unsaved changes or a write in flight. */
  get saving(): boolean {
    return this.saver.hasPending;
  }

  get lastSaveError(): unknown {
    return this.saver.lastError;
  }

  /** While saving fails: the recovery file holding the newest version of the run. */
  get keptAt(): string | undefined {
    return this.saver.keptAt;
  }

  private set(next: PlayState, save: 'debounce' | 'now' | 'none' = 'debounce', notify = true): Promise<void> {
    if (next === this.s) return Promise.resolve();
    const changed = next.version !== this.s.version;
    this.s = next;
    if (notify) for (const l of this.listeners) l();
    if (!changed || save === 'none') return Promise.resolve();
    if (save === 'now') return this.saver.saveNow(next.run);
    this.saver.schedule(next.run);
    return Promise.resolve();
  }

  dispatch(a: PlayAction, save: 'debounce' | 'now' | 'none' = 'debounce'): Promise<void> {
    return this.set(playReducer(this.s, a), save);
  }

  /** Starts (or continues) the clock of the current task. */
  open(): Promise<void> {
    return this.dispatch({ type: 'open', at: this.now() }, 'now');
  }

  draft(text: string, pasted?: number, continued?: boolean): void {
    void this.dispatch({ type: 'draft', text, pasted, continued, at: this.now() });
  }

  togglePause(): Promise<void> {
    return this.dispatch({ type: this.paused ? 'resume' : 'pause', at: this.now() }, 'now');
  }

  search(query: string): void {
    void this.dispatch({ type: 'search', query, at: this.now() });
  }

  /**
   * Records what part of the context is on screen. Nothing on screen shows it, so screens are not
   * told: a scroll step then costs one render, not two (the reader is the hot path).
   */
  view(span: ViewSpan): void {
    void this.set(playReducer(this.s, { type: 'view', span, at: this.now() }), 'debounce', false);
  }

  /** Brings the recorded active time up to date (called every few seconds while playing). */
  tick(): void {
    void this.dispatch({ type: 'tick', at: this.now() });
  }

  /** Grades and records the answer, saved at once. Resolves when it is on disk. */
  submit(answer: string): Promise<void> {
    return this.set(submitAnswer(this.s, this.scenario, answer, this.now(), this.o.grade), 'now');
  }

  /** A study's time limit ran out: the draft and every later task are submitted (saved at once). */
  expire(): Promise<void> {
    return this.set(expireRun(this.s, this.scenario, this.now(), this.o.grade), 'now');
  }

  /** Active ms of the whole run so far (a study's time limit counts this). */
  runActive(): number {
    return runActiveMs(this.s, this.now());
  }

  /**
   * A person marks rubric item `item` of submitted task `task` pass or fail (deciding a pending
   * item or overriding any verdict). Saved at once; resolves when it is on disk. False when the
   * task has no answer yet or no such item.
   */
  async judge(task: number, item: number, status: 'pass' | 'fail', person: string): Promise<boolean> {
    const next = playReducer(this.s, { type: 'judge', task, item, status, person, at: this.now() });
    if (next === this.s) return false;
    await this.set(next, 'now');
    return true;
  }

  /** Leaving (quit): stop the clock and write everything. */
  async close(): Promise<void> {
    await this.dispatch({ type: 'close', at: this.now() }, 'now');
    await this.saver.flush();
  }

  /** Writes anything pending now. */
  flush(): Promise<void> {
    return this.saver.flush();
  }
}
