// The import promise at CL-bench scale: every row of the JSONL, rebuilt from the imported
// scenarios with history given, must be byte-identical to the row's messages.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { buildMessages } from '../src/core/clbench/messages.js';
import { readLines } from '../src/core/clbench/lines.js';
import { loadScenarioFile } from '../src/core/scenario/load.js';
import type { Scenario } from '../src/core/scenario/schema.js';

export async function checkRoundTrip(jsonl: string, dir: string): Promise<{ rows: number; identical: number; firstMismatch?: string }> {
  const byTask = new Map<string, { scenario: Scenario; index: number }>();
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.json')) continue;
    const { scenario, problems } = await loadScenarioFile(join(dir, name));
    if (!scenario) throw new Error(`${name}: ${problems[0]?.message ?? 'did not load'}`);
    scenario.tasks.forEach((t, index) => t.sourceId && byTask.set(t.sourceId, { scenario, index }));
  }
  let rows = 0;
  let identical = 0;
  let firstMismatch: string | undefined;
  for await (const line of readLines(jsonl)) {
    if (!line.trim()) continue;
    rows++;
    const row = JSON.parse(line) as { messages: unknown; metadata: { task_id: string } };
    const hit = byTask.get(row.metadata.task_id);
    const built = hit ? JSON.stringify(buildMessages(hit.scenario, hit.index, { history: 'given', answers: [] })) : undefined;
    if (built === JSON.stringify(row.messages)) identical++;
    else firstMismatch ??= row.metadata.task_id;
  }
  return { rows, identical, firstMismatch };
}
