// What the watch screen shows and drives: a model playing live (WatchSession) or a saved run
// played back (ReplaySession). One screen for both; a replay adds its own controls.
import type { WatchState } from '../model/watch-session.js';
import type { RunRecord } from '../runs/types.js';
import type { Scenario } from '../scenario/schema.js';

export interface ReplayControls {
  readonly paused: boolean;
  readonly speed: number;
  /** One line the screen shows above the answer (no timing saved, the scenario changed...). */
  readonly note?: string;
  /** A person's run of the same scenario, shown beside the model's answer (versus, demo). */
  readonly beside?: { label: string; run: RunRecord };
  togglePause(): void;
  /** Show the task on screen to its end at once. */
  finishTask(): void;
  previous(): void;
  jump(index: number): void;
  faster(): void;
  slower(): void;
  /** Solved tasks among what has been shown so far (the run's total would give the end away). */
  solvedSoFar(): number;
}

export interface WatchSource {
  readonly scenario: Scenario;
  readonly run: RunRecord;
  getState(): WatchState;
  subscribe(fn: () => void): () => void;
  start(): Promise<void>;
  stop(): void;
  next(): void;
  setAuto(auto: boolean): void;
  close(): Promise<void>;
  /** Set when this is a replay of a saved run. */
  readonly replay?: ReplayControls;
}
