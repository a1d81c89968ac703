// The run record: one player, one scenario, one attempt. Saved as one JSON file per run.
import type { TaskJudgement, TaskStatus, Verdict } from '../grading/verdict.js';
import type { StreamTiming } from '../replay/stream-timing.js';

export const RUN_SCHEMA_VERSION = 1;

export type HistoryMode = 'own' | 'given';
export type RevealMode = 'task' | 'end' | 'never';

export interface ModelParams {
  temperature?: number;
  maxTokens?: number;
  reasoningEffort?: string;
  timeoutSeconds?: number;
  retries?: number;
}

export type Player =
  | { kind: 'human'; name: string }
  /** Never a key: only where the model lives and how it was asked. */
  | { kind: 'model'; model: string; baseUrl: string; params: ModelParams };

export interface PasteEvent {
  at: string;
  chars: number;
}

export interface Pause {
  at: string;
  ms: number;
  /** `pause`: the player pressed the pause key; `closed`: clplay was not running (quit or crash). */
  kind?: 'pause' | 'closed';
}

export interface TaskResult {
  taskId: string;
  /** The submitted answer (absent until submitted). */
  answer?: string;
  /** Last state of the draft while typing (kept until submission, and after a crash). */
  draft?: string;
  startedAt?: string;
  submittedAt?: string;
  /** Wall time from first view to submission, ms. */
  wallMs?: number;
  /** Wall time minus pauses, ms. */
  activeMs?: number;
  pauses?: Pause[];
  edits?: number;
  pastes?: PasteEvent[];
  /** Fraction (0..1) of the context's wrapped lines that were on screen at some point. */
  linesSeenFraction?: number;
  searches?: string[];
  /** Human runs: parts of the context on screen during this task, as [from, to) character offsets. */
  seen?: [number, number][];
  /** Human runs: length of the context in characters (the unit of `seen`). */
  contextChars?: number;
  /** Human runs: character offset of the reader's top row, last seen; a continued run reopens there. */
  readerAt?: number;
  /** Human runs: ms of active viewing per tenth of the context (where the reader dwelt). */
  dwellMs?: number[];
  /** Human runs: last moment the task's clock was known running (a crash gap starts here). */
  lastActiveAt?: string;
  /** One verdict per rubric item, aligned with the task's rubric. */
  verdicts: Verdict[];
  /** A whole-task judgement (the clbench judge protocol, or imported eval.py output); see resultStatus. */
  judgement?: TaskJudgement;
  status: TaskStatus;
  /** Model runs: tries made, error if the task could not be answered, cut-off streams. */
  tries?: number;
  error?: string;
  cutOff?: boolean;
  /** Model runs: the reply passed the reply size limit and was cut there (answered, but truncated). */
  truncated?: boolean;
  /** Model runs: token usage as reported by the endpoint. */
  usage?: { promptTokens?: number; completionTokens?: number };
  /** Model runs: wall time of the request(s), ms. */
  latencyMs?: number;
  /** Model runs: when the reply's characters arrived, for `clplay replay` (absent in older runs). */
  timing?: StreamTiming;
  /** Study runs: the scenario's time limit ran out and the draft was submitted as it stood. */
  timeLimit?: boolean;
}

/** A run played inside a baseline study (studies/*.yaml): who, where in their plan, consent. */
export interface StudyTag {
  id: string;
  /** sha256 of the study file the participant played under. */
  hash: string;
  /** The participant code; a study run stores no name. */
  participant: string;
  /** 1-based place of this scenario in the participant's order. */
  position: number;
  /** When the participant accepted the consent text (absent when the study asks none). */
  consentAt?: string;
}

/** Human runs: what a person was shown of what the model sees. */
export interface ShownRecord {
  /** The scenario's system message, as the reader's first section (and in the task view). */
  instructions?: boolean;
  /** Given turns (the scenario's, or earlier tasks' given answers under --history given), marked as such. */
  givenTurns?: boolean;
  /** The context's opening and closing paragraphs in the task panel (a first question inside the context). */
  questionEnds?: boolean;
}

export type RunStatus = 'in-progress' | 'finished' | 'stopped';

export interface RunRecord {
  schemaVersion: typeof RUN_SCHEMA_VERSION;
  id: string;
  scenarioId: string;
  scenarioHash: string;
  scenarioTitle?: string;
  category?: string;
  player: Player;
  history: HistoryMode;
  /** Control run: the model was not given the context. */
  noContext?: boolean;
  reveal?: RevealMode;
  /** Links the two sides of a versus match. */
  matchId?: string;
  /** A headless batch and the repeat number inside it (1-based). */
  batchId?: string;
  repeat?: number;
  judge?: string;
  /**
   * Model runs: replies were streamed (clplay's default for its own scenarios) or not (false: an
   * imported CL-bench scenario is asked as upstream's infer.py asks, unless --stream). Absent: streamed.
   */
  stream?: boolean;
  /**
   * Turns before task 1 that the scenario gives (an imported CL-bench row whose earlier rows were
   * not in the file): every player got their given answers, under --history own too.
   */
  givenTurns?: number;
  /** Human runs: what the player was shown besides the context (see play/shown.ts). */
  shown?: ShownRecord;
  startedAt: string;
  endedAt?: string;
  status: RunStatus;
  /** Study runs: the study, the participant code and the place in their plan. */
  study?: StudyTag;
  /** Why a stopped run stopped early, when clplay knows: `signal SIGTERM`, `output closed`... */
  stoppedBy?: string;
  /** One entry per scenario task, in scenario order. */
  tasks: TaskResult[];
}
