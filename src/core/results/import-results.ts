// `clplay import-results`: CL-bench graded output rows (eval.py's *_graded.jsonl) become model
// runs on imported scenarios, so published upstream results stand beside clplay's baselines.
// Each graded row carries infer.py's row (idx, messages, model_output, rubrics, metadata) plus
// grading_rationale, requirement_status (["yes","no",...]) and score (0/1).
import type { Verdict } from '../grading/verdict.js';
import { taskStatus } from '../grading/verdict.js';
import type { Scenario } from '../scenario/schema.js';
import { RUN_SCHEMA_VERSION, type RunRecord, type TaskResult } from '../runs/types.js';

export interface GradedRow {
  idx?: unknown;
  model_output?: unknown;
  rubrics?: unknown;
  metadata?: { task_id?: unknown; context_id?: unknown };
  grading_rationale?: unknown;
  requirement_status?: unknown;
  score?: unknown;
}

export interface TaskIndexEntry {
  scenario: Scenario;
  taskIndex: number;
}

/** task_id -> where that task lives among the loaded (imported) scenarios. */
export function indexBySourceId(scenarios: Iterable<Scenario>): Map<string, TaskIndexEntry> {
  const m = new Map<string, TaskIndexEntry>();
  for (const s of scenarios) s.tasks.forEach((t, taskIndex) => t.sourceId && m.set(t.sourceId, { scenario: s, taskIndex }));
  return m;
}

/** The judge's per-item answers become verdicts; anything unusable is `unscored`, with the raw reply kept. */
export function verdictsFromGraded(row: GradedRow, items: number, judge: string, at: string): Verdict[] {
  const by = `judge:${judge}`;
  const rationale = typeof row.grading_rationale === 'string' ? row.grading_rationale : '';
  const output = typeof row.model_output === 'string' ? row.model_output : '';
  if (!output.trim()) return Array.from({ length: items }, () => ({ status: 'fail' as const, by, at, reason: 'no model output (upstream counts it as 0)' }));
  const status = row.requirement_status;
  const short = rationale.replace(/\s+/g, ' ').slice(0, 160);
  if (!Array.isArray(status) || status.length !== items) {
    const got = Array.isArray(status) ? `${status.length} answers for ${items} items` : 'no per-item answers';
    return Array.from({ length: items }, () => ({ status: 'unscored' as const, by, at, reason: `upstream judge gave ${got}`, raw: rationale.slice(0, 2000) }));
  }
  return status.map((s) => {
    const v = String(s).trim().toLowerCase();
    if (v === 'yes') return { status: 'pass' as const, by, at, reason: short || 'upstream judge: yes' };
    if (v === 'no') return { status: 'fail' as const, by, at, reason: short || 'upstream judge: no' };
    return { status: 'unscored' as const, by, at, reason: `upstream judge answered "${String(s).slice(0, 20)}"`, raw: rationale.slice(0, 2000) };
  });
}

export interface ImportResultsOptions {
  model: string;
  judge: string;
  /** Distinguishes several graded files of one model (CL-bench reports the mean of 3). */
  repeat: number;
  batchId: string;
  now: string;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'model';

/** Groups rows by scenario into runs with deterministic ids, so importing twice adds nothing. */
export function gradedRowsToRuns(
  rows: readonly { line: number; row: GradedRow }[],
  index: ReadonlyMap<string, TaskIndexEntry>,
  opts: ImportResultsOptions,
): { runs: RunRecord[]; unknown: string[] } {
  const runs = new Map<string, RunRecord>();
  const unknown: string[] = [];
  for (const { line, row } of rows) {
    const taskId = String(row.metadata?.task_id ?? row.idx ?? '');
    const hit = index.get(taskId);
    if (!hit) {
      unknown.push(`line ${line}: task_id "${taskId}" is not in any loaded scenario (import the CL-bench data first with \`clplay import\`)`);
      continue;
    }
    const { scenario, taskIndex } = hit;
    const id = `clbench-${slug(opts.model)}-r${opts.repeat}-${scenario.id}`;
    let run = runs.get(id);
    if (!run) {
      run = {
        schemaVersion: RUN_SCHEMA_VERSION,
        id,
        scenarioId: scenario.id,
        scenarioHash: scenario.hash,
        scenarioTitle: scenario.title,
        category: scenario.category,
        player: { kind: 'model', model: opts.model, baseUrl: 'cl-bench (imported results)', params: {} },
        history: 'given',
        batchId: opts.batchId,
        repeat: opts.repeat,
        judge: opts.judge,
        startedAt: opts.now,
        endedAt: opts.now,
        status: 'finished',
        tasks: scenario.tasks.map((t) => ({ taskId: t.id, verdicts: t.rubric.map(() => ({ status: 'pending' as const, reason: 'not in the graded file' })), status: 'pending' as const })),
      };
      runs.set(id, run);
    }
    const task = scenario.tasks[taskIndex]!;
    const verdicts = verdictsFromGraded(row, task.rubric.length, opts.judge, opts.now);
    const result: TaskResult = {
      taskId: task.id,
      answer: typeof row.model_output === 'string' ? row.model_output : '',
      verdicts,
      status: taskStatus(verdicts),
    };
    run.tasks[taskIndex] = result;
  }
  return { runs: [...runs.values()], unknown };
}
