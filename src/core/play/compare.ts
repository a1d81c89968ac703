// The summary's comparison table: this run beside other humans' and models' runs of the same
// scenario, from the saves. Pure.
import type { RunRecord } from '../runs/types.js';
import { scenarioScore } from '../grading/verdict.js';
import type { Scenario } from '../scenario/schema.js';
import { lastActivity } from './resume.js';
import { median } from '../stats.js';

export interface CompareRow {
  /** `you`, a person's name, or a model name. */
  who: string;
  kind: 'human' | 'model';
  runs: number;
  /** Mean solved tasks share over the player's finished runs (0..1). */
  solveRate: number;
  /** Mean rubric pass rate over runs with decided items; null if none. */
  rubricRate: number | null;
  /** Median active minutes per task (humans) or latency (models); null if unknown. */
  msPerTask: number | null;
  /** Runs still holding pending items. */
  pending: number;
  self: boolean;
}

/**
 * One row per player (a person by name, a model by model name) with finished runs of the
 * scenario; the current run first (marked self), then humans, then models, best first.
 */
export function compareRows(runs: readonly RunRecord[], scenario: Scenario, current: RunRecord, maxRows = 8): CompareRow[] {
  const weights = scenario.tasks.map((t) => t.rubric.map((r) => r.weight));
  const groups = new Map<string, { kind: 'human' | 'model'; who: string; runs: RunRecord[] }>();
  for (const run of runs) {
    if (run.scenarioId !== scenario.id || run.status !== 'finished' || run.id === current.id) continue;
    const who = run.player.kind === 'human' ? run.player.name : run.player.model;
    const key = `${run.player.kind}:${who}`;
    const g = groups.get(key) ?? { kind: run.player.kind, who, runs: [] };
    g.runs.push(run);
    groups.set(key, g);
  }
  const row = (who: string, kind: 'human' | 'model', list: RunRecord[], self: boolean): CompareRow => {
    const scores = list.map((r) => scenarioScore(r.tasks.map((t) => t.verdicts), weights));
    const rates = scores.map((s) => s.rubric.rate).filter((r): r is number => r !== null);
    const per: number[] = [];
    for (const r of list) {
      for (const t of r.tasks) {
        const v = kind === 'human' ? t.activeMs : t.latencyMs;
        if (typeof v === 'number') per.push(v);
      }
    }
    return {
      who,
      kind,
      runs: list.length,
      solveRate: scores.reduce((n, s) => n + s.solveRate, 0) / Math.max(1, scores.length),
      rubricRate: rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : null,
      msPerTask: median(per),
      pending: scores.filter((s) => s.pending > 0).length,
      self,
    };
  };
  const others = [...groups.values()]
    .map((g) => ({ r: row(g.who, g.kind, g.runs, false), last: Math.max(...g.runs.map(lastActivity)) }))
    .sort((a, b) =>
      a.r.kind !== b.r.kind ? (a.r.kind === 'human' ? -1 : 1) : b.r.solveRate - a.r.solveRate || b.last - a.last,
    )
    .map((x) => x.r);
  const selfName = current.player.kind === 'human' ? current.player.name : current.player.model;
  return [row(selfName, current.player.kind, [current], true), ...others].slice(0, Math.max(1, maxRows));
}
