// What a saved model run showed at each moment of a task, as pure functions of the time since
// the task started: the reply grew by its recorded timing, the checks' verdicts appeared when the
// answer was complete, a judge's when it had judged. The replay screen only asks `taskViewAt`.
import type { RunRecord, TaskResult } from '../runs/types.js';
import { usableTiming } from './stream-timing.js';

/** Characters per second for runs saved without timing (about what a chat model streams). */
export const STEADY_CHARS_PER_SECOND = 400;
/** A judge verdict this long after the answer was given later (`clplay grade`), not live. */
const LIVE_JUDGE_MS = 120_000;

export interface TaskTimeline {
  kind: 'answered' | 'failed' | 'unplayed';
  /** The answer, or a failed task's partial reply. */
  text: string;
  /** Recorded [offset, ms] points; absent: the text is spread evenly up to `answeredMs`. */
  points?: [number, number][];
  /** When the whole answer was in and the checks' verdicts appeared (or the failure showed). */
  answeredMs: number;
  /** When a judge's verdicts appeared, if a judge decided items live. */
  judgedMs?: number;
  result?: TaskResult;
}

function msBetween(from: string | undefined, to: string | undefined): number | undefined {
  if (!from || !to) return undefined;
  const d = Date.parse(to) - Date.parse(from);
  return Number.isFinite(d) && d >= 0 ? d : undefined;
}

const isJudge = (by: string | undefined) => !!by && by.startsWith('judge');

export function taskTimeline(t: TaskResult | undefined): TaskTimeline {
  if (!t || (t.answer === undefined && !t.error)) return { kind: 'unplayed', text: '', answeredMs: 0, ...(t ? { result: t } : {}) };
  const failed = t.answer === undefined || !!t.error;
  const text = (failed ? t.draft : t.answer) ?? '';
  const timing = usableTiming(t.timing, text.length);
  const lastPoint = timing ? timing.chunks[timing.chunks.length - 1]![1] : 0;
  // Without timing: the reply at a steady pace, over the time the request took if it is known.
  const steady = Math.min(20_000, Math.max(300, t.latencyMs ?? (text.length / STEADY_CHARS_PER_SECOND) * 1000));
  const recordedEnd = msBetween(t.startedAt, t.submittedAt);
  const answeredMs = timing ? Math.max(lastPoint, recordedEnd ?? lastPoint) : text.length ? steady : 0;
  const out: TaskTimeline = { kind: failed ? 'failed' : 'answered', text, answeredMs, result: t };
  if (timing) out.points = timing.chunks;
  if (!failed && timing) {
    let judged: number | undefined;
    for (const v of t.verdicts) {
      if (!isJudge(v.by)) continue;
      const at = msBetween(t.startedAt, v.at);
      if (at === undefined || at < answeredMs || at - answeredMs > LIVE_JUDGE_MS) continue;
      judged = Math.max(judged ?? 0, at);
    }
    if (judged !== undefined && judged > answeredMs) out.judgedMs = judged;
  }
  return out;
}

export function runTimelines(run: RunRecord): TaskTimeline[] {
  return run.tasks.map(taskTimeline);
}

/** Did the run record its stream timing (any answered task with a usable timing)? */
export function hasTiming(timelines: readonly TaskTimeline[]): boolean {
  return timelines.some((t) => t.kind !== 'unplayed' && t.points !== undefined);
}

/** The end of a task's replay: everything is shown from here on. */
export function endMs(tl: TaskTimeline): number {
  return tl.judgedMs ?? tl.answeredMs;
}

/** Characters of the reply shown at `ms`. */
export function offsetAt(tl: TaskTimeline, ms: number): number {
  if (ms >= tl.answeredMs) return tl.text.length;
  if (!tl.points) return tl.answeredMs > 0 ? Math.floor((tl.text.length * Math.max(0, ms)) / tl.answeredMs) : tl.text.length;
  // The last point at or before ms (points are in time order).
  let lo = 0;
  let hi = tl.points.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tl.points[mid]![1] <= ms) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? 0 : tl.points[found]![0];
}

/** The next moment after `ms` when what is shown changes (undefined: nothing more changes). */
export function nextChangeMs(tl: TaskTimeline, ms: number, frameMs: number): number | undefined {
  const end = endMs(tl);
  if (ms >= end) return undefined;
  if (ms < tl.answeredMs) {
    if (!tl.points) return Math.min(tl.answeredMs, ms + frameMs);
    for (const p of tl.points) if (p[1] > ms) return Math.min(p[1], tl.answeredMs);
    return tl.answeredMs;
  }
  return end;
}

export type ReplayPhase = 'idle' | 'answering' | 'judging' | 'done' | 'failed';

export interface TaskView {
  phase: ReplayPhase;
  text: string;
  /** What the screen shows as the task's result: while judging, the judge's items still pending. */
  result?: TaskResult;
}

/** What was on screen for this task `ms` after it started. */
export function taskViewAt(tl: TaskTimeline, ms: number): TaskView {
  if (tl.kind === 'unplayed') return { phase: 'idle', text: '' };
  if (ms < tl.answeredMs) return { phase: 'answering', text: tl.text.slice(0, offsetAt(tl, ms)) };
  if (tl.kind === 'failed') return { phase: 'failed', text: tl.text, result: tl.result };
  if (tl.judgedMs !== undefined && ms < tl.judgedMs && tl.result) {
    const verdicts = tl.result.verdicts.map((v) => (isJudge(v.by) ? { status: 'pending' as const, reason: 'the judge is deciding' } : v));
    return { phase: 'judging', text: tl.text, result: { ...tl.result, verdicts, status: 'pending' } };
  }
  return { phase: 'done', text: tl.text, result: tl.result };
}
