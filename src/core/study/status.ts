// Who is done: participants x assigned scenarios, each done / in progress / not started, with
// the active time spent and the flags a report would raise (exclusions, a changed scenario).
import type { RunRecord } from '../runs/types.js';
import type { Scenario } from '../scenario/schema.js';
import { assignment } from './assign.js';
import { exclusionsOf, runMetrics } from './metrics.js';
import { studyRuns } from './report.js';
import type { Study } from './schema.js';

export type CellState = 'done' | 'in progress' | 'not started';

export interface StatusCell {
  scenarioId: string;
  state: CellState;
  activeMs: number;
  flags: string[];
  runId?: string;
}

export interface ParticipantStatus {
  participant: string;
  cells: StatusCell[];
  done: number;
  assigned: number;
  consentAt?: string;
}

export function studyStatus(study: Study, allRuns: readonly RunRecord[], library: readonly Scenario[], pool: readonly string[], extraParticipants: readonly string[] = []): ParticipantStatus[] {
  const runs = studyRuns(study, allRuns);
  const hashes = new Map(library.map((s) => [s.id, s.hash]));
  const codes = [...new Set([...runs.map((r) => r.study!.participant), ...extraParticipants])].sort();
  return codes.map((participant) => {
    const mine = runs.filter((r) => r.study!.participant === participant);
    const cells = assignment(study, pool, participant).map((scenarioId): StatusCell => {
      // The latest run of this scenario by this participant speaks for the cell.
      const run = mine.filter((r) => r.scenarioId === scenarioId).sort((a, b) => a.startedAt.localeCompare(b.startedAt)).at(-1);
      if (!run) return { scenarioId, state: 'not started', activeMs: 0, flags: [] };
      const flags = exclusionsOf(runMetrics(run), study.exclusions);
      if (hashes.get(scenarioId) && hashes.get(scenarioId) !== run.scenarioHash) flags.push('scenario-changed');
      if (run.tasks.some((t) => t.timeLimit)) flags.push('time-limit');
      return {
        scenarioId,
        state: run.status === 'finished' ? 'done' : 'in progress',
        activeMs: run.tasks.reduce((n, t) => n + (t.activeMs ?? 0), 0),
        flags,
        runId: run.id,
      };
    });
    const consentAt = mine.map((r) => r.study!.consentAt).find((c) => c);
    return { participant, cells, done: cells.filter((c) => c.state === 'done').length, assigned: cells.length, ...(consentAt ? { consentAt } : {}) };
  });
}
