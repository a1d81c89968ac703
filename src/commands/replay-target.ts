// What `clplay replay` and `clplay demo` share: reading the saves and loading a run's scenario
// so the run can be shown with it (same tasks, a note when the scenario changed since).
import { UserError } from '../core/errors.js';
import { checkTasksAlign, scenarioNotes } from '../core/replay/pick.js';
import type { RunRecord } from '../core/runs/types.js';
import { loadLibrary } from '../core/scenario/library.js';
import type { Scenario } from '../core/scenario/schema.js';

export async function scenarioForRun(run: RunRecord, dirs: readonly string[], limit: { maxFileBytes: number }): Promise<{ scenario: Scenario; notes: string[] }> {
  const lib = await loadLibrary(dirs, limit);
  const scenario = lib.scenarios.find((s) => s.id === run.scenarioId);
  if (!scenario) throw new UserError(`run ${run.id} is of scenario "${run.scenarioId}", which is not loaded; add its folder with --scenarios DIR`);
  checkTasksAlign(run, scenario);
  return { scenario, notes: scenarioNotes(run, scenario) };
}

/** "COLSxROWS" for --size. */
export function parseSize(v: unknown, fallback: { columns: number; rows: number }): { columns: number; rows: number } {
  if (v === undefined) return fallback;
  const m = typeof v === 'string' ? /^(\d{2,3})x(\d{1,3})$/.exec(v) : null;
  const columns = m ? Number(m[1]) : NaN;
  const rows = m ? Number(m[2]) : NaN;
  if (!m || columns < 40 || columns > 400 || rows < 12 || rows > 200) throw new UserError(`--size must be COLSxROWS, 40x12 to 400x200 (e.g. 120x36), not "${String(v)}"`, 2);
  return { columns, rows };
}
