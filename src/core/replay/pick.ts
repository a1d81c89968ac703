// What `clplay replay RUN_OR_MATCH` plays: a model run (by id), or a versus match (by match id,
// or the id of either side), whose person's answers are shown beside the model's.
import { UserError } from '../errors.js';
import type { RunRecord } from '../runs/types.js';
import type { Scenario } from '../scenario/schema.js';

export interface ReplayPick {
  model: RunRecord;
  /** The person's side of a versus match. */
  person?: RunRecord;
}

const isModel = (r: RunRecord) => r.player.kind === 'model';

export function pickReplay(arg: string, runs: readonly RunRecord[]): ReplayPick {
  const byId = runs.find((r) => r.id === arg);
  const matchId = byId ? byId.matchId : runs.some((r) => r.matchId === arg) ? arg : undefined;
  if (byId && isModel(byId) && !byId.matchId) return { model: byId };
  if (!byId && !matchId) throw new UserError(`no saved run or match "${arg}" (run \`clplay results\` or look in the saves folder for ids)`, 2);
  if (!matchId) throw new UserError(`run ${arg} is a person's run, and replay plays a model's run (or a versus match)`, 2);
  const side = runs.filter((r) => r.matchId === matchId);
  const model = byId && isModel(byId) ? byId : side.filter(isModel).at(-1);
  if (!model) throw new UserError(`match ${matchId} has no model run saved: nothing to replay`, 2);
  const person = side.filter((r) => r.player.kind === 'human').at(-1);
  return person ? { model, person } : { model };
}

/** The run's tasks must be the scenario's (same ids, same order) to be shown with it. */
export function checkTasksAlign(run: RunRecord, scenario: Scenario): void {
  const want = scenario.tasks.map((t) => t.id);
  const got = run.tasks.map((t) => t.taskId);
  if (want.length !== got.length || want.some((id, i) => id !== got[i])) {
    throw new UserError(`run ${run.id}: its tasks (${got.join(', ')}) are not those of scenario ${scenario.id} as loaded now (${want.join(', ')}); it cannot be replayed with it`);
  }
}

/** Notes for the replay screen about the scenario the run is shown with. */
export function scenarioNotes(run: RunRecord, scenario: Scenario): string[] {
  return run.scenarioHash && run.scenarioHash !== scenario.hash ? ['the scenario changed since this run: the context shown is today\'s'] : [];
}
