// Humans beside models: solve rates per scenario, per category and overall.
// Pending and unscored tasks are counted and shown; they never count as solved or failed,
// so a solve rate is solved / decided tasks (decided = solved + failed).
import type { TaskStatus, VerdictStatus } from '../grading/verdict.js';
import type { TaskAttempt } from './attempts.js';
import { groupBy, mean, median, stdev } from '../stats.js';

export interface GroupResult {
  group: string;
  kind: 'human' | 'model';
  /** Distinct people (humans) or 1 (a model). */
  players: number;
  runs: number;
  attempts: number;
  solved: number;
  failed: number;
  /** Attempted tasks whose verdicts are not all decided yet. */
  pending: number;
  /** solved / (solved + failed); null when nothing is decided. */
  solveRate: number | null;
  /** Mean and sample standard deviation of per-run solve rates (a run is one scenario, one repeat). */
  runSolveRateMean: number | null;
  runSolveRateSd: number | null;
  /**
   * The +/- of the solve rate, and what it is the spread of: over repeats (each repeat's solve
   * rate over all its tasks, as CL-bench reports mean and sd over 3 runs) when the group has two
   * or more repeats, else over scenarios (each scenario's solve rate). null below two values.
   */
  spread: Spread | null;
  /** Weighted rubric pass rate over decided items. */
  rubricPassRate: number | null;
  items: Record<VerdictStatus, number>;
  medianActiveMs: number | null;
  pasted: number;
}

export interface Spread {
  /** Sample standard deviation of the solve rates. */
  sd: number;
  over: 'repeats' | 'scenarios';
  /** How many solve rates it is the spread of. */
  n: number;
}

/** Solve rate (solved / decided) of each group of attempts; groups with nothing decided are left out. */
function ratesBy(rows: readonly TaskAttempt[], key: (r: TaskAttempt) => string | number): number[] {
  const by = new Map<string | number, { s: number; d: number }>();
  for (const r of rows) {
    const k = key(r);
    const c = by.get(k) ?? { s: 0, d: 0 };
    if (r.status === 'solved') c.s++;
    if (r.status === 'solved' || r.status === 'failed') c.d++;
    by.set(k, c);
  }
  return [...by.values()].filter((c) => c.d > 0).map((c) => c.s / c.d);
}

export function spreadOf(rows: readonly TaskAttempt[]): Spread | null {
  const repeats = new Set(rows.map((r) => r.repeat));
  const over = repeats.size >= 2 ? 'repeats' : 'scenarios';
  const rates = over === 'repeats' ? ratesBy(rows, (r) => r.repeat) : ratesBy(rows, (r) => r.scenarioId);
  const sd = stdev(rates);
  return sd === null ? null : { sd, over, n: rates.length };
}

export interface ScopeResult {
  /** "overall", a category, or a scenario id. */
  scope: string;
  groups: GroupResult[];
}

export interface ResultsReport {
  overall: ScopeResult;
  categories: ScopeResult[];
  scenarios: ScopeResult[];
}

function summarize(group: string, rows: readonly TaskAttempt[]): GroupResult {
  const kind = rows[0]!.playerKind;
  const count = (s: TaskStatus) => rows.filter((r) => r.status === s).length;
  const solved = count('solved');
  const failed = count('failed');
  const items: Record<VerdictStatus, number> = { pass: 0, fail: 0, pending: 0, unscored: 0 };
  let passW = 0;
  let decidedW = 0;
  for (const r of rows) {
    for (const k of Object.keys(items) as VerdictStatus[]) items[k] += r.counts[k];
    // Items are pooled across tasks (a 20-item task weighs more than a 3-item one), as upstream.
    passW += r.passWeight;
    decidedW += r.decidedWeight;
  }
  const byRun = groupBy(rows, (r) => r.runId);
  const runRates: number[] = [];
  for (const rs of byRun.values()) {
    const s = rs.filter((r) => r.status === 'solved').length;
    const d = s + rs.filter((r) => r.status === 'failed').length;
    if (d > 0) runRates.push(s / d);
  }
  const active = rows.map((r) => r.activeMs).filter((x): x is number => x !== null);
  return {
    group,
    kind,
    players: new Set(rows.map((r) => r.playerName)).size,
    runs: byRun.size,
    attempts: rows.length,
    solved,
    failed,
    pending: rows.length - solved - failed,
    solveRate: solved + failed > 0 ? solved / (solved + failed) : null,
    runSolveRateMean: mean(runRates),
    runSolveRateSd: stdev(runRates),
    spread: spreadOf(rows),
    rubricPassRate: decidedW > 0 ? passW / decidedW : null,
    items,
    medianActiveMs: median(active),
    pasted: rows.filter((r) => r.pasted).length,
  };
}

/** Humans first, then models by name; a model's no-context control right after it. */
function groupOrder(a: GroupResult, b: GroupResult): number {
  if (a.kind !== b.kind) return a.kind === 'human' ? -1 : 1;
  return a.group.localeCompare(b.group);
}

export function scopeResult(scope: string, rows: readonly TaskAttempt[]): ScopeResult {
  const groups = [...groupBy(rows, (r) => r.group)].map(([g, rs]) => summarize(g, rs)).sort(groupOrder);
  return { scope, groups };
}

export function aggregate(rows: readonly TaskAttempt[]): ResultsReport {
  const by = (key: (r: TaskAttempt) => string) =>
    [...groupBy(rows, key)].sort(([a], [b]) => a.localeCompare(b)).map(([k, rs]) => scopeResult(k, rs));
  return {
    overall: scopeResult('overall', rows),
    categories: by((r) => r.category),
    scenarios: by((r) => r.scenarioId),
  };
}

export interface TaskCell {
  runId: string;
  group: string;
  playerName: string;
  status: TaskStatus;
  answerLength: number;
}

export interface TaskRow {
  scenarioId: string;
  taskId: string;
  taskIndex: number;
  cells: TaskCell[];
  /** e.g. people solved it, no model did: what a demo points at. */
  humansSolved: number;
  humansTried: number;
  modelsSolved: number;
  modelsTried: number;
}

/** Every human's and model's verdict on each task, side by side. */
export function perTask(rows: readonly TaskAttempt[]): TaskRow[] {
  const m = new Map<string, TaskRow>();
  for (const r of rows) {
    const key = `${r.scenarioId}\u0000${r.taskId}`;
    let row = m.get(key);
    if (!row) {
      row = { scenarioId: r.scenarioId, taskId: r.taskId, taskIndex: r.taskIndex, cells: [], humansSolved: 0, humansTried: 0, modelsSolved: 0, modelsTried: 0 };
      m.set(key, row);
    }
    row.cells.push({ runId: r.runId, group: r.group, playerName: r.playerName, status: r.status, answerLength: r.answerLength });
    if (r.playerKind === 'human') {
      row.humansTried++;
      if (r.status === 'solved') row.humansSolved++;
    } else {
      row.modelsTried++;
      if (r.status === 'solved') row.modelsSolved++;
    }
  }
  return [...m.values()].sort((a, b) => a.scenarioId.localeCompare(b.scenarioId) || a.taskIndex - b.taskIndex);
}
