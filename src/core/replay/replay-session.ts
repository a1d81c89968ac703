// A saved model run played back on the watch screen as it happened: each task's reply grows at
// its recorded pace (times `speed`), the verdicts appear when they did, then the next task starts
// after a short gap (the real gap could be someone away from the keyboard). Nothing is asked of
// any endpoint and nothing is saved: the run is only read. The clock is injected, so tests drive
// time by hand and the cast export runs through a replay as fast as it can render.
import type { WatchState } from '../model/watch-session.js';
import type { RunRecord } from '../runs/types.js';
import type { Scenario } from '../scenario/schema.js';
import { endMs, hasTiming, nextChangeMs, runTimelines, taskViewAt, type TaskTimeline } from './timeline.js';
import type { ReplayControls, WatchSource } from './watch-source.js';

export interface ReplayClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: ReplayClock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16] as const;
export const NO_TIMING_NOTE = 'this run was saved without stream timing: its replies replay at a steady pace';

export interface ReplayOptions {
  scenario: Scenario;
  run: RunRecord;
  clock?: ReplayClock;
  speed?: number;
  /** Every task shown complete at once; step with Enter. */
  instant?: boolean;
  /** Go on to the next task by itself (default: yes, unless instant). */
  auto?: boolean;
  /** Shortest wall time between two frames, ms (default 50). */
  frameMs?: number;
  /** Pause between one task's end and the next one's start, replay ms (default 1500). */
  gapMs?: number;
  /** Notes to show (e.g. the scenario changed since the run); the no-timing note is added here. */
  notes?: string[];
  beside?: { label: string; run: RunRecord };
}

export class ReplaySession implements WatchSource, ReplayControls {
  readonly scenario: Scenario;
  readonly run: RunRecord;
  readonly timelines: TaskTimeline[];
  readonly note?: string;
  readonly beside?: { label: string; run: RunRecord };
  readonly replay: ReplayControls = this;
  private readonly clock: ReplayClock;
  private readonly instant: boolean;
  private readonly frameMs: number;
  private readonly gapMs: number;
  private listeners = new Set<() => void>();
  private state: WatchState;
  /** Replay ms into the task on screen, as of `baseWall` while playing. */
  private pos = 0;
  private baseWall = 0;
  private playing = false;
  private timer: unknown;
  private closed = false;
  private started = false;
  paused = false;
  speed: number;

  constructor(o: ReplayOptions) {
    this.scenario = o.scenario;
    this.run = o.run;
    this.clock = o.clock ?? realClock;
    this.instant = !!o.instant;
    this.speed = o.speed && o.speed > 0 ? o.speed : 1;
    this.frameMs = o.frameMs ?? 50;
    this.gapMs = o.gapMs ?? 1500;
    this.timelines = runTimelines(o.run);
    const notes = [...(o.notes ?? [])];
    if (!hasTiming(this.timelines)) notes.unshift(NO_TIMING_NOTE);
    if (notes.length) this.note = notes.join(' · ');
    if (o.beside) this.beside = o.beside;
    this.state = { index: 0, phase: 'idle', text: '', tries: 0, auto: o.auto ?? !this.instant, finished: false, version: 0 };
  }

  getState = (): WatchState => this.state;

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  private emit(patch: Partial<WatchState>): void {
    this.state = { ...this.state, ...patch, version: this.state.version + 1 };
    for (const l of this.listeners) l();
  }

  private get last(): number {
    return this.scenario.tasks.length - 1;
  }

  private currentPos(): number {
    return this.playing ? this.pos + (this.clock.now() - this.baseWall) * this.speed : this.pos;
  }

  private cancel(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Draw the task on screen at `pos`; plan the next frame or the next task. */
  private show(): void {
    this.cancel();
    const i = this.state.index;
    const tl = this.timelines[i]!;
    this.pos = this.currentPos();
    this.baseWall = this.clock.now();
    const end = endMs(tl);
    if (this.pos >= end) {
      this.pos = end;
      this.playing = false;
    }
    const view = taskViewAt(tl, this.pos);
    const ended = this.pos >= end;
    const r = view.result;
    this.emit({
      phase: view.phase,
      text: view.text,
      result: r,
      tries: r?.tries ?? (view.phase === 'idle' ? 0 : 1),
      finished: ended && i >= this.last,
    });
    if (this.closed || this.paused) return;
    if (!ended) {
      const next = nextChangeMs(tl, this.pos, this.frameMs * this.speed) ?? end;
      this.timer = this.clock.setTimeout(() => this.show(), Math.max(this.frameMs, (next - this.pos) / this.speed));
    } else if (this.state.auto && i < this.last) {
      this.timer = this.clock.setTimeout(() => this.goTo(i + 1), this.gapMs / this.speed);
    }
  }

  private goTo(i: number): void {
    if (this.closed) return;
    const index = Math.max(0, Math.min(this.last, i));
    this.cancel();
    this.state = { ...this.state, index };
    this.pos = this.instant ? endMs(this.timelines[index]!) : 0;
    this.playing = !this.paused;
    this.baseWall = this.clock.now();
    this.show();
  }

  start(): Promise<void> {
    if (!this.started && !this.closed) {
      this.started = true;
      this.goTo(0);
    }
    return Promise.resolve();
  }

  /** Watch's "stop the reply": a replay has no reply in flight. */
  stop(): void {}

  next(): void {
    if (!this.started) return void this.start();
    if (this.state.index < this.last) this.goTo(this.state.index + 1);
  }

  previous(): void {
    if (this.state.index > 0) this.goTo(this.state.index - 1);
  }

  jump(index: number): void {
    if (index >= 0 && index <= this.last) this.goTo(index);
  }

  finishTask(): void {
    if (this.closed) return;
    this.playing = false;
    this.pos = endMs(this.timelines[this.state.index]!);
    this.show();
  }

  togglePause(): void {
    if (this.closed) return;
    this.pos = this.currentPos();
    this.paused = !this.paused;
    this.playing = !this.paused && this.pos < endMs(this.timelines[this.state.index]!);
    this.baseWall = this.clock.now();
    this.show();
  }

  private setSpeed(s: number): void {
    this.pos = this.currentPos();
    this.baseWall = this.clock.now();
    this.speed = s;
    this.show();
  }

  faster(): void {
    const up = SPEEDS.find((s) => s > this.speed);
    if (up) this.setSpeed(up);
  }

  slower(): void {
    const down = [...SPEEDS].reverse().find((s) => s < this.speed);
    if (down) this.setSpeed(down);
  }

  setAuto(auto: boolean): void {
    this.emit({ auto });
    if (this.started) this.show();
  }

  solvedSoFar(): number {
    const i = this.state.index;
    let n = 0;
    for (let k = 0; k < i; k++) if (this.run.tasks[k]?.status === 'solved') n++;
    if ((this.state.phase === 'done' || this.state.phase === 'failed') && this.state.result?.status === 'solved') n++;
    return n;
  }

  /** Leave: timers stop. The run is not saved: a replay only reads it. */
  close(): Promise<void> {
    this.closed = true;
    this.cancel();
    return Promise.resolve();
  }
}
