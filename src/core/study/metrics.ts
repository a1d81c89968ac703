// Per-run measures that exclusion rules read, and the rule check itself. Exclusions are applied
// at report time and never delete data: a run a rule excludes stays saved and is listed.
import { addRange, seenFraction } from '../play/baseline.js';
import type { RunRecord } from '../runs/types.js';
import { median } from '../stats.js';
import type { ExclusionMetric, ExclusionRule } from './schema.js';

export type RunMetrics = Record<ExclusionMetric, number | null>;

/** pasted / answer characters; the union of context seen over the run; median active s per task. */
export function runMetrics(run: RunRecord): RunMetrics {
  const submitted = run.tasks.filter((t) => t.answer !== undefined);
  const answerChars = submitted.reduce((n, t) => n + (t.answer?.length ?? 0), 0);
  const pasted = submitted.reduce((n, t) => n + (t.pastes ?? []).reduce((m, p) => m + p.chars, 0), 0);
  let seen: [number, number][] = [];
  let total = 0;
  for (const t of run.tasks) {
    total = Math.max(total, t.contextChars ?? 0);
    for (const [a, b] of t.seen ?? []) seen = addRange(seen, a, b);
  }
  const active = submitted.map((t) => t.activeMs).filter((x): x is number => typeof x === 'number');
  const med = median(active);
  return {
    pastedShare: answerChars > 0 ? Math.min(1, pasted / answerChars) : null,
    contextSeen: total > 0 ? seenFraction(seen, total) : null,
    activeSecondsPerTask: med === null ? null : med / 1000,
  };
}

/** The ids of the rules that exclude this run (a metric that cannot be measured excludes nothing). */
export function exclusionsOf(metrics: RunMetrics, rules: readonly ExclusionRule[]): string[] {
  return rules
    .filter((r) => {
      const v = metrics[r.metric];
      if (v === null) return false;
      return r.above !== undefined ? v > r.above : v < r.below!;
    })
    .map((r) => r.id);
}

export function describeRule(r: ExclusionRule): string {
  const what = { pastedShare: 'pasted share of the answers', contextSeen: 'share of the context seen', activeSecondsPerTask: 'median active seconds per task' }[r.metric];
  const pct = r.metric === 'activeSecondsPerTask' ? (x: number) => `${x} s` : (x: number) => `${Math.round(x * 100)}%`;
  return r.above !== undefined ? `${what} above ${pct(r.above)}` : `${what} below ${pct(r.below!)}`;
}
