// Text for headless runs: the live progress line, plain log lines, the final table. Pure.
import type { BatchStats, BatchSummary } from './runner.js';

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '?';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

export function rateAndEta(stats: BatchStats, nowMs: number): { perSec: number; etaMs: number } {
  const elapsed = Math.max(1, nowMs - stats.startedMs);
  const perSec = (stats.done * 1000) / elapsed;
  const left = stats.total - stats.done;
  return { perSec, etaMs: perSec > 0 ? (left / perSec) * 1000 : left === 0 ? 0 : NaN };
}

/** `[########------] 120/1899  solved 34  3.2/s  ETA 9m15s  errors 0  retries 2  in flight 32` */
export function progressLine(stats: BatchStats, nowMs: number, width = 80): string {
  const { perSec, etaMs } = rateAndEta(stats, nowMs);
  const tail = `${stats.done}/${stats.total}  solved ${stats.solved}  ${perSec.toFixed(perSec < 10 ? 1 : 0)}/s  ETA ${formatDuration(etaMs)}  errors ${stats.failedToAnswer}  retries ${stats.retries}${stats.judgeCalls ? `  judge ${stats.judgeCalls}` : ''}`;
  const barWidth = Math.max(5, Math.min(30, width - tail.length - 4));
  const filled = stats.total > 0 ? Math.round((stats.done / stats.total) * barWidth) : barWidth;
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]`;
  const line = `${bar} ${tail}`;
  return line.length > width - 1 ? line.slice(0, Math.max(0, width - 1)) : line;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd()).join('\n');
}

/** Solved / decided, or '-' when nothing is decided yet (pending tasks are not failures). */
const rate = (solved: number, failed: number) => (solved + failed ? pct(solved / (solved + failed)) : '-');

/** The final table: one row per scenario (repeats pooled), then the totals. */
export function summaryTable(sum: BatchSummary): string {
  const byScenario = new Map<string, BatchSummary['runs']>();
  for (const r of sum.runs) {
    const list = byScenario.get(r.scenarioId) ?? [];
    list.push(r);
    byScenario.set(r.scenarioId, list);
  }
  const showUnplayed = sum.unplayed > 0;
  const rows: string[][] = [['scenario', 'runs', 'tasks', 'solved', 'failed', 'pending', 'errors', ...(showUnplayed ? ['not played'] : []), 'solve rate']];
  for (const [id, rs] of byScenario) {
    const s = (f: (r: BatchSummary['runs'][number]) => number) => rs.reduce((a, r) => a + f(r), 0);
    const tasks = s((r) => r.tasks);
    const unplayed = showUnplayed ? [String(s((r) => r.unplayed))] : [];
    const solved = s((r) => r.solved);
    const failed = s((r) => r.failed);
    rows.push([id, String(rs.length), String(tasks), String(solved), String(failed), String(s((r) => r.pending)), String(s((r) => r.errors)), ...unplayed, rate(solved, failed)]);
  }
  const unplayed = showUnplayed ? [String(sum.unplayed)] : [];
  rows.push(['total', String(sum.runs.length), String(sum.tasks), String(sum.solved), String(sum.failed), String(sum.pending), String(sum.errors), ...unplayed, rate(sum.solved, sum.failed)]);
  const lines = [table(rows)];
  if (sum.solveRateByRepeat.length > 1) {
    lines.push(`solve rate over ${sum.solveRateByRepeat.length} repeats: mean ${pct(sum.solveRateMean)}, sd ${pct(sum.solveRateSd)} (${sum.solveRateByRepeat.map(pct).join(', ')})`);
  }
  if (sum.pending > 0) {
    lines.push(`${sum.pending} task(s) still pending: items without a machine check need a judge - \`clplay grade --judge MODEL\` or \`clplay grade --manual\``);
  }
  if (sum.unplayed > 0) lines.push(`${sum.unplayed} task(s) not played yet; rerun the same command to continue`);
  if (sum.errors > 0) lines.push(`${sum.errors} task(s) failed to answer (counted as failed); rerun the same command to try them again`);
  return lines.join('\n');
}
