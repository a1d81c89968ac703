// One row per task attempt: the shared flat view of saved runs that the results tables,
// the charts and the csv/jsonl exports all read, so their numbers cannot disagree.
import type { Scenario } from '../scenario/schema.js';
import { resultStatus, rubricRate, type TaskStatus, type VerdictStatus } from '../grading/verdict.js';
import type { RunRecord, TaskResult } from '../runs/types.js';

export interface TaskAttempt {
  scenarioId: string;
  scenarioTitle: string;
  category: string;
  taskId: string;
  taskIndex: number;
  playerKind: 'human' | 'model';
  /** A person's name, or the model's name. */
  playerName: string;
  model: string;
  /** The group the results put this attempt in: "humans", or the model (with "(no context)"). */
  group: string;
  noContext: boolean;
  runId: string;
  batchId: string;
  repeat: number;
  startedAt: string;
  status: TaskStatus;
  /** Weighted share of decided items that passed; null when nothing is decided yet. */
  rubricPassRate: number | null;
  /** Weights behind the rate, so groups pool items exactly: sum(pass) / sum(decided). */
  passWeight: number;
  decidedWeight: number;
  counts: Record<VerdictStatus, number>;
  activeMs: number | null;
  wallMs: number | null;
  answerLength: number;
  pasted: boolean;
  pasteChars: number;
  error: string;
}

export function groupOf(run: Pick<RunRecord, 'player' | 'noContext'>): string {
  if (run.player.kind === 'human') return 'humans';
  return run.noContext ? `${run.player.model} (no context)` : run.player.model;
}

/** A task counts as attempted once it has an answer or ended with an error. */
export function isAttempted(t: TaskResult): boolean {
  return t.answer !== undefined || t.error !== undefined;
}

export function attemptsOf(runs: readonly RunRecord[], scenarios?: ReadonlyMap<string, Scenario>): TaskAttempt[] {
  const rows: TaskAttempt[] = [];
  for (const run of runs) {
    const scenario = scenarios?.get(run.scenarioId);
    run.tasks.forEach((t, taskIndex) => {
      if (!isAttempted(t)) return;
      const task = scenario?.tasks.find((x) => x.id === t.taskId);
      const weights = task?.rubric.map((r) => r.weight);
      const rate = rubricRate(t.verdicts, weights);
      const pasteChars = (t.pastes ?? []).reduce((n, p) => n + p.chars, 0);
      rows.push({
        scenarioId: run.scenarioId,
        scenarioTitle: run.scenarioTitle ?? scenario?.title ?? run.scenarioId,
        category: run.category ?? scenario?.category ?? 'unknown',
        taskId: t.taskId,
        taskIndex,
        playerKind: run.player.kind,
        playerName: run.player.kind === 'human' ? run.player.name : run.player.model,
        model: run.player.kind === 'model' ? run.player.model : '',
        group: groupOf(run),
        noContext: Boolean(run.noContext),
        runId: run.id,
        batchId: run.batchId ?? '',
        repeat: run.repeat ?? 1,
        startedAt: run.startedAt,
        // Recomputed from the verdicts (and a whole-task judgement) so a stale stored status can never disagree with them.
        status: resultStatus(t.verdicts, t.judgement),
        rubricPassRate: rate.rate,
        passWeight: rate.passWeight,
        decidedWeight: rate.decidedWeight,
        counts: rate.counts,
        activeMs: t.activeMs ?? null,
        wallMs: t.wallMs ?? null,
        answerLength: t.answer?.length ?? 0,
        pasted: pasteChars > 0,
        pasteChars,
        error: t.error ?? '',
      });
    });
  }
  return rows;
}
