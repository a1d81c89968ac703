// `clplay import-results`: CL-bench graded output rows (eval.py's *_graded.jsonl) become model
// runs on imported scenarios, so published upstream results stand beside clplay's baselines.
// Each graded row carries infer.py's row (idx, messages, model_output, rubrics, metadata) plus
// grading_rationale, requirement_status (["yes","no",...]) and score (0/1). The score decides
// each task's status as eval.py counts it; a task id that appears again is another repeat.
import { resultStatus, type TaskJudgement, type Verdict } from '../grading/verdict.js';
import type { Scenario, Task } from '../scenario/schema.js';
import { pyStrip, readStatusList, upstreamSolved } from '../judge/clbench-protocol.js';
import { numberedItems } from '../judge/judge.js';
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

/**
 * One graded row as eval.py counts it: the task's status follows `score` exactly (solved iff
 * score == 1 in Python: 1, 1.0, true - not "1"); the per-item list becomes item verdicts (an
 * entry that is not yes/no, or a missing one, leaves its item unscored); where list and score
 * disagree the judgement says so, and the score decides.
 */
export function gradedToResult(row: GradedRow, task: Task, judge: string, at: string): { verdicts: Verdict[]; judgement: TaskJudgement } {
  const by = `judge:${judge}`;
  const base = { by, at, protocol: 'clbench' as const };
  const rationale = typeof row.grading_rationale === 'string' ? row.grading_rationale : '';
  const output = typeof row.model_output === 'string' ? row.model_output : '';
  const score = row.score;
  const upstream = upstreamSolved(score) ? ('solved' as const) : ('not solved' as const);
  const judgement: TaskJudgement = { protocol: 'clbench', by, at, upstream, score, ...(rationale ? { rationale: rationale.slice(0, 4000) } : {}), note: 'imported from eval.py output' };
  if (!pyStrip(output)) {
    const verdicts = task.rubric.map(() => ({ ...base, status: 'fail' as const, reason: 'no model output (eval.py counts it as 0)' }));
    return { verdicts, judgement };
  }
  const numbers = numberedItems(task).map((it) => it.number);
  const list = readStatusList(row.requirement_status, numbers, score);
  const short = rationale.replace(/\s+/g, ' ').slice(0, 160);
  const verdicts = list.items.map((it) => ({
    ...base,
    status: it.status,
    reason: it.status === 'unscored' ? it.reason : short ? `${it.reason}. ${short}` : it.reason,
    ...(it.status === 'unscored' && rationale ? { raw: rationale.slice(0, 2000) } : {}),
  }));
  return { verdicts, judgement: list.disagreement ? { ...judgement, disagreement: list.disagreement } : judgement };
}

export interface ImportResultsOptions {
  model: string;
  judge: string;
  /** Distinguishes several graded files of one model (CL-bench reports the mean of 3). A task id's
   *  k-th row in the file becomes repeat `repeat + k - 1`. */
  repeat: number;
  batchId: string;
  now: string;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'model';

export interface ImportedRuns {
  runs: RunRecord[];
  unknown: string[];
  /** One line when task ids repeat in the file (their rows became repeats), else none. */
  repeats: string[];
  /** Rows whose judge list and score disagree, one line each (the score decides). */
  disagreements: string[];
  /** eval.py's own count over the rows read: score == 1 of all rows. */
  upstream: { solved: number; total: number };
}

/**
 * Groups rows by scenario and repeat into runs with deterministic ids, so importing twice adds
 * nothing. A task id's second row (in input order) goes to the next repeat, and so on.
 */
export function gradedRowsToRuns(rows: readonly { line: number; row: GradedRow }[], index: ReadonlyMap<string, TaskIndexEntry>, opts: ImportResultsOptions): ImportedRuns {
  const runs = new Map<string, RunRecord>();
  const unknown: string[] = [];
  const disagreements: string[] = [];
  const seen = new Map<string, number>();
  let solved = 0;
  for (const { line, row } of rows) {
    if (upstreamSolved(row.score)) solved++;
    const taskId = String(row.metadata?.task_id ?? row.idx ?? '');
    const hit = index.get(taskId);
    if (!hit) {
      unknown.push(`line ${line}: task_id "${taskId}" is not in any loaded scenario (import the CL-bench data first with \`clplay import\`)`);
      continue;
    }
    const k = (seen.get(taskId) ?? 0) + 1;
    seen.set(taskId, k);
    const repeat = opts.repeat + k - 1;
    const { scenario, taskIndex } = hit;
    const id = `clbench-${slug(opts.model)}-r${repeat}-${scenario.id}`;
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
        repeat,
        judge: opts.judge,
        startedAt: opts.now,
        endedAt: opts.now,
        status: 'finished',
        tasks: scenario.tasks.map((t) => ({ taskId: t.id, verdicts: t.rubric.map(() => ({ status: 'pending' as const, reason: 'not in the graded file' })), status: 'pending' as const })),
      };
      runs.set(id, run);
    }
    const task = scenario.tasks[taskIndex]!;
    const { verdicts, judgement } = gradedToResult(row, task, opts.judge, opts.now);
    if (judgement.disagreement) disagreements.push(`line ${line} (task_id ${taskId}): ${judgement.disagreement} -> ${judgement.upstream}`);
    const result: TaskResult = {
      taskId: task.id,
      answer: typeof row.model_output === 'string' ? row.model_output : '',
      verdicts,
      judgement,
      status: resultStatus(verdicts, judgement),
    };
    run.tasks[taskIndex] = result;
  }
  const multi = [...seen.entries()].filter(([, n]) => n > 1);
  const repeats = multi.length
    ? [
        `${multi.length} task id(s) appear more than once; their rows became repeats ${opts.repeat} to ${opts.repeat + Math.max(...multi.map(([, n]) => n)) - 1} in input order (${multi
          .slice(0, 3)
          .map(([id, n]) => `${id}: ${n} rows`)
          .join(', ')}${multi.length > 3 ? ', ...' : ''})`,
      ]
    : [];
  return { runs: [...runs.values()], unknown, repeats, disagreements, upstream: { solved, total: rows.length } };
}
