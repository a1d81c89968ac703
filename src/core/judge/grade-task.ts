// Grading one answer: machine checks first (gradeByChecks), then the LLM judge for the items
// that have no check. And regrading saved results: only pending or unscored items are asked again.
import { gradeByChecks } from '../grading/grade.js';
import { taskStatus, type Verdict } from '../grading/verdict.js';
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

/** The judge decides the judgeable items of `verdicts` (a new array is returned). */
export async function applyJudge(task: Task, answer: string, verdicts: Verdict[], judge: Judge, signal?: AbortSignal): Promise<GradeOutcome> {
  const idx = judgeableItems(task, verdicts);
  if (idx.length === 0) return { verdicts, judgeCalls: 0, judgeCached: 0 };
  const out = await judge.judge(
    idx.map((i) => task.rubric[i]!.text),
    answer,
    { task: task.prompt, signal },
  );
  const next = verdicts.slice();
  idx.forEach((i, j) => {
    const v = out.verdicts[j];
    if (v && v.status !== 'pending') next[i] = replaceVerdict(next[i]!, v);
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
  const before = result.verdicts;
  // A result saved before its rubric grew (or by an older clplay) gets its missing items as pending.
  const base = task.rubric.map((_, i) => before[i] ?? gradeByChecks(task, result.answer!)[i]!);
  const out = await applyJudge(task, result.answer, base, judge, signal);
  const changed = out.verdicts.filter((v, i) => v !== before[i]).length;
  return {
    result: { ...result, verdicts: out.verdicts, status: taskStatus(out.verdicts) },
    judgeCalls: out.judgeCalls,
    judgeCached: out.judgeCached,
    changed,
    ...(out.judgeUnreachable !== undefined ? { judgeUnreachable: out.judgeUnreachable } : {}),
  };
}
