// Filters shared by `clplay results` and `clplay export`.
import type { RunRecord } from '../runs/types.js';
import { UserError } from '../errors.js';

export interface RunFilter {
  scenario?: string[];
  category?: string[];
  /** A person's name or a model name (exact, case-insensitive). */
  player?: string[];
  model?: string[];
  /** ISO dates (inclusive) on the run's start. */
  since?: string;
  until?: string;
}

const lower = (xs?: string[]) => xs?.map((x) => x.toLowerCase());

export function filterRuns(runs: readonly RunRecord[], f: RunFilter, categoryOf?: (scenarioId: string) => string | undefined): RunRecord[] {
  const scenario = lower(f.scenario);
  const category = lower(f.category);
  const player = lower(f.player);
  const model = lower(f.model);
  const since = f.since ? Date.parse(f.since) : undefined;
  // `--until 2026-11-30` means the whole of that day.
  const until = f.until ? Date.parse(f.until) + (/^\d{4}-\d{2}-\d{2}$/.test(f.until) ? 86_400_000 - 1 : 0) : undefined;
  return runs.filter((r) => {
    if (scenario && !scenario.includes(r.scenarioId.toLowerCase())) return false;
    const cat = (r.category ?? categoryOf?.(r.scenarioId) ?? '').toLowerCase();
    if (category && !category.includes(cat)) return false;
    const name = r.player.kind === 'human' ? r.player.name : r.player.model;
    if (player && !player.includes(name.toLowerCase())) return false;
    if (model && (r.player.kind !== 'model' || !model.includes(r.player.model.toLowerCase()))) return false;
    const t = Date.parse(r.startedAt);
    if (since !== undefined && t < since) return false;
    if (until !== undefined && t > until) return false;
    return true;
  });
}

/** Parses a --since/--until value; a clear error names the flag. */
export function checkDate(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (Number.isNaN(Date.parse(value))) throw new UserError(`--${flag} "${value}" is not a date; use YYYY-MM-DD`, 2);
  return value;
}
