// What the screens share: the app's dependencies (scenarios, saves, settings), the terminal size,
// the current state and the actions that move between screens. One context, read with useApp().
import { createContext, useContext } from 'react';
import type { VersusMatch } from '../core/model/versus.js';
import type { PlayController, PlayControllerOptions } from '../core/play/controller.js';
import type { Grader } from '../core/play/session.js';
import type { HistoryMode, RevealMode, RunRecord, StudyTag } from '../core/runs/types.js';
import type { Scenario } from '../core/scenario/schema.js';
import type { KeyContext } from './keys/bindings.js';
import type { TerminalSize } from './hooks/use-terminal-size.js';

export interface RunSaver {
  create(run: RunRecord): Promise<void>;
  save(run: RunRecord): Promise<void>;
  list(): Promise<{ runs: RunRecord[]; problems: string[] }>;
}

export type StartTarget = { screen: 'home' } | { screen: 'play'; scenario: Scenario };

export interface AppDeps {
  scenarios: Scenario[];
  /** Problem lines from loading the scenario folders (shown as a count on the home screen). */
  scenarioProblems?: string[];
  store: RunSaver;
  /** Where runs are saved (the home screen says so). */
  savesDir?: string;
  /** From --player or the settings; null on a first launch (the name prompt asks). */
  player: string | null;
  /** Stores the name from the first-launch prompt in the settings. */
  savePlayerName?: (name: string) => Promise<void>;
  reveal: RevealMode;
  /** --history given: earlier tasks show their given answers (what a model gets under given), marked given. Default own. */
  history?: HistoryMode;
  start: StartTarget;
  grade: Grader;
  newRunId: () => string;
  now?: () => number;
  /** Fixed terminal size (tests); otherwise the terminal's, following resizes. */
  size?: Partial<TerminalSize>;
  /** Draft save debounce in ms (default 500). */
  draftDelayMs?: number;
  /** Told about the controller of the run being played (so signals can flush it). */
  onController?: (ctl: PlayController | null) => void;
  /** Told about the versus match of the run being played (so signals can save the model's run). */
  onMatch?: (match: VersusMatch | null) => void;
  /** Versus mode (`clplay play SCENARIO --vs MODEL`): a model plays the same tasks beside the person. */
  versus?: VersusDeps;
  /** A baseline study (`clplay study join`): new runs carry the tag; leaving a finished run ends the app. */
  study?: StudyPlay;
  /** Where a run goes while it cannot be saved (src/core/runs/recovery.ts), so nothing typed is lost. */
  recovery?: PlayControllerOptions['recovery'];
  /**
   * One writer per run: takes the run's lock while it is played here, or says who holds it (the
   * same run open in another terminal). Absent: no locking (tests).
   */
  lockRun?: (runId: string) => Promise<{ release(): Promise<void> } | { heldBy: string }>;
}

export interface StudyPlay {
  tag: StudyTag;
  /** The scenario's time limit: a countdown, and at zero the draft is submitted as it stands. */
  timeLimitMs?: number;
}

export interface VersusDeps {
  /** The model's name, for labels. */
  label: string;
  /**
   * Starts the model's side for a person's run (new or continued) and links them: sets
   * `run.matchId` (call before the person's run is saved). A continued run whose match has a
   * saved model run (same model and scenario) continues that run. May throw a UserError.
   */
  start(scenario: Scenario, run: RunRecord, opts?: { saved?: readonly RunRecord[]; onError?: (err: unknown) => void }): VersusMatch;
}

export type Screen =
  | { name: 'loading' }
  | { name: 'name' }
  | { name: 'home' }
  | { name: 'offer'; scenario: Scenario; run: RunRecord }
  | { name: 'play' }
  | { name: 'verdicts'; index: number }
  | { name: 'summary' };

export interface AppActions {
  /** Start a new run of `scenario` (creates its file at once). */
  startRun(scenario: Scenario): Promise<void>;
  /** Continue an unfinished run. */
  continueRun(scenario: Scenario, run: RunRecord): void;
  /** Play `scenario`: offers the player's unfinished run of it first, if there is one. */
  openScenario(scenario: Scenario): void;
  /** After a submission: the verdicts, the next task or the summary. */
  afterSubmit(index: number): void;
  /** From the verdicts screen: the next task or the summary. */
  next(): void;
  goHome(): void;
  setPlayer(name: string): Promise<void>;
  /** Leave clplay (the run is saved first). */
  quit(): void;
  /** Open the key help for these contexts. */
  showHelp(contexts: readonly KeyContext[]): void;
  /** What the footer's key hints show. */
  setHints(contexts: readonly KeyContext[]): void;
  notify(message: string): void;
}

export interface AppValue {
  deps: AppDeps;
  /** The versus match of the run being played (play --vs), else null. */
  match: VersusMatch | null;
  size: TerminalSize;
  screen: Screen;
  player: string | null;
  ctl: PlayController | null;
  /** Saved runs (null while loading). */
  runs: RunRecord[] | null;
  /** Files in the saves folder that are not readable runs, one line each, naming the file. */
  saveProblems: string[];
  /** A question or the help is open: screens must not read keys. */
  modal: boolean;
  /** Rows a screen may use (the root keeps one for the footer and one spare). */
  bodyRows: number;
  actions: AppActions;
}

export const AppContext = createContext<AppValue | null>(null);

export function useAppValue(): AppValue {
  const v = useContext(AppContext);
  if (!v) throw new Error('useAppValue outside <App>');
  return v;
}
