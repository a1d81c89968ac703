// Grading saved runs after the fact (`clplay grade`): the LLM judge or a person decides the items
// that are pending or unscored. Runs are matched to their scenarios; a run whose scenario changed
// so that its rubric no longer lines up is skipped with a reason, never graded against the wrong items.
import { taskForJudge } from '../clbench/question.js';
import { resultStatus } from '../grading/verdict.js';
import type { RunRecord, TaskResult } from '../runs/types.js';
import type { Scenario, Task } from '../scenario/schema.js';
import { judgeableItems, needsJudge, regradeResult } from './grade-task.js';
import type { Judge } from './judge.js';
import { overrideVerdict } from './override.js';

export interface GradeWork {
  run: RunRecord;
  scenario: Scenario;
  /** Task indexes with judgeable items. */
  tasks: number[];
  /** Set when the scenario changed since the run (same rubric length: still graded). */
  changed: boolean;
}

export interface GradePlan {
  work: GradeWork[];
  skipped: string[];
  items: number;
}

/** What there is to grade in `runs` (by `judge` when given - its protocol decides what is left - else by hand). */
export function planGrading(runs: readonly RunRecord[], scenarios: readonly Scenario[], judge?: Pick<Judge, 'protocolFor' | 'judgeChecks'>): GradePlan {
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  const work: GradeWork[] = [];
  const skipped: string[] = [];
  let items = 0;
  for (const run of runs) {
    const scenario = byId.get(run.scenarioId);
    if (!scenario) {
      if (run.tasks.some((t) => t.verdicts.some((v) => v.status === 'pending' || v.status === 'unscored') || t.judgement?.upstream === 'dropped')) {
        skipped.push(`run ${run.id}: scenario ${run.scenarioId} is not loaded (add its folder with --scenarios DIR)`);
      }
      continue;
    }
    const changed = run.scenarioHash !== scenario.hash;
    const tasks: number[] = [];
    let mismatch = false;
    run.tasks.forEach((t, i) => {
      const task = scenario.tasks.find((x) => x.id === t.taskId);
      if (!task || t.answer === undefined || t.error) return;
      if (t.verdicts.length !== task.rubric.length) {
        mismatch = true;
        return;
      }
      const n = judge ? (needsJudge(task, t, judge) ? Math.max(1, judgeableItems(task, t.verdicts).length) : 0) : judgeableItems(task, t.verdicts).length;
      if (n > 0) {
        tasks.push(i);
        items += n;
      }
    });
    if (mismatch) skipped.push(`run ${run.id}: the rubric of scenario ${run.scenarioId} changed since the run; some tasks cannot be graded`);
    if (tasks.length) work.push({ run, scenario, tasks, changed });
  }
  return { work, skipped, items };
}

export function taskFor(scenario: Scenario, result: TaskResult): Task {
  // As the judge sees it: an imported first task's question is inside the context (question.ts).
  return taskForJudge(scenario, scenario.tasks.findIndex((t) => t.id === result.taskId));
}

export interface JudgeRunsOptions {
  judge: Judge;
  concurrency: number;
  save: (run: RunRecord) => Promise<void>;
  signal?: AbortSignal;
  onTask?: (w: GradeWork, taskIndex: number, line: string) => void;
}

export interface JudgeRunsResult {
  tasks: number;
  calls: number;
  cached: number;
  decided: number;
  unscored: number;
  /** The judge could not be reached: grading stopped, the items stay pending. */
  unreachable?: string;
}

/** The judge grades every planned task (N at once); each run is saved after each of its tasks. */
export async function judgeRuns(plan: GradePlan, opts: JudgeRunsOptions): Promise<JudgeRunsResult> {
  const jobs = plan.work.flatMap((w) => w.tasks.map((i) => ({ w, i })));
  const res: JudgeRunsResult = { tasks: 0, calls: 0, cached: 0, decided: 0, unscored: 0 };
  let next = 0;
  const worker = async () => {
    while (next < jobs.length && !opts.signal?.aborted) {
      const { w, i } = jobs[next++]!;
      const before = w.run.tasks[i]!;
      const task = taskFor(w.scenario, before);
      const out = await regradeResult(task, before, opts.judge, opts.signal);
      if (out.judgeUnreachable !== undefined) {
        // No point asking again for every other task: stop, keep what was decided.
        res.unreachable ??= out.judgeUnreachable;
        next = jobs.length;
      }
      if (out.changed === 0) continue;
      w.run.tasks[i] = out.result;
      await opts.save(w.run);
      res.tasks++;
      res.calls += out.judgeCalls;
      res.cached += out.judgeCached;
      const now = out.result.verdicts;
      const decided = now.filter((v, k) => v !== before.verdicts[k] && (v.status === 'pass' || v.status === 'fail')).length;
      const unscored = now.filter((v, k) => v !== before.verdicts[k] && v.status === 'unscored').length;
      res.decided += decided;
      res.unscored += unscored;
      opts.onTask?.(w, i, `${w.run.scenarioId} ${before.taskId} (run ${w.run.id}): ${decided} decided${unscored ? `, ${unscored} unscored` : ''} -> ${out.result.status}`);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, jobs.length || 1)) }, worker));
  return res;
}

export type ManualAnswer = 'pass' | 'fail' | 'skip' | 'quit';

export interface ManualItem {
  run: RunRecord;
  scenario: Scenario;
  task: Task;
  taskIndex: number;
  itemIndex: number;
  /** 1-based position among all items to grade, and their count. */
  n: number;
  of: number;
  /** True for the first item of a task (show the task and answer then). */
  firstOfTask: boolean;
}

/**
 * A person grades every planned item through `ask`. Each decision is saved at once
 * (overrideVerdict keeps the earlier verdict and time). Returns how many were decided.
 */
export async function gradeByHand(
  plan: GradePlan,
  person: string,
  ask: (item: ManualItem) => Promise<ManualAnswer>,
  save: (run: RunRecord) => Promise<void>,
): Promise<{ decided: number; skipped: number; quit: boolean }> {
  const items: Omit<ManualItem, 'n' | 'of'>[] = [];
  for (const w of plan.work) {
    for (const i of w.tasks) {
      const task = taskFor(w.scenario, w.run.tasks[i]!);
      judgeableItems(task, w.run.tasks[i]!.verdicts).forEach((itemIndex, k) => items.push({ run: w.run, scenario: w.scenario, task, taskIndex: i, itemIndex, firstOfTask: k === 0 }));
    }
  }
  let decided = 0;
  let skipped = 0;
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    const a = await ask({ ...it, n: k + 1, of: items.length });
    if (a === 'quit') return { decided, skipped: skipped + items.length - k, quit: true };
    if (a === 'skip') {
      skipped++;
      continue;
    }
    const next = overrideVerdict(it.run.tasks[it.taskIndex]!, it.itemIndex, a, person);
    it.run.tasks[it.taskIndex] = { ...next, status: resultStatus(next.verdicts, next.judgement) };
    await save(it.run);
    decided++;
  }
  return { decided, skipped, quit: false };
}
