// Exports: one row per task attempt, as csv or jsonl (the clbench format is in export-clbench.ts).
import type { TaskAttempt } from './attempts.js';

export const EXPORT_FORMATS = ['csv', 'jsonl', 'clbench'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The columns of csv and jsonl, in order; the README documents each. */
export const ATTEMPT_COLUMNS = [
  'scenario',
  'category',
  'task',
  'player_kind',
  'player',
  'model',
  'no_context',
  'run',
  'repeat',
  'status',
  'rubric_pass_rate',
  'items_pass',
  'items_fail',
  'items_pending',
  'items_unscored',
  'active_seconds',
  'answer_length',
  'pasted',
  'paste_chars',
  'error',
] as const;

export function attemptRecord(a: TaskAttempt): Record<(typeof ATTEMPT_COLUMNS)[number], string | number | boolean | null> {
  return {
    scenario: a.scenarioId,
    category: a.category,
    task: a.taskId,
    player_kind: a.playerKind,
    player: a.playerName,
    model: a.model,
    no_context: a.noContext,
    run: a.runId,
    repeat: a.repeat,
    status: a.status,
    rubric_pass_rate: a.rubricPassRate === null ? null : Number(a.rubricPassRate.toFixed(4)),
    items_pass: a.counts.pass,
    items_fail: a.counts.fail,
    items_pending: a.counts.pending,
    items_unscored: a.counts.unscored,
    active_seconds: a.activeMs === null ? null : Number((a.activeMs / 1000).toFixed(1)),
    answer_length: a.answerLength,
    pasted: a.pasted,
    paste_chars: a.pasteChars,
    error: a.error,
  };
}

/** RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs a cell. */
export function csvCell(v: string | number | boolean | null): string {
  if (v === null) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly TaskAttempt[]): string {
  const lines = [ATTEMPT_COLUMNS.join(',')];
  for (const a of rows) {
    const r = attemptRecord(a);
    lines.push(ATTEMPT_COLUMNS.map((c) => csvCell(r[c])).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

export function toJsonl(rows: readonly TaskAttempt[]): string {
  return rows.map((a) => JSON.stringify(attemptRecord(a))).join('\n') + (rows.length ? '\n' : '');
}

