// A human run as a pure state machine: open a task, record edits, pastes, pauses, searches and what
// part of the context was on screen, submit (graded by the caller's grader) and move on.
// No I/O and no clock of its own: every action carries its time `at` (ms since the epoch), so the
// same reducer drives the Ink screens, the tests, and a resumed run after a crash.
import { shownFor } from './shown.js';
import type { Scenario, Task } from '../scenario/schema.js';
import { taskStatus, type Verdict } from '../grading/verdict.js';
import {
  RUN_SCHEMA_VERSION,
  type Player,
  type RevealMode,
  type RunRecord,
  type TaskResult,
  type HistoryMode,
} from '../runs/types.js';
import { overrideVerdict } from '../judge/override.js';
import { addDwell, addRange, seenFraction } from './baseline.js';

export interface ViewSpan {
  /** Visible part of the context, [from, to) in characters. */
  from: number;
  to: number;
  total: number;
}

export interface PlayState {
  run: RunRecord;
  /** The task being played; `run.tasks.length` once every task is submitted. */
  index: number;
  /** Start of the running (unpaused) clock segment of the current task; null when stopped. */
  segmentStart: number | null;
  /** When the current pause began; null when not paused. */
  pausedAt: number | null;
  /** What the reader shows now, and since when (for dwell time). */
  view: (ViewSpan & { since: number }) | null;
  /** Bumped on every change that should be saved. */
  version: number;
}

export type PlayAction =
  | { type: 'open'; at: number }
  /** `pasted`: characters that arrived as a paste in this change; `continued`: the next chunk of
   *  the same paste (merged into the previous paste event). */
  | { type: 'draft'; text: string; at: number; pasted?: number; continued?: boolean }
  | { type: 'pause'; at: number }
  | { type: 'resume'; at: number }
  | { type: 'search'; query: string; at: number }
  | { type: 'view'; span: ViewSpan; at: number }
  | { type: 'tick'; at: number }
  | { type: 'close'; at: number }
  | { type: 'submit'; answer: string; verdicts: Verdict[]; at: number; timeLimit?: boolean }
  /** A person decides (or overrides) the verdict of rubric item `item` of submitted task `task`. */
  | { type: 'judge'; task: number; item: number; status: 'pass' | 'fail'; person: string; at: number };

export type Grader = (task: Task, answer: string) => Verdict[];

const iso = (ms: number) => new Date(ms).toISOString();

export interface NewRunOptions {
  id: string;
  scenario: Scenario;
  player: Player;
  reveal?: RevealMode;
  /** 'given': earlier tasks are shown with their given answers (what a model gets under --history given). */
  history?: HistoryMode;
  at: number;
}

/** A fresh human run: one empty TaskResult per task, in scenario order. */
export function newHumanRun(o: NewRunOptions): RunRecord {
  const shown = shownFor(o.scenario, o.history);
  const run: RunRecord = {
    schemaVersion: RUN_SCHEMA_VERSION,
    id: o.id,
    scenarioId: o.scenario.id,
    scenarioHash: o.scenario.hash,
    scenarioTitle: o.scenario.title,
    category: o.scenario.category,
    player: o.player,
    history: o.history ?? 'own',
    reveal: o.reveal ?? 'task',
    startedAt: iso(o.at),
    status: 'in-progress',
    tasks: o.scenario.tasks.map((t) => ({ taskId: t.id, verdicts: [], status: 'pending' as const })),
  };
  if (shown) run.shown = shown;
  return run;
}

/** Index of the first task not yet submitted (tasks.length when all are). */
export function firstOpenTask(run: RunRecord): number {
  const i = run.tasks.findIndex((t) => t.submittedAt === undefined);
  return i === -1 ? run.tasks.length : i;
}

/** State for a new or continued run; the clock starts with an `open` action. */
export function initPlay(run: RunRecord): PlayState {
  return { run, index: firstOpenTask(run), segmentStart: null, pausedAt: null, view: null, version: 0 };
}

export function isFinished(s: PlayState): boolean {
  return s.index >= s.run.tasks.length;
}

export function currentTask(s: PlayState): TaskResult | undefined {
  return s.run.tasks[s.index];
}

/** Active ms of the current task up to `at` (what the on-screen timer shows). */
export function activeNow(s: PlayState, at: number): number {
  const t = currentTask(s);
  if (!t) return 0;
  return (t.activeMs ?? 0) + (s.segmentStart !== null ? Math.max(0, at - s.segmentStart) : 0);
}

function withTask(s: PlayState, patch: (t: TaskResult) => TaskResult): PlayState {
  const t = s.run.tasks[s.index];
  if (!t) return s;
  const tasks = s.run.tasks.slice();
  tasks[s.index] = patch(t);
  return { ...s, run: { ...s.run, tasks }, version: s.version + 1 };
}

/** Moves the running segment's time into activeMs and the visible span's time into dwell. */
function flush(s: PlayState, at: number): PlayState {
  if (s.segmentStart === null) return s;
  const start = s.segmentStart;
  const view = s.view;
  const out = withTask(s, (t) => {
    const next: TaskResult = {
      ...t,
      activeMs: (t.activeMs ?? 0) + Math.max(0, at - start),
      lastActiveAt: iso(at),
    };
    if (view) next.dwellMs = addDwell(t.dwellMs, view.from, view.to, view.total, at - Math.max(view.since, start));
    return next;
  });
  return { ...out, segmentStart: at, view: view ? { ...view, since: at } : null };
}

function markSeen(s: PlayState, span: ViewSpan): PlayState {
  return withTask(s, (t) => {
    const seen = addRange(t.seen ?? [], Math.max(0, span.from), Math.min(span.total, span.to));
    // Where the reader was (a hidden context reports an empty span): a continued run reopens there.
    const readerAt = span.to > span.from ? span.from : t.readerAt;
    return { ...t, seen, contextChars: span.total, linesSeenFraction: seenFraction(seen, span.total), ...(readerAt !== undefined ? { readerAt } : {}) };
  });
}

export function playReducer(s: PlayState, a: PlayAction): PlayState {
  switch (a.type) {
    case 'open': {
      if (isFinished(s) || s.segmentStart !== null || s.pausedAt !== null) return s;
      let next = withTask(s, (t) => {
        if (!t.startedAt) return { ...t, startedAt: iso(a.at), lastActiveAt: iso(a.at), activeMs: t.activeMs ?? 0 };
        // Continued after a quit or a crash: the time clplay was not running is a `closed` pause.
        const since = Date.parse(t.lastActiveAt ?? t.startedAt);
        const gap = Math.max(0, a.at - since);
        const pauses = gap > 0 ? [...(t.pauses ?? []), { at: iso(since), ms: gap, kind: 'closed' as const }] : t.pauses;
        return { ...t, pauses, lastActiveAt: iso(a.at) };
      });
      next = { ...next, segmentStart: a.at, view: s.view ? { ...s.view, since: a.at } : null };
      if (s.view) next = markSeen(next, s.view);
      return next;
    }
    case 'tick':
      return flush(s, a.at);
    case 'close': {
      // Leaving (quit): stop the clock; the gap until the run is continued becomes a `closed` pause.
      if (s.pausedAt !== null) {
        const pausedAt = s.pausedAt;
        const out = withTask(s, (t) => ({
          ...t,
          pauses: [...(t.pauses ?? []), { at: iso(pausedAt), ms: Math.max(0, a.at - pausedAt), kind: 'pause' as const }],
          lastActiveAt: iso(a.at),
        }));
        return { ...out, pausedAt: null, segmentStart: null };
      }
      return { ...flush(s, a.at), segmentStart: null };
    }
    case 'draft': {
      if (isFinished(s)) return s;
      // Bring the clock up to date too, so every saved draft carries the time spent so far.
      return withTask(flush(s, a.at), (t) => {
        const next: TaskResult = { ...t, draft: a.text, edits: (t.edits ?? 0) + 1 };
        if (a.pasted && a.pasted > 0) {
          const list = t.pastes ?? [];
          const prev = list[list.length - 1];
          next.pastes =
            a.continued && prev ? [...list.slice(0, -1), { ...prev, chars: prev.chars + a.pasted }] : [...list, { at: iso(a.at), chars: a.pasted }];
        }
        return next;
      });
    }
    case 'pause': {
      if (isFinished(s) || s.pausedAt !== null || s.segmentStart === null) return s;
      const out = flush(s, a.at);
      return { ...out, segmentStart: null, pausedAt: a.at };
    }
    case 'resume': {
      if (s.pausedAt === null) return s;
      const pausedAt = s.pausedAt;
      const out = withTask(s, (t) => ({
        ...t,
        pauses: [...(t.pauses ?? []), { at: iso(pausedAt), ms: Math.max(0, a.at - pausedAt), kind: 'pause' as const }],
        lastActiveAt: iso(a.at),
      }));
      return { ...out, pausedAt: null, segmentStart: a.at, view: out.view ? { ...out.view, since: a.at } : null };
    }
    case 'search': {
      const q = a.query.trim();
      if (isFinished(s) || !q) return s;
      return withTask(flush(s, a.at), (t) => ({ ...t, searches: [...(t.searches ?? []), q] }));
    }
    case 'view': {
      const same = s.view && s.view.from === a.span.from && s.view.to === a.span.to && s.view.total === a.span.total;
      if (same) return s;
      // While paused the context is hidden: remember the span, count nothing.
      if (s.segmentStart === null || isFinished(s)) {
        return { ...s, view: { ...a.span, since: a.at } };
      }
      const flushed = flush(s, a.at);
      return markSeen({ ...flushed, view: { ...a.span, since: a.at } }, a.span);
    }
    case 'judge': {
      // Only a submitted task's verdicts can be judged; the record keeps who, when and the earlier verdict.
      const t = s.run.tasks[a.task];
      if (!t || t.submittedAt === undefined || !t.verdicts[a.item]) return s;
      const tasks = s.run.tasks.slice();
      tasks[a.task] = overrideVerdict(t, a.item, a.status, a.person, { now: new Date(a.at) });
      return { ...s, run: { ...s.run, tasks }, version: s.version + 1 };
    }
    case 'submit': {
      if (isFinished(s)) return s;
      let out = s.pausedAt !== null ? playReducer(s, { type: 'resume', at: a.at }) : s;
      out = flush(out, a.at);
      out = withTask(out, (t) => {
        const wall = t.startedAt ? Math.max(0, a.at - Date.parse(t.startedAt)) : 0;
        const { draft: _draft, ...rest } = t;
        return {
          ...rest,
          answer: a.answer,
          submittedAt: iso(a.at),
          wallMs: wall,
          activeMs: t.activeMs ?? wall,
          lastActiveAt: iso(a.at),
          verdicts: a.verdicts,
          status: taskStatus(a.verdicts),
          ...(a.timeLimit ? { timeLimit: true } : {}),
        };
      });
      const index = out.index + 1;
      let run = out.run;
      if (index >= run.tasks.length) run = { ...run, status: 'finished', endedAt: iso(a.at) };
      return { ...out, run, index, segmentStart: null, pausedAt: null };
    }
  }
}

/**
 * A study's time limit ran out: the current draft is submitted as it stands, and every later
 * task with an empty answer, each marked `timeLimit` (graded as any answer would be).
 */
export function expireRun(s: PlayState, scenario: Scenario, at: number, grade: Grader): PlayState {
  let out = s;
  while (!isFinished(out)) {
    const task = scenario.tasks[out.index];
    if (!task) break;
    const answer = currentTask(out)?.draft ?? '';
    out = playReducer(out, { type: 'submit', answer, verdicts: grade(task, answer), at, timeLimit: true });
  }
  return out;
}

/** Active ms of the whole run so far: submitted tasks plus the clock of the current one. */
export function runActiveMs(s: PlayState, at: number): number {
  return s.run.tasks.reduce((n, t, i) => n + (i === s.index ? 0 : (t.activeMs ?? 0)), 0) + activeNow(s, at);
}

/** Submits `answer` for the current task, graded by `grade` (gradeByChecks in the app). */
export function submitAnswer(s: PlayState, scenario: Scenario, answer: string, at: number, grade: Grader): PlayState {
  const task = scenario.tasks[s.index];
  if (!task) return s;
  return playReducer(s, { type: 'submit', answer, verdicts: grade(task, answer), at });
}
