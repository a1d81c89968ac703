// The clbench export: upstream infer.py's output rows, so CL-bench's own eval.py can grade
// clplay's answers (human or model) exactly as it grades a model's.
import { buildMessages } from '../clbench/messages.js';
import type { RubricItem, Scenario } from '../scenario/schema.js';
import { rubricNumber } from '../clbench/rubric.js';
import { categoryName } from '../scenario/schema.js';
import type { RunRecord } from '../runs/types.js';

export interface ClbenchRow {
  idx: string;
  messages: { role: string; content: string }[];
  model_output: string;
  rubrics: string[];
  metadata: { task_id: string; context_id: string; context_category: string; sub_category: string; clplay_run: string; clplay_player: string };
}

/**
 * The rubric list as upstream numbers it: where the import left out empty items (keeping their
 * numbers), an empty string stands in their place again, so eval.py, which skips empty items but
 * keeps counting, numbers every item as it did in the source row.
 */
export function upstreamRubrics(rubric: readonly RubricItem[]): string[] {
  const out: string[] = [];
  rubric.forEach((r, i) => {
    const n = rubricNumber(r, i);
    while (out.length < n - 1) out.push('');
    out.push(r.text);
  });
  return out;
}

export interface ClbenchFile {
  /** 1-based: the first file holds each task's first answer, the second its second, ... */
  repeat: number;
  text: string;
  rows: number;
}

/**
 * The rows split so that no file holds a task id twice: upstream's infer.py and eval.py resume
 * by skipping task ids already in their output, so a second answer to the same task in one file
 * would be skipped (or, graded, counted twice). Runs go in repeat order, then start time; each
 * row goes to the first file that does not yet hold its task id.
 */
export function toClbenchFiles(runs: readonly RunRecord[], scenarios: ReadonlyMap<string, Scenario>): { files: ClbenchFile[]; skipped: string[] } {
  const ordered = [...runs].sort((a, b) => (a.repeat ?? 1) - (b.repeat ?? 1) || (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0));
  const slots: { ids: Set<string>; lines: string[] }[] = [];
  const skipped: string[] = [];
  for (const run of ordered) {
    const out = toClbench([run], scenarios);
    skipped.push(...out.skipped);
    for (const line of out.text.split('\n')) {
      if (!line) continue;
      const idx = (JSON.parse(line) as ClbenchRow).idx;
      let slot = slots.find((s) => !s.ids.has(idx));
      if (!slot) {
        slot = { ids: new Set(), lines: [] };
        slots.push(slot);
      }
      slot.ids.add(idx);
      slot.lines.push(line);
    }
  }
  return { files: slots.map((s, i) => ({ repeat: i + 1, text: s.lines.join('\n') + '\n', rows: s.lines.length })), skipped };
}

/** `out.jsonl` -> `out.repeat-2.jsonl` (the suffix goes before the extension). */
export function repeatPath(path: string, repeat: number): string {
  const m = /^(.*?)(\.[^./\\]+)?$/.exec(path)!;
  return `${m[1]}.repeat-${repeat}${m[2] ?? ''}`;
}

/**
 * infer.py's output rows for every answered task of the runs. The messages are what the player
 * was given (the run's history mode and its own earlier answers), built by the same function the
 * model player uses. Runs whose scenario is not loaded are skipped and reported.
 */
export function toClbench(runs: readonly RunRecord[], scenarios: ReadonlyMap<string, Scenario>): { text: string; skipped: string[] } {
  const lines: string[] = [];
  const skipped: string[] = [];
  for (const run of runs) {
    const scenario = scenarios.get(run.scenarioId);
    if (!scenario) {
      skipped.push(`run ${run.id}: scenario "${run.scenarioId}" is not loaded (add its folder with --scenarios)`);
      continue;
    }
    const answers = scenario.tasks.map((t) => run.tasks.find((r) => r.taskId === t.id)?.answer);
    scenario.tasks.forEach((task, k) => {
      const result = run.tasks.find((r) => r.taskId === task.id);
      if (result?.answer === undefined) return;
      let messages;
      try {
        messages = buildMessages(scenario, k, { history: run.history, answers, noContext: run.noContext });
      } catch (err) {
        // e.g. an earlier task of the chain was never answered: there is no history to send.
        skipped.push(`run ${run.id} task ${task.id}: ${(err as Error).message}`);
        return;
      }
      const taskId = task.sourceId ?? `${scenario.id}/${task.id}`;
      const row: ClbenchRow = {
        idx: taskId,
        messages,
        model_output: result.answer,
        rubrics: upstreamRubrics(task.rubric),
        metadata: {
          task_id: taskId,
          context_id: scenario.source?.contextId ?? scenario.id,
          context_category: scenario.source?.category ?? categoryName(scenario.category),
          sub_category: scenario.source?.subCategory ?? scenario.subcategory,
          clplay_run: run.id,
          clplay_player: run.player.kind === 'human' ? `human:${run.player.name}` : `model:${run.player.model}`,
        },
      };
      lines.push(JSON.stringify(row));
    });
  }
  return { text: lines.join('\n') + (lines.length ? '\n' : ''), skipped };
}
