// What a human baseline measures beyond the answer: which part of the context was on screen,
// wall versus active time, pastes. Pure functions over plain data, no I/O, no Ink.
import type { Pause, RunRecord, TaskResult } from '../runs/types.js';

/** Half-open ranges [from, to) of context units (characters of the context), sorted, disjoint. */
export type Ranges = [number, number][];

/** Adds [from, to) to sorted, disjoint ranges; merges neighbours. Returns a new array. */
export function addRange(ranges: readonly (readonly [number, number])[], from: number, to: number): Ranges {
  if (!(to > from)) return ranges.map((r) => [r[0], r[1]]);
  const out: Ranges = [];
  let a = from;
  let b = to;
  let placed = false;
  for (const [x, y] of ranges) {
    if (y < a) out.push([x, y]);
    else if (x > b) {
      if (!placed) {
        out.push([a, b]);
        placed = true;
      }
      out.push([x, y]);
    } else {
      a = Math.min(a, x);
      b = Math.max(b, y);
    }
  }
  if (!placed) out.push([a, b]);
  return out;
}

/** Total length covered by the ranges. */
export function rangesLength(ranges: readonly (readonly [number, number])[]): number {
  let n = 0;
  for (const [a, b] of ranges) n += b - a;
  return n;
}

/** Covered share of [0, total), 0..1; 0 when total is 0. */
export function seenFraction(ranges: readonly (readonly [number, number])[], total: number): number {
  if (total <= 0) return 0;
  let n = 0;
  for (const [a, b] of ranges) n += Math.max(0, Math.min(b, total) - Math.max(a, 0));
  return Math.min(1, n / total);
}

/** Number of parts the context is split into for the dwell histogram (tenths). */
export const DWELL_BUCKETS = 10;

/**
 * Adds `ms` of viewing time (nothing for an empty span: the context was not on screen) to the bucket holding the middle of the visible span [from, to)
 * of a context `total` long. Returns a new array of DWELL_BUCKETS numbers.
 */
export function addDwell(dwell: readonly number[] | undefined, from: number, to: number, total: number, ms: number): number[] {
  const out = dwell && dwell.length === DWELL_BUCKETS ? [...dwell] : new Array<number>(DWELL_BUCKETS).fill(0);
  if (total <= 0 || ms <= 0 || to <= from) return out;
  const mid = (from + Math.max(from, to - 1)) / 2;
  const bucket = Math.min(DWELL_BUCKETS - 1, Math.max(0, Math.floor((mid / total) * DWELL_BUCKETS)));
  out[bucket] += Math.round(ms);
  return out;
}

export function pausedMs(pauses: readonly Pause[] | undefined): number {
  let n = 0;
  for (const p of pauses ?? []) n += p.ms;
  return n;
}

/** Wall time and active time of a task, as recorded (finished) or so far (open, at `now`). */
export function taskTimes(t: TaskResult, now?: number): { wallMs: number; activeMs: number; pausedMs: number } {
  const paused = pausedMs(t.pauses);
  if (t.wallMs !== undefined) {
    return { wallMs: t.wallMs, activeMs: t.activeMs ?? Math.max(0, t.wallMs - paused), pausedMs: paused };
  }
  if (!t.startedAt || now === undefined) return { wallMs: 0, activeMs: t.activeMs ?? 0, pausedMs: paused };
  const wall = Math.max(0, now - Date.parse(t.startedAt));
  return { wallMs: wall, activeMs: t.activeMs ?? Math.max(0, wall - paused), pausedMs: paused };
}

/** Sum of pasted characters of a task. */
export function pastedChars(t: TaskResult): number {
  let n = 0;
  for (const p of t.pastes ?? []) n += p.chars;
  return n;
}

export interface BaselineRow {
  taskId: string;
  submitted: boolean;
  wallMs: number;
  activeMs: number;
  pauses: number;
  edits: number;
  pastes: number;
  pastedChars: number;
  /** Share of the answer's characters that arrived through pastes (0..1, capped). */
  pastedShare: number;
  linesSeenFraction: number;
  searches: number;
}

/** One row per task of a human run: what the summary and `results` show about how it was done. */
export function baselineRows(run: RunRecord): BaselineRow[] {
  return run.tasks.map((t) => {
    const times = taskTimes(t);
    const answerLen = [...(t.answer ?? t.draft ?? '')].length;
    const pasted = pastedChars(t);
    return {
      taskId: t.taskId,
      submitted: t.submittedAt !== undefined,
      wallMs: times.wallMs,
      activeMs: times.activeMs,
      pauses: (t.pauses ?? []).length,
      edits: t.edits ?? 0,
      pastes: (t.pastes ?? []).length,
      pastedChars: pasted,
      pastedShare: answerLen > 0 ? Math.min(1, pasted / answerLen) : 0,
      linesSeenFraction: t.linesSeenFraction ?? 0,
      searches: (t.searches ?? []).length,
    };
  });
}

/** `1:05`, `12:00`, `1:02:03` - a clock for the task timer and the summary. */
export function formatClock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(sec).padStart(2, '0')}`;
}
