// Which saved batch a `clplay run` continues. Pure: works on the list of saved runs.
import { UserError } from '../errors.js';
import type { RunRecord } from '../runs/types.js';

/**
 * Rerunning the same command: the newest batch whose id is `key` or `key.<suffix>` (a --fresh
 * batch of the same configuration), else `key` itself (a new batch).
 */
export function latestBatchFor(key: string, runs: readonly RunRecord[]): string {
  let best: RunRecord | undefined;
  for (const r of runs) {
    if (!r.batchId || (r.batchId !== key && !r.batchId.startsWith(`${key}.`))) continue;
    if (!best || r.startedAt > best.startedAt || (r.startedAt === best.startedAt && r.id > best.id)) best = r;
  }
  return best?.batchId ?? key;
}

export function freshBatchId(key: string, now = Date.now()): string {
  return `${key}.${now.toString(36)}`;
}

export interface ResumeTarget {
  batchId: string;
  runs: RunRecord[];
  /** The model run whose player/history/noContext the batch used (the newest). */
  model: Extract<RunRecord['player'], { kind: 'model' }>;
  /** 'auto' when the batch's runs use both modes (it was run with the default). */
  history: RunRecord['history'] | 'auto';
  noContext: boolean;
  scenarioIds: string[];
  repeat: number;
  judge?: string;
}

/**
 * `--resume X`: X is a batch id or the id of one of its runs. `unreadable` are the saves folder's
 * problem lines (`saves/X.json: damaged run: ...`): a run whose file is damaged or from a newer
 * clplay is named as such, not reported as missing.
 */
export function resumeTarget(arg: string, runs: readonly RunRecord[], unreadable: readonly string[] = []): ResumeTarget {
  const byRun = runs.find((r) => r.id === arg);
  if (byRun && !byRun.batchId) {
    throw new UserError(`run ${arg} was not made by \`clplay run\` (it has no batch); --resume takes a batch id or the id of one of its runs`, 2);
  }
  const batchId = byRun?.batchId ?? arg;
  const mine = runs.filter((r) => r.batchId === batchId);
  if (mine.length === 0) {
    const file = `${arg}.json`;
    const damaged = unreadable.find((p) => p.startsWith(`${file}:`) || p.includes(`/${file}:`) || p.includes(`\\${file}:`));
    if (damaged) throw new UserError(`run ${arg} cannot be resumed: ${damaged}`, 2);
    throw new UserError(`no saved run or batch "${arg}" (see \`clplay saves\`; batch ids look like b-0123456789ab)`, 2);
  }
  const newest = mine.reduce((a, b) => (b.id > a.id ? b : a));
  if (newest.player.kind !== 'model') throw new UserError(`batch ${batchId} holds runs by a person, not a model`, 2);
  const scenarioIds = [...new Set(mine.map((r) => r.scenarioId))];
  return {
    batchId,
    runs: mine,
    model: newest.player,
    history: mine.every((r) => r.history === newest.history) ? newest.history : 'auto',
    noContext: !!newest.noContext,
    scenarioIds,
    repeat: Math.max(...mine.map((r) => r.repeat ?? 1)),
    judge: newest.judge,
  };
}
