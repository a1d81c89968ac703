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
  /** Which judge protocol decided it (judge verdicts only): `clbench` (upstream eval.py) or `clplay`. */
  protocol?: JudgeProtocol;
  /**
   * A judge's second opinion on an item a machine check decided (`--judge-checks`, or the
   * clbench protocol, which grades every item): kept beside the check's verdict, never replacing
   * it, so the results can show where checks and judges disagree.
   */
  judgeOpinion?: Omit<Verdict, 'previous' | 'judgeOpinion'>;
}

export const JUDGE_PROTOCOLS = ['clbench', 'clplay'] as const;
/** `clbench`: upstream eval.py's prompt, parsing and counting; `clplay`: per-item verdicts with reasons. */
export type JudgeProtocol = (typeof JUDGE_PROTOCOLS)[number];

/**
 * A judgement of the task as a whole, from a protocol that scores the task rather than its items
 * (CL-bench's eval.py decides from `Overall Score`). The item verdicts still hold the judge's
 * per-item list; where list and score disagree, `disagreement` says so and the score decides.
 */
export interface TaskJudgement {
  protocol: 'clbench';
  by: string;
  at: string;
  /**
   * How upstream's eval.py counts this task: `solved` (score == 1 in Python), `not solved`
   * (any other score, in its denominator), or `dropped` (no usable reply after its retries:
   * not written to its graded file, so not in its solved/graded at all).
   */
  upstream: 'solved' | 'not solved' | 'dropped';
  /** `Overall Score` exactly as the judge wrote it (any JSON value). */
  score?: unknown;
  rationale?: string;
  /** The per-item list and the score disagree, or the score is not a plain 0/1: shown, never resolved. */
  disagreement?: string;
  /** Why upstream would drop the task, or other provenance worth showing. */
  note?: string;
  /** The last raw reply, when it could not be used. */
  raw?: string;
}

export type TaskStatus = 'solved' | 'failed' | 'pending';

export const PENDING: Verdict = { status: 'pending', reason: 'no machine check; needs a judge or a person' };

export function taskStatus(verdicts: readonly Verdict[]): TaskStatus {
  if (verdicts.length === 0) return 'pending';
  if (verdicts.some((v) => v.status === 'fail')) return 'failed';
  if (verdicts.every((v) => v.status === 'pass')) return 'solved';
  return 'pending';
}

/**
 * A task's status, given its verdicts and (if any) a whole-task judgement. The judgement decides
 * while every item still holds a machine's or the judge's verdict; once a person has decided an
 * item, the item verdicts decide (a person overrides the judge).
 */
export function resultStatus(verdicts: readonly Verdict[], judgement?: TaskJudgement): TaskStatus {
  if (judgement && !verdicts.some((v) => v.by?.startsWith('person:'))) {
    return judgement.upstream === 'solved' ? 'solved' : judgement.upstream === 'not solved' ? 'failed' : 'pending';
  }
  return taskStatus(verdicts);
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
