// Grading one answer: machine checks first (gradeByChecks), then the LLM judge for the items
// that have no check. And regrading saved results: only pending or unscored items are asked again.
import { gradeByChecks } from '../grading/grade.js';
import { resultStatus, type TaskJudgement, type Verdict } from '../grading/verdict.js';
import type { Task } from '../scenario/schema.js';
import type { TaskResult } from '../runs/types.js';
import type { Judge } from './judge.js';
import { replaceVerdict } from './override.js';

export interface GradeOutcome {
  verdicts: Verdict[];
  judgeCalls: number;
  judgeCached: number;
  /** Set when the judge could not be reached: its items were left as they were. */
  judgeUnreachable?: string;
  /** The clbench protocol's judgement of the whole task. */
  judgement?: TaskJudgement;
}

/** `result` with a grading outcome applied: verdicts, any whole-task judgement, and the status they give. */
export function withGrade<R extends Pick<TaskResult, 'verdicts' | 'status' | 'judgement'>>(result: R, out: Pick<GradeOutcome, 'verdicts' | 'judgement'>): R {
  const judgement = out.judgement ?? result.judgement;
  return { ...result, verdicts: out.verdicts, ...(judgement ? { judgement } : {}), status: resultStatus(out.verdicts, judgement) };
}

/** Check-graded items the judge has not yet given a second opinion on. */
function unopinedChecks(task: Task, verdicts: readonly Verdict[]): number[] {
  const out: number[] = [];
  task.rubric.forEach((item, i) => {
    const v = verdicts[i];
    if (item.check && v && (v.status === 'pass' || v.status === 'fail') && !v.judgeOpinion) out.push(i);
  });
  return out;
}

/**
 * Whether `judge` has something to decide for this answer: under the clbench protocol, a task
 * without a usable judgement (never judged, or dropped); under clplay, judgeable items (and, with
 * --judge-checks, check-graded items without a second opinion).
 */
export function needsJudge(task: Task, result: Pick<TaskResult, 'verdicts' | 'judgement'>, judge: Pick<Judge, 'protocolFor' | 'judgeChecks'>): boolean {
  if (judge.protocolFor(task) === 'clbench') return !result.judgement || result.judgement.upstream === 'dropped';
  return judgeableItems(task, result.verdicts).length > 0 || (judge.judgeChecks && unopinedChecks(task, result.verdicts).length > 0);
}

/** The judge's verdict on a check-graded item, kept beside the check's. */
function withOpinion(check: Verdict, opinion: Verdict): Verdict {
  const rest: Verdict = { ...opinion };
  delete rest.previous;
  delete rest.judgeOpinion;
  return { ...check, judgeOpinion: rest };
}

/** Items the judge (or a person) must decide: no machine check, and pending or unscored. */
export function judgeableItems(task: Task, verdicts: readonly Verdict[]): number[] {
  const out: number[] = [];
  task.rubric.forEach((item, i) => {
    const v = verdicts[i];
    if (item.check) return;
    if (!v || v.status === 'pending' || v.status === 'unscored') out.push(i);
  });
  return out;
}

/**
 * The judge decides what it has to decide for `verdicts` (a new array is returned). Under the
 * clbench protocol it grades the whole task (every item, as eval.py does; a check's verdict stays
 * and the judge's list entry is kept beside it); under clplay, the judgeable items, plus
 * check-graded ones with --judge-checks.
 */
export async function applyJudge(task: Task, answer: string, verdicts: Verdict[], judge: Judge, signal?: AbortSignal): Promise<GradeOutcome> {
  if (judge.protocolFor(task) === 'clbench') {
    const out = await judge.judgeTask(task, answer, { signal });
    if (out.kind === 'stopped') return { verdicts, judgeCalls: out.calls, judgeCached: 0 };
    if (out.kind === 'unreachable') return { verdicts, judgeCalls: out.calls, judgeCached: 0, judgeUnreachable: out.message };
    const next = verdicts.slice();
    task.rubric.forEach((item, i) => {
      const v = out.items[i]!;
      const old = next[i];
      if (item.check && old && (old.status === 'pass' || old.status === 'fail')) next[i] = withOpinion(old, v);
      else next[i] = old ? replaceVerdict(old, v) : v;
    });
    return { verdicts: next, judgeCalls: out.calls, judgeCached: 0, judgement: out.judgement };
  }
  const own = judgeableItems(task, verdicts);
  const checks = judge.judgeChecks ? unopinedChecks(task, verdicts) : [];
  const idx = [...own, ...checks].sort((a, b) => a - b);
  if (idx.length === 0) return { verdicts, judgeCalls: 0, judgeCached: 0 };
  const out = await judge.judge(
    idx.map((i) => task.rubric[i]!.text),
    answer,
    { task: task.prompt, signal },
  );
  const next = verdicts.slice();
  idx.forEach((i, j) => {
    const v = out.verdicts[j];
    if (!v || v.status === 'pending') return;
    if (task.rubric[i]!.check) {
      if (v.status === 'pass' || v.status === 'fail') next[i] = withOpinion(next[i]!, v);
    } else next[i] = replaceVerdict(next[i]!, v);
  });
  return { verdicts: next, judgeCalls: out.calls, judgeCached: out.cached, ...(out.unreachable !== undefined ? { judgeUnreachable: out.unreachable } : {}) };
}

/** Checks, then (if given) the judge for the rest. */
export async function gradeAnswer(task: Task, answer: string, judge?: Judge, signal?: AbortSignal): Promise<GradeOutcome> {
  const verdicts = gradeByChecks(task, answer);
  if (!judge || signal?.aborted) return { verdicts, judgeCalls: 0, judgeCached: 0 };
  return applyJudge(task, answer, verdicts, judge, signal);
}

/** Regrade a saved result: the judge decides its pending/unscored items; others are kept. */
export async function regradeResult(
  task: Task,
  result: TaskResult,
  judge: Judge,
  signal?: AbortSignal,
): Promise<{ result: TaskResult; judgeCalls: number; judgeCached: number; changed: number; judgeUnreachable?: string }> {
  if (result.answer === undefined || result.error) return { result, judgeCalls: 0, judgeCached: 0, changed: 0 };
  if (result.verdicts.length === task.rubric.length && !needsJudge(task, result, judge)) return { result, judgeCalls: 0, judgeCached: 0, changed: 0 };
  const before = result.verdicts;
  // A result saved before its rubric grew (or by an older clplay) gets its missing items as pending.
  const base = task.rubric.map((_, i) => before[i] ?? gradeByChecks(task, result.answer!)[i]!);
  const out = await applyJudge(task, result.answer, base, judge, signal);
  const changed = out.verdicts.filter((v, i) => v !== before[i]).length + (out.judgement && out.judgement !== result.judgement ? 1 : 0);
  return {
    result: withGrade(result, out),
    judgeCalls: out.judgeCalls,
    judgeCached: out.judgeCached,
    changed,
    ...(out.judgeUnreachable !== undefined ? { judgeUnreachable: out.judgeUnreachable } : {}),
  };
}
