// Terminal charts that read without colour: every bar carries its label and its number.
import type { TaskAttempt } from './attempts.js';
import type { ScopeResult } from './aggregate.js';
import { pct } from './format.js';

const FULL = '█';
const EMPTY = '·';

export function bar(rate: number | null, width: number): string {
  if (rate === null) return ' '.repeat(width);
  const n = Math.round(Math.max(0, Math.min(1, rate)) * width);
  return FULL.repeat(n) + EMPTY.repeat(width - n);
}

/** One block per category: a bar per group (humans, then each model). */
export function categoryBars(categories: readonly ScopeResult[], labelOf: (c: string) => string = (c) => c, width = 30): string {
  const out: string[] = [];
  const nameWidth = Math.max(6, ...categories.flatMap((c) => c.groups.map((g) => g.group.length)));
  for (const c of categories) {
    out.push(labelOf(c.scope));
    for (const g of c.groups) {
      const n = g.solved + g.failed;
      const extra = g.pending ? `, ${g.pending} pending` : '';
      out.push(`  ${g.group.padEnd(nameWidth)} ${bar(g.solveRate, width)} ${pct(g.solveRate).padStart(6)}  (${g.solved}/${n} solved${extra})`);
    }
  }
  return out.join('\n');
}

export const TIME_BINS_MS = [120_000, 300_000, 600_000, 1_200_000];

/** Humans: solve rate by active time spent per task, in bins. */
export function timeVsSolve(rows: readonly TaskAttempt[], width = 30): string {
  const human = rows.filter((r) => r.playerKind === 'human' && r.activeMs !== null && (r.status === 'solved' || r.status === 'failed'));
  if (!human.length) return 'No decided human tasks with timings yet.';
  const edges = [0, ...TIME_BINS_MS, Infinity];
  const out = ['Humans: solve rate by active time per task'];
  for (let i = 0; i < edges.length - 1; i++) {
    const lo = edges[i]!;
    const hi = edges[i + 1]!;
    const inBin = human.filter((r) => r.activeMs! >= lo && r.activeMs! < hi);
    const min = (ms: number) => ms / 60_000;
    const label = hi === Infinity ? `>= ${min(lo)} min` : lo === 0 ? `< ${min(hi)} min` : `${min(lo)}-${min(hi)} min`;
    if (!inBin.length) {
      out.push(`  ${label.padEnd(10)} ${' '.repeat(width)}      -  (0 tasks)`);
      continue;
    }
    const solved = inBin.filter((r) => r.status === 'solved').length;
    const rate = solved / inBin.length;
    out.push(`  ${label.padEnd(10)} ${bar(rate, width)} ${pct(rate).padStart(6)}  (${solved}/${inBin.length} solved)`);
  }
  return out.join('\n');
}
