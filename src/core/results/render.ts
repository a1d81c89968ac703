// The results as plain text: what `clplay results` prints when stdout is not a terminal,
// and what the results screen shows in its panes.
import { categoryName } from '../scenario/schema.js';
import type { Agreement } from './agreement.js';
import type { GroupResult, ResultsReport, ScopeResult, TaskRow } from './aggregate.js';
import { duration, pct, table } from './format.js';
import { CLBENCH_PUBLISHED, CLBENCH_TEN_MODEL_AVERAGE } from './published.js';

/** CL-bench's label for the four categories; an imported category as written (e.g. "Mock"). */
export const categoryLabel = (c: string) => categoryName(c);

// "solved" is solved / graded (decided) tasks: for imported eval.py output, Score 1 / Total as eval.py's summary counts them.
const HEADER = ['group', 'people', 'runs', 'solved', 'solve rate', '+/- (sd of)', 'rubric', 'pending', 'unscored items', 'median time/task'];
const RIGHT = [false, true, true, true, true, true, true, true, true, true];

/** "4.1% (3 repeats)" or "12.0% (5 scenarios)": the spread says what it is the spread of. */
export function spreadCell(g: Pick<GroupResult, 'spread'>): string {
  return g.spread ? `${pct(g.spread.sd)} (${g.spread.n} ${g.spread.over})` : '-';
}

function groupRow(g: GroupResult): string[] {
  return [
    g.group,
    g.kind === 'human' ? String(g.players) : '-',
    String(g.runs),
    `${g.solved}/${g.solved + g.failed}`,
    pct(g.solveRate),
    spreadCell(g),
    pct(g.rubricPassRate),
    String(g.pending),
    String(g.items.unscored),
    duration(g.medianActiveMs),
  ];
}

export function scopeTable(s: ScopeResult): string {
  return table(HEADER, s.groups.map(groupRow), RIGHT);
}

export function renderReport(report: ResultsReport, opts: { scenarios?: boolean } = {}): string {
  const parts: string[] = [];
  if (!report.overall.groups.length) return 'No results yet: play a scenario (`clplay`) or run a model (`clplay run`).';
  parts.push('Overall', scopeTable(report.overall));
  for (const c of report.categories) parts.push('', categoryLabel(c.scope), scopeTable(c));
  if (opts.scenarios !== false) for (const s of report.scenarios) parts.push('', `Scenario ${s.scope}`, scopeTable(s));
  return parts.join('\n');
}

export function renderTasks(rows: readonly TaskRow[]): string {
  const mark = { solved: '✓', failed: '✗', pending: '…' } as const;
  const header = ['scenario', 'task', 'humans solved', 'models solved', 'attempts (✓ solved, ✗ failed, … pending)'];
  return table(
    header,
    rows.map((r) => [
      r.scenarioId,
      r.taskId,
      `${r.humansSolved}/${r.humansTried}`,
      `${r.modelsSolved}/${r.modelsTried}`,
      r.cells.map((c) => `${mark[c.status]} ${c.group === 'humans' ? c.playerName : c.group}`).join(', '),
    ]),
    [false, false, true, true, false],
  );
}

const clip = (s: string, n = 100) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
};

export function renderAgreement(a: Agreement): string {
  const lines: string[] = [];
  if (!a.compared) lines.push('Judge agreement: no item was graded by both a person and an LLM judge yet.');
  else {
    lines.push(`Judge agreement: ${a.agreed}/${a.compared} items (${pct(a.rate)}) graded alike by a person and an LLM judge.`);
    for (const d of a.disagreements.slice(0, 20))
      lines.push(`  ${d.scenarioId} ${d.taskId} item ${d.itemIndex + 1}: ${d.person} said ${d.personStatus}, ${d.judge} said ${d.judgeStatus} (run ${d.runId})`);
    if (a.disagreements.length > 20) lines.push(`  ... and ${a.disagreements.length - 20} more`);
  }
  const c = a.checks;
  if (c.compared) {
    lines.push(`Checks vs judge (--judge-checks): ${c.agreed}/${c.compared} check-graded items (${pct(c.rate)}) judged alike; the check's verdict counts.`);
    for (const d of c.disagreements.slice(0, 20))
      lines.push(`  ${d.scenarioId} ${d.taskId} item ${d.itemIndex + 1}: check said ${d.checkStatus} (${clip(d.checkReason, 60)}), ${d.judge} said ${d.judgeStatus} (${clip(d.judgeReason, 60)}) (run ${d.runId})`);
    if (c.disagreements.length > 20) lines.push(`  ... and ${c.disagreements.length - 20} more`);
  }
  if (a.listScore.length) {
    lines.push(`CL-bench judge: ${a.listScore.length} task(s) where the per-item list and the Overall Score disagree; the score decides, as in eval.py.`);
    for (const d of a.listScore.slice(0, 20)) lines.push(`  ${d.scenarioId} ${d.taskId}: ${d.upstream}; ${clip(d.disagreement, 140)} (${d.judge}, run ${d.runId})`);
    if (a.listScore.length > 20) lines.push(`  ... and ${a.listScore.length - 20} more`);
  }
  return lines.join('\n');
}

export function renderPublished(): string {
  const f = (x: number | undefined) => (x === undefined ? '-' : `${x.toFixed(1)}%`);
  const rows = CLBENCH_PUBLISHED.map((p) => [p.model, f(p.overall), f(p.domain), f(p.rule), f(p.procedural), f(p.empirical)]);
  return [
    `For orientation, CL-bench's published solve rates (the paper's runs on CL-bench, not clplay's; ten-model average ${CLBENCH_TEN_MODEL_AVERAGE}%; no human baseline published):`,
    table(['model', 'overall', 'domain', 'rule', 'procedural', 'empirical'], rows, [false, true, true, true, true, true]),
  ].join('\n');
}
