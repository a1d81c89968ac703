// What each tab of the results screen shows, as plain lines (pure; the screen only slices them).
import type { Agreement } from '../../../core/results/agreement.js';
import type { ResultsReport, TaskRow } from '../../../core/results/aggregate.js';
import type { TaskAttempt } from '../../../core/results/attempts.js';
import { categoryBars, timeVsSolve } from '../../../core/results/charts.js';
import { categoryLabel, renderAgreement, renderPublished, renderReport } from '../../../core/results/render.js';
import type { RunRecord } from '../../../core/runs/types.js';
import type { Scenario } from '../../../core/scenario/schema.js';
import { sanitize } from '../../../core/text/sanitize.js';
import { wrapText } from '../../../core/text/wrap.js';

export interface ResultsInput {
  report: ResultsReport;
  rows: TaskAttempt[];
  tasks: TaskRow[];
  agreement: Agreement;
  runs: RunRecord[];
  scenarios: ReadonlyMap<string, Scenario>;
}

export const TABS = ['Overview', 'Charts', 'Tasks', 'Judges', 'CL-bench'] as const;
export type Tab = (typeof TABS)[number];

const lines = (text: string) => text.split('\n');

export function tabLines(tab: Tab, input: ResultsInput): string[] {
  switch (tab) {
    case 'Overview':
      return lines(renderReport(input.report));
    case 'Charts':
      if (!input.rows.length) return ['No results yet.'];
      return lines(['Solve rate by category (humans and each model)', categoryBars(input.report.categories, categoryLabel), '', timeVsSolve(input.rows)].join('\n'));
    case 'Judges':
      return lines(renderAgreement(input.agreement));
    case 'CL-bench':
      return lines(renderPublished());
    case 'Tasks':
      return input.tasks.map(taskLine);
  }
}

const MARK = { solved: '✓', failed: '✗', pending: '…' } as const;

export function taskLine(t: TaskRow): string {
  const who = t.cells.map((c) => `${MARK[c.status]} ${c.group === 'humans' ? c.playerName : c.group}`).join('  ');
  return `${t.scenarioId} / ${t.taskId}   humans ${t.humansSolved}/${t.humansTried}, models ${t.modelsSolved}/${t.modelsTried}   ${who}`;
}

/** Every answer given to one task, each under a header with its verdict: "people solved it, the model did not". */
export function answerLines(t: TaskRow, input: ResultsInput, width: number): string[] {
  const out = [`${t.scenarioId} / ${t.taskId}`];
  const prompt = input.scenarios.get(t.scenarioId)?.tasks.find((x) => x.id === t.taskId)?.prompt;
  if (prompt) out.push(...wrapText(sanitize(prompt.trim()), width).lines.map((l) => `  ${l.text}`));
  for (const c of t.cells) {
    const run = input.runs.find((r) => r.id === c.runId);
    const result = run?.tasks.find((x) => x.taskId === t.taskId);
    out.push('', `${MARK[c.status]} ${c.status.toUpperCase()}  ${c.group === 'humans' ? `${c.playerName} (human)` : c.group}  run ${c.runId}`);
    const answer = result?.answer ?? (result?.error ? `(no answer: ${result.error})` : '(no answer)');
    out.push(...wrapText(sanitize(answer), Math.max(10, width - 4)).lines.map((l) => `    ${l.text}`));
    const failed = result?.verdicts.map((v, i) => ({ v, i })).filter(({ v }) => v.status !== 'pass') ?? [];
    for (const { v, i } of failed.slice(0, 5)) out.push(`    item ${i + 1} ${v.status}: ${sanitize(v.reason).replace(/\n/g, ' ')}`);
  }
  return out;
}
