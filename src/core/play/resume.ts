// Which runs a player can continue, and their last result per scenario. Pure: takes the runs a
// RunStore listed, returns what the home and play screens offer.
import type { Scenario } from '../scenario/schema.js';
import type { RunRecord } from '../runs/types.js';
import { scenarioScore, type ScenarioScore } from '../grading/verdict.js';

export function isHumanRunOf(run: RunRecord, player: string): boolean {
  return run.player.kind === 'human' && run.player.name === player;
}

/** Newest activity of a run (for ordering): last submission, last activity or start. */
export function lastActivity(run: RunRecord): number {
  let t = Date.parse(run.endedAt ?? run.startedAt) || 0;
  for (const task of run.tasks) {
    for (const s of [task.submittedAt, task.lastActiveAt]) {
      const v = s ? Date.parse(s) : 0;
      if (v > t) t = v;
    }
  }
  return t;
}

export interface Continuable {
  run: RunRecord;
  scenario: Scenario;
  /** Tasks submitted so far. */
  done: number;
  /** The scenario file changed since the run began (tasks still match by id). */
  changed: boolean;
}

/** The task ids of the run still match the scenario's, in order (else it cannot be continued). */
export function tasksMatch(run: RunRecord, scenario: Scenario): boolean {
  return run.tasks.length === scenario.tasks.length && run.tasks.every((t, i) => t.taskId === scenario.tasks[i]!.id);
}

/** Unfinished runs of this player whose scenario is loaded, newest first. */
export function continuableRuns(runs: readonly RunRecord[], scenarios: readonly Scenario[], player: string): Continuable[] {
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  const out: Continuable[] = [];
  for (const run of runs) {
    if (run.status !== 'in-progress' || !isHumanRunOf(run, player)) continue;
    const scenario = byId.get(run.scenarioId);
    if (!scenario || !tasksMatch(run, scenario)) continue;
    out.push({
      run,
      scenario,
      done: run.tasks.filter((t) => t.submittedAt !== undefined).length,
      changed: run.scenarioHash !== scenario.hash,
    });
  }
  return out.sort((a, b) => lastActivity(b.run) - lastActivity(a.run));
}

export function runScore(run: RunRecord): ScenarioScore {
  return scenarioScore(run.tasks.map((t) => t.verdicts));
}

/** This player's newest finished run per scenario id. */
export function lastResults(runs: readonly RunRecord[], player: string): Map<string, RunRecord> {
  const out = new Map<string, RunRecord>();
  for (const run of runs) {
    if (run.status !== 'finished' || !isHumanRunOf(run, player)) continue;
    const prev = out.get(run.scenarioId);
    if (!prev || lastActivity(run) > lastActivity(prev)) out.set(run.scenarioId, run);
  }
  return out;
}
