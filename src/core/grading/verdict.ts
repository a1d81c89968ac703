// Verdicts on rubric items and how they add up to task and scenario scores.
// Pure functions: no I/O. CL-bench's rule: a task is solved only if every item passes.

export type VerdictStatus = 'pass' | 'fail' | 'pending' | 'unscored';

/**
 * An item's verdict. `by` says who decided: `check`, `judge:<model>`, `person:<name>`.
 * `pending` = no check and nobody has judged it yet; `unscored` = a judge was asked and its
 * answer could not be used (`raw` keeps that reply).
 */
export interface Verdict {
  status: VerdictStatus;
  by?: string;
  reason: string;
  /** ISO time of the decision. */
  at?: string;
  /** The judge's raw reply when it could not be used. */
  raw?: string;
  /** Earlier verdicts this one replaced (a person overriding a judge), oldest first. */
  previous?: Verdict[];
}

export type TaskStatus = 'solved' | 'failed' | 'pending';

export const PENDING: Verdict = { status: 'pending', reason: 'no machine check; needs a judge or a person' };

export function taskStatus(verdicts: readonly Verdict[]): TaskStatus {
  if (verdicts.length === 0) return 'pending';
  if (verdicts.some((v) => v.status === 'fail')) return 'failed';
  if (verdicts.every((v) => v.status === 'pass')) return 'solved';
  return 'pending';
}

export interface RubricRate {
  /** Weighted share of decided items (pass or fail) that passed; null when none is decided. */
  rate: number | null;
  passWeight: number;
  decidedWeight: number;
  totalWeight: number;
  counts: Record<VerdictStatus, number>;
}

/** Weighted rubric pass rate. Pending and unscored items are counted, never folded in. */
export function rubricRate(verdicts: readonly Verdict[], weights?: readonly (number | undefined)[]): RubricRate {
  const counts: Record<VerdictStatus, number> = { pass: 0, fail: 0, pending: 0, unscored: 0 };
  let passWeight = 0;
  let decidedWeight = 0;
  let totalWeight = 0;
  verdicts.forEach((v, i) => {
    const w = weights?.[i] ?? 1;
    counts[v.status] += 1;
    totalWeight += w;
    if (v.status === 'pass') passWeight += w;
    if (v.status === 'pass' || v.status === 'fail') decidedWeight += w;
  });
  return { rate: decidedWeight > 0 ? passWeight / decidedWeight : null, passWeight, decidedWeight, totalWeight, counts };
}

export interface ScenarioScore {
  tasks: number;
  solved: number;
  failed: number;
  pending: number;
  /** solved / tasks */
  solveRate: number;
  rubric: RubricRate;
}

export function scenarioScore(
  taskVerdicts: readonly (readonly Verdict[])[],
  taskWeights?: readonly (readonly (number | undefined)[] | undefined)[],
): ScenarioScore {
  let solved = 0;
  let failed = 0;
  let pending = 0;
  const all: Verdict[] = [];
  const allWeights: (number | undefined)[] = [];
  taskVerdicts.forEach((vs, t) => {
    const s = taskStatus(vs);
    if (s === 'solved') solved++;
    else if (s === 'failed') failed++;
    else pending++;
    vs.forEach((v, i) => {
      all.push(v);
      allWeights.push(taskWeights?.[t]?.[i]);
    });
  });
  const tasks = taskVerdicts.length;
  return { tasks, solved, failed, pending, solveRate: tasks ? solved / tasks : 0, rubric: rubricRate(all, allWeights) };
}
