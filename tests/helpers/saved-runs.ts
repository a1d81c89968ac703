// Reading the run files a real clplay process saved, for end-to-end tests.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunRecord } from '../../src/core/runs/types.js';

/** Every run file in the saves folder (other JSON there, such as the judge cache, is left out). */
export function runFiles(saves: string): RunRecord[] {
  if (!existsSync(saves)) return [];
  return readdirSync(saves)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(saves, f), 'utf8')) as RunRecord)
    .filter((r) => r.schemaVersion !== undefined && Array.isArray(r.tasks));
}

/** Polls the saves folder until a run matches (saves land a moment after the screen shows them). */
export async function waitForRun(saves: string, pred: (r: RunRecord) => boolean, timeoutMs = 5000): Promise<RunRecord> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const hit = runFiles(saves).find(pred);
    if (hit) return hit;
    if (Date.now() > end) throw new Error(`no saved run matched within ${timeoutMs} ms: ${JSON.stringify(runFiles(saves), null, 1).slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
