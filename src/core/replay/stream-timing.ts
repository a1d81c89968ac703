// The timing of a streamed reply, kept in the run so `clplay replay` can play the answer at the
// pace it arrived. A reply is a list of [characters so far, ms since the task started] pairs:
// deltas that arrive within `stepMs` of the last kept point are folded into one point, and when
// the list passes `maxPoints` every other point is dropped and the step doubled - so a 2 MB reply
// streamed over ten minutes is still a few thousand numbers, never a copy of its deltas.
// No clock of its own: the caller passes the time (the player's injected clock).

/** Saved on a task result (see TaskResult.timing). */
export interface StreamTiming {
  /** [end offset of the reply so far, ms since the task started], offsets and times increasing. */
  chunks: [number, number][];
}

export const TIMING_STEP_MS = 50;
export const TIMING_MAX_POINTS = 2000;

export class StreamTimingRecorder {
  private points: [number, number][] = [];
  private chars = 0;
  private step: number;

  constructor(
    private readonly startMs: number,
    private readonly opts: { stepMs?: number; maxPoints?: number } = {},
  ) {
    this.step = opts.stepMs ?? TIMING_STEP_MS;
  }

  /** `n` more characters arrived at `atMs` (same clock as the start). */
  add(n: number, atMs: number): void {
    if (n <= 0) return;
    this.chars += n;
    const ms = Math.max(0, Math.round(atMs - this.startMs));
    const last = this.points[this.points.length - 1];
    // Within the step of the last point: that point now ends later in the text (its time stays:
    // the first characters of a burst are shown when the burst began).
    if (last && ms - last[1] < this.step) {
      last[0] = this.chars;
      return;
    }
    this.points.push([this.chars, ms]);
    if (this.points.length > (this.opts.maxPoints ?? TIMING_MAX_POINTS)) this.thin();
  }

  /** A retry starts the reply again: what the earlier try sent is not the answer. */
  reset(): void {
    this.points = [];
    this.chars = 0;
    this.step = this.opts.stepMs ?? TIMING_STEP_MS;
  }

  /** Keep every other point (always the last), and fold at twice the step from now on. */
  private thin(): void {
    const kept = this.points.filter((_, i) => i % 2 === 1 || i === this.points.length - 1);
    this.points = kept;
    this.step *= 2;
  }

  /** The timing to save, or undefined when nothing arrived. */
  result(): StreamTiming | undefined {
    return this.points.length ? { chunks: this.points.map(([o, t]) => [o, t]) } : undefined;
  }
}

/**
 * A saved timing checked against the answer it belongs to (run files are untrusted): offsets and
 * times must not go back, and the last offset must be the answer's length. Anything else is
 * treated as no timing (the replay goes at a steady pace and says so).
 */
export function usableTiming(timing: StreamTiming | undefined, textLength: number): StreamTiming | undefined {
  const c = timing?.chunks;
  if (!c || c.length === 0) return undefined;
  let prevO = 0;
  let prevT = 0;
  for (const p of c) {
    const [o, t] = p;
    if (!Number.isFinite(o) || !Number.isFinite(t) || o < prevO || t < prevT) return undefined;
    prevO = o;
    prevT = t;
  }
  return prevO === textLength ? timing : undefined;
}
