// A clock that moves only when told: the replay's timers fire in time order as `advance` or
// `runNext` passes them. Unit tests drive a replay with it, and the cast export runs through a
// whole replay with it as fast as frames can be drawn, their times still the replay's.
import type { ReplayClock } from './replay-session.js';

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
}

export class VirtualClock implements ReplayClock {
  private t = 0;
  private seq = 0;
  private timers: Timer[] = [];

  now = (): number => this.t;

  setTimeout = (fn: () => void, ms: number): unknown => {
    const timer = { at: this.t + Math.max(0, ms), seq: this.seq++, fn };
    this.timers.push(timer);
    return timer;
  };

  clearTimeout = (handle: unknown): void => {
    this.timers = this.timers.filter((x) => x !== handle);
  };

  /** Timers waiting. */
  get pending(): number {
    return this.timers.length;
  }

  /** Move to the earliest timer and fire it; false when none is left. */
  runNext(): boolean {
    if (!this.timers.length) return false;
    this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const first = this.timers.shift()!;
    this.t = Math.max(this.t, first.at);
    first.fn();
    return true;
  }

  /** Move `ms` ahead, firing every timer due on the way, in order. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const first = this.timers[0];
      if (!first || first.at > end) break;
      this.runNext();
    }
    this.t = end;
  }
}
