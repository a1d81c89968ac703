// Which source lines of a context were on screen, and for how long.
// Feed it every visible range with a timestamp; it accumulates milliseconds per line.
// Pure data, no timers: the caller passes `now` (Date.now() or a fake clock in tests).

export interface CoverageSummary {
  /** Total source lines. */
  lines: number;
  /** Lines that were on screen at least once. */
  seen: number;
  /** seen / lines (0 when there are no lines). */
  fraction: number;
  /** Runs of consecutive lines with their on-screen time: [from, to (exclusive), ms]. */
  ranges: [number, number, number][];
}

export class LineCoverage {
  private readonly ms: Float64Array;
  private readonly seenFlags: Uint8Array;
  private seenCount = 0;
  private current: { from: number; to: number; since: number } | null = null;

  constructor(readonly lines: number) {
    this.ms = new Float64Array(Math.max(0, lines));
    this.seenFlags = new Uint8Array(Math.max(0, lines));
  }

  /** Lines [from, to) are now on screen (replaces the previous range). */
  view(from: number, to: number, now: number): void {
    this.flush(now);
    const f = Math.max(0, Math.min(from, this.lines));
    const t = Math.max(f, Math.min(to, this.lines));
    for (let i = f; i < t; i++) {
      if (!this.seenFlags[i]) {
        this.seenFlags[i] = 1;
        this.seenCount++;
      }
    }
    this.current = { from: f, to: t, since: now };
  }

  /** Nothing is on screen any more (pause, leaving the screen). */
  hide(now: number): void {
    this.flush(now);
    this.current = null;
  }

  private flush(now: number): void {
    const c = this.current;
    if (!c) return;
    const dt = Math.max(0, now - c.since);
    for (let i = c.from; i < c.to; i++) this.ms[i] += dt;
    c.since = now;
  }

  summary(now?: number): CoverageSummary {
    if (now !== undefined) this.flush(now);
    const ranges: [number, number, number][] = [];
    let i = 0;
    while (i < this.lines) {
      if (!this.seenFlags[i]) {
        i++;
        continue;
      }
      const v = Math.round(this.ms[i]);
      let j = i + 1;
      while (j < this.lines && this.seenFlags[j] && Math.round(this.ms[j]) === v) j++;
      ranges.push([i, j, v]);
      i = j;
    }
    return { lines: this.lines, seen: this.seenCount, fraction: this.lines ? this.seenCount / this.lines : 0, ranges };
  }
}
