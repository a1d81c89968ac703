// Saving a run while a person plays: drafts are saved shortly after typing stops (debounced), a
// submission at once. Writes never overlap: one in flight, and only the newest pending run is
// written after it. No Ink; timers are injectable for tests.
import type { RunRecord } from '../runs/types.js';

export interface AutosaverOptions {
  save: (run: RunRecord) => Promise<void>;
  delayMs?: number;
  /** A save failed; `keptAt` is the recovery file holding the run (undefined if none could be written). */
  onError?: (err: unknown, keptAt: string | undefined) => void;
  /**
   * Where a run goes when it cannot be saved (src/core/runs/recovery.ts): nothing typed is lost.
   * `discard` removes the recovery file once a later save succeeds.
   */
  recovery?: { keep(run: RunRecord): Promise<string>; discard(runId: string): Promise<void> };
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export class Autosaver {
  private pending: RunRecord | null = null;
  private timer: unknown = null;
  private inFlight: Promise<void> | null = null;
  private readonly delayMs: number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  /** The last run written successfully. */
  lastSaved: RunRecord | null = null;
  lastError: unknown = null;
  /** The recovery file holding the newest unsaved version, while saving fails. */
  keptAt: string | undefined;

  constructor(private readonly o: AutosaverOptions) {
    this.delayMs = o.delayMs ?? 500;
    this.setTimer = o.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = o.clearTimer ?? ((h) => clearTimeout(h as NodeJS.Timeout));
  }

  /** Save `run` after the debounce delay (a newer call replaces it and restarts the delay). */
  schedule(run: RunRecord): void {
    this.pending = run;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.drain();
    }, this.delayMs);
  }

  /** Save `run` now (after any write in flight); resolves when it is on disk. */
  async saveNow(run: RunRecord): Promise<void> {
    this.pending = run;
    if (this.timer !== null) {
      this.clearTimer(this.timer);
      this.timer = null;
    }
    await this.drain();
  }

  /** Writes whatever is pending now; resolves when nothing is left to write. */
  async flush(): Promise<void> {
    if (this.timer !== null) {
      this.clearTimer(this.timer);
      this.timer = null;
    }
    await this.drain();
  }

  get hasPending(): boolean {
    return this.pending !== null || this.inFlight !== null;
  }

  private async drain(): Promise<void> {
    while (this.inFlight) await this.inFlight;
    if (!this.pending) return;
    const run = this.pending;
    this.pending = null;
    this.inFlight = this.o
      .save(run)
      .then(
        async () => {
          this.lastSaved = run;
          this.lastError = null;
          if (this.keptAt !== undefined) {
            this.keptAt = undefined;
            await this.o.recovery?.discard(run.id).catch(() => undefined);
          }
        },
        async (err: unknown) => {
          this.lastError = err;
          // Keep the unsaved run so the next attempt writes it, and write it where it is safe now.
          if (!this.pending) this.pending = run;
          if (this.o.recovery) this.keptAt = await this.o.recovery.keep(run).catch(() => undefined);
          this.o.onError?.(err, this.keptAt);
        },
      )
      .finally(() => {
        this.inFlight = null;
      });
    await this.inFlight;
    if (this.pending && this.pending !== run && this.lastError === null) await this.drain();
  }
}
