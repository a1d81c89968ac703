// The clbench export: upstream infer.py's output rows, so CL-bench's own eval.py can grade
// clplay's answers (human or model) exactly as it grades a model's.
import { buildMessages } from '../clbench/messages.js';
import type { Scenario } from '../scenario/schema.js';
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
        rubrics: task.rubric.map((r) => r.text),
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
