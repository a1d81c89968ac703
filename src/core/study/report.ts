// The study report: the human solve rate overall, per category, per scenario and per task with
// participant-level bootstrap intervals, the rubric pass rate, time per task, the exclusions and
// what each removed (with and without them side by side), judge-vs-person agreement, and the
// models that played the same scenarios (same scenario hash) beside the humans. Pending and
// unscored tasks are counted and shown, never folded into solved or failed.
import { aggregate, type GroupResult } from '../results/aggregate.js';
import { judgeAgreement } from '../results/agreement.js';
import { attemptsOf, type TaskAttempt } from '../results/attempts.js';
import type { RunRecord } from '../runs/types.js';
import type { Scenario } from '../scenario/schema.js';
import { groupBy } from '../stats.js';
import { bootstrapInterval, type Interval } from './bootstrap.js';
import { describeRule, exclusionsOf, runMetrics, type RunMetrics } from './metrics.js';
import { seedOf } from './random.js';
import type { Study } from './schema.js';

export interface RateCell {
  attempts: number;
  participants: number;
  solved: number;
  failed: number;
  /** Attempts with a pending or unscored item: neither solved nor failed. */
  undecided: number;
  /** solved / (solved + failed); null when nothing is decided. */
  rate: number | null;
  /** 95% participant-level bootstrap interval of `rate`. */
  ci: Interval | null;
}

export interface StudyView {
  runs: number;
  overall: RateCell;
  categories: { category: string; cell: RateCell }[];
  scenarios: { scenarioId: string; cell: RateCell }[];
  tasks: { scenarioId: string; taskId: string; cell: RateCell }[];
  /** Pooled over decided rubric items. */
  rubricPassRate: number | null;
  /** Active seconds per submitted task. */
  time: { median: number; q1: number; q3: number } | null;
}

export interface ExcludedRun {
  runId: string;
  participant: string;
  scenarioId: string;
  rules: string[];
  metrics: RunMetrics;
}

export interface StudyReport {
  study: { id: string; title: string; hash: string };
  bootstrap: { samples: number; seed: number; unit: 'participant' };
  participants: number;
  exclusions: { id: string; description: string; runs: number }[];
  excludedRuns: ExcludedRun[];
  all: StudyView;
  afterExclusions: StudyView;
  agreement: { compared: number; agreed: number };
  models: Pick<GroupResult, 'group' | 'runs' | 'solved' | 'failed' | 'pending' | 'solveRate' | 'runSolveRateSd'>[];
}

/** The study's runs: human runs tagged with its id. */
export function studyRuns(study: Pick<Study, 'id'>, runs: readonly RunRecord[]): RunRecord[] {
  return runs.filter((r) => r.study?.id === study.id && r.player.kind === 'human');
}

const CHANGED = 'scenario-changed';

function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

function rateOf(rows: readonly TaskAttempt[]): { solved: number; failed: number } {
  let solved = 0;
  let failed = 0;
  for (const r of rows) {
    if (r.status === 'solved') solved++;
    else if (r.status === 'failed') failed++;
  }
  return { solved, failed };
}

function cell(rows: readonly TaskAttempt[], boot: { samples: number; seed: number }, scope: string): RateCell {
  const { solved, failed } = rateOf(rows);
  const byPerson = [...groupBy(rows, (r) => r.playerName).values()];
  const ci = bootstrapInterval(
    byPerson,
    (sample) => {
      let s = 0;
      let d = 0;
      for (const person of sample) {
        const r = rateOf(person);
        s += r.solved;
        d += r.solved + r.failed;
      }
      return d > 0 ? s / d : null;
    },
    boot.samples,
    seedOf('bootstrap', boot.seed, scope),
  );
  return { attempts: rows.length, participants: byPerson.length, solved, failed, undecided: rows.length - solved - failed, rate: solved + failed > 0 ? solved / (solved + failed) : null, ci };
}

function view(runs: readonly RunRecord[], scenarios: ReadonlyMap<string, Scenario>, boot: { samples: number; seed: number }): StudyView {
  const rows = attemptsOf(runs, scenarios);
  const by = <K extends string>(key: (r: TaskAttempt) => string, name: K) =>
    [...groupBy(rows, key)].sort(([a], [b]) => a.localeCompare(b)).map(([k, rs]) => ({ [name]: k, cell: cell(rs, boot, `${name}:${k}`) }) as { [P in K]: string } & { cell: RateCell });
  let pass = 0;
  let decided = 0;
  for (const r of rows) {
    pass += r.passWeight;
    decided += r.decidedWeight;
  }
  const times = rows.map((r) => r.activeMs).filter((x): x is number => x !== null).map((ms) => ms / 1000).sort((a, b) => a - b);
  const tasks = [...groupBy(rows, (r) => `${r.scenarioId}\u0000${r.taskId}`).values()]
    .sort((a, b) => a[0]!.scenarioId.localeCompare(b[0]!.scenarioId) || a[0]!.taskIndex - b[0]!.taskIndex)
    .map((rs) => ({ scenarioId: rs[0]!.scenarioId, taskId: rs[0]!.taskId, cell: cell(rs, boot, `task:${rs[0]!.scenarioId}/${rs[0]!.taskId}`) }));
  return {
    runs: runs.length,
    overall: cell(rows, boot, 'overall'),
    categories: by((r) => r.category, 'category'),
    scenarios: by((r) => r.scenarioId, 'scenarioId'),
    tasks,
    rubricPassRate: decided > 0 ? pass / decided : null,
    time: times.length ? { median: quantile(times, 0.5), q1: quantile(times, 0.25), q3: quantile(times, 0.75) } : null,
  };
}

export function studyReport(study: Study, allRuns: readonly RunRecord[], library: readonly Scenario[], pool: readonly string[]): StudyReport {
  const scenarios = new Map(library.map((s) => [s.id, s]));
  const boot = { samples: study.bootstrap.samples, seed: study.bootstrap.seed };
  const runs = studyRuns(study, allRuns);
  const excludedRuns: ExcludedRun[] = [];
  const kept: RunRecord[] = [];
  for (const run of runs) {
    const metrics = runMetrics(run);
    const rules = exclusionsOf(metrics, study.exclusions);
    // A run of an edited scenario measures a different task: reported, never mixed in.
    const current = scenarios.get(run.scenarioId);
    if (current && current.hash !== run.scenarioHash) rules.push(CHANGED);
    if (rules.length) excludedRuns.push({ runId: run.id, participant: run.study!.participant, scenarioId: run.scenarioId, rules, metrics });
    else kept.push(run);
  }
  const exclusions = study.exclusions.map((r) => ({ id: r.id, description: describeRule(r), runs: excludedRuns.filter((e) => e.rules.includes(r.id)).length }));
  const changed = excludedRuns.filter((e) => e.rules.includes(CHANGED)).length;
  if (changed) exclusions.push({ id: CHANGED, description: 'the scenario file changed since the run (its hash differs)', runs: changed });
  const hashes = new Set(pool.map((id) => scenarios.get(id)?.hash).filter((h): h is string => !!h));
  const modelRuns = allRuns.filter((r) => r.player.kind === 'model' && hashes.has(r.scenarioHash));
  const models = aggregate(attemptsOf(modelRuns, scenarios)).overall.groups.map((g) => ({ group: g.group, runs: g.runs, solved: g.solved, failed: g.failed, pending: g.pending, solveRate: g.solveRate, runSolveRateSd: g.runSolveRateSd }));
  const agreement = judgeAgreement(kept);
  return {
    study: { id: study.id, title: study.title, hash: study.hash },
    bootstrap: { ...boot, unit: 'participant' },
    participants: new Set(runs.map((r) => r.study!.participant)).size,
    exclusions,
    excludedRuns,
    all: view(runs.filter((r) => !excludedRuns.some((e) => e.runId === r.id && e.rules.includes(CHANGED))), scenarios, boot),
    afterExclusions: view(kept, scenarios, boot),
    agreement: { compared: agreement.compared, agreed: agreement.agreed },
    models,
  };
}
