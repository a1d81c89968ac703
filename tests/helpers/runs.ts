// Builders for run records in tests: small, explicit, and close to what the app saves.
import type { Verdict, VerdictStatus } from '../../src/core/grading/verdict.js';
import { taskStatus } from '../../src/core/grading/verdict.js';
import { RUN_SCHEMA_VERSION, type RunRecord, type TaskResult } from '../../src/core/runs/types.js';

export const v = (status: VerdictStatus, by = status === 'pending' ? undefined : 'check'): Verdict => ({ status, by, reason: `${status} for test` });

export function task(taskId: string, statuses: VerdictStatus[], extra: Partial<TaskResult> = {}): TaskResult {
  const verdicts = statuses.map((s) => v(s));
  return { taskId, answer: `answer to ${taskId}`, verdicts, status: taskStatus(verdicts), ...extra };
}

export function humanRun(id: string, name: string, scenarioId: string, tasks: TaskResult[], extra: Partial<RunRecord> = {}): RunRecord {
  return {
    schemaVersion: RUN_SCHEMA_VERSION,
    id,
    scenarioId,
    scenarioHash: 'h',
    category: 'rule-system-application',
    player: { kind: 'human', name },
    history: 'own',
    startedAt: '2026-11-20T10:00:00.000Z',
    status: 'finished',
    tasks,
    ...extra,
  };
}

export function modelRun(id: string, model: string, scenarioId: string, tasks: TaskResult[], extra: Partial<RunRecord> = {}): RunRecord {
  return {
    ...humanRun(id, '', scenarioId, tasks, extra),
    player: { kind: 'model', model, baseUrl: 'http://127.0.0.1:1/v1', params: {} },
    ...extra,
  };
}
