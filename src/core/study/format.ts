// The study report as text: a plain table for the terminal and Markdown for a paper's appendix.
// Every figure says what it is: solved / decided with its 95% interval, undecided counted apart.
import { sanitizeInline } from '../text/sanitize.js';
import type { ParticipantStatus } from './status.js';
import type { RateCell, StudyReport, StudyView } from './report.js';

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '-' : `${(x * 100).toFixed(1)}%`);
const ci = (c: RateCell) => (c.ci ? `${pct(c.ci.low)} - ${pct(c.ci.high)}` : 'n/a (fewer than 2 participants)');
const secs = (s: number) => `${Math.round(s)} s`;

function rows(v: StudyView): string[][] {
  const line = (scope: string, c: RateCell) => [scope, pct(c.rate), ci(c), `${c.solved}/${c.solved + c.failed}`, String(c.undecided), String(c.participants)];
  return [
    line('overall', v.overall),
    ...v.categories.map((x) => line(`category ${x.category}`, x.cell)),
    ...v.scenarios.map((x) => line(`scenario ${x.scenarioId}`, x.cell)),
    ...v.tasks.map((x) => line(`  task ${x.scenarioId}/${x.taskId}`, x.cell)),
  ];
}

const HEAD = ['scope', 'solve rate', '95% CI (bootstrap)', 'solved/decided', 'undecided', 'people'];

function table(head: string[], body: string[][]): string[] {
  const w = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const fmt = (r: string[]) => r.map((c, i) => c.padEnd(w[i]!)).join('  ').trimEnd();
  return [fmt(head), w.map((n) => '-'.repeat(n)).join('  '), ...body.map(fmt)];
}

function viewSummary(v: StudyView): string {
  const t = v.time ? `time per task median ${secs(v.time.median)} (IQR ${secs(v.time.q1)} - ${secs(v.time.q3)})` : 'no timed tasks';
  return `${v.runs} runs; rubric pass rate ${pct(v.rubricPassRate)}; ${t}`;
}

export function reportText(r: StudyReport): string {
  const out: string[] = [];
  out.push(`Study ${sanitizeInline(r.study.id)}: ${sanitizeInline(r.study.title)}`);
  out.push(`${r.participants} participants. Solve rate = solved / decided tasks; 95% intervals from ${r.bootstrap.samples} participant-level bootstrap resamples (seed ${r.bootstrap.seed}).`);
  out.push('');
  out.push('Exclusions (applied here; no data is deleted):');
  if (!r.exclusions.length) out.push('  none declared');
  for (const e of r.exclusions) out.push(`  ${e.id}: ${e.description} - removes ${e.runs} run(s)`);
  for (const e of r.excludedRuns) out.push(`    run ${e.runId} (${sanitizeInline(e.participant)}, ${e.scenarioId}): ${e.rules.join(', ')}`);
  out.push('');
  out.push(`After exclusions: ${viewSummary(r.afterExclusions)}`);
  out.push(...table(HEAD, rows(r.afterExclusions)));
  out.push('');
  out.push(`Without exclusions: ${viewSummary(r.all)}`);
  out.push(...table(HEAD, rows(r.all)));
  out.push('');
  out.push(`Judge vs person: ${r.agreement.compared ? `${r.agreement.agreed}/${r.agreement.compared} items agree` : 'no item graded by both'}`);
  out.push('');
  out.push('Models on the same scenarios (same scenario hash):');
  if (!r.models.length) out.push('  none in the saves');
  for (const m of r.models) out.push(`  ${sanitizeInline(m.group)}: ${pct(m.solveRate)} (${m.solved}/${m.solved + m.failed} decided, ${m.pending} undecided, ${m.runs} runs${m.runSolveRateSd !== null ? `, sd over runs ${pct(m.runSolveRateSd)}` : ''})`);
  return out.join('\n') + '\n';
}

export function reportMarkdown(r: StudyReport): string {
  const md = (head: string[], body: string[][]) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...body.map((b) => `| ${b.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`)];
  return [
    `## Human baseline: ${r.study.title}`,
    '',
    `${r.participants} participants (study \`${r.study.id}\`, file sha256 ${r.study.hash.slice(0, 12)}). Solve rate = solved / decided tasks; 95% confidence intervals from ${r.bootstrap.samples} participant-level bootstrap resamples (seed ${r.bootstrap.seed}). ${viewSummary(r.afterExclusions)}.`,
    '',
    ...md(HEAD, rows(r.afterExclusions)),
    '',
    '### Exclusions',
    '',
    ...(r.exclusions.length ? r.exclusions.map((e) => `- \`${e.id}\`: ${e.description} - ${e.runs} run(s) removed`) : ['- none declared']),
    '',
    `Without exclusions: ${pct(r.all.overall.rate)} (${r.all.overall.solved}/${r.all.overall.solved + r.all.overall.failed} decided, ${r.all.runs} runs).`,
    '',
    '### Models on the same scenarios',
    '',
    ...(r.models.length ? md(['model', 'solve rate', 'solved/decided', 'runs'], r.models.map((m) => [m.group, pct(m.solveRate), `${m.solved}/${m.solved + m.failed}`, String(m.runs)])) : ['None in the saves.']),
    '',
  ].join('\n');
}

export function statusText(list: readonly ParticipantStatus[]): string {
  if (!list.length) return 'No participant has started yet.\n';
  const body = list.flatMap((p) =>
    p.cells.map((c, i) => [i === 0 ? sanitizeInline(p.participant) : '', i === 0 ? `${p.done}/${p.assigned}` : '', c.scenarioId, c.state, c.activeMs ? secs(c.activeMs / 1000) : '-', c.flags.join(', ') || '-']),
  );
  return table(['participant', 'done', 'scenario', 'state', 'active', 'flags'], body).join('\n') + '\n';
}
