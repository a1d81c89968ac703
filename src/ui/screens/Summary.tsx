// The end of a run: tasks solved, rubric pass rate, time per task, and beside it the results of
// other people and models on this scenario from the saves. With --reveal end the verdicts of
// every task are shown here (for the first time); with --reveal never no score is shown.
import React, { useEffect, useMemo, useState } from 'react';
import { Box, Text, useInput } from 'ink';
import type { PlayController } from '../../core/play/controller.js';
import { baselineRows, formatClock } from '../../core/play/baseline.js';
import { compareRows, type CompareRow } from '../../core/play/compare.js';
import { scenarioScore, taskStatus } from '../../core/grading/verdict.js';
import type { RunRecord } from '../../core/runs/types.js';
import type { Scenario } from '../../core/scenario/schema.js';
import { displayWidth, padToWidth, truncateToWidth } from '../../core/text/width.js';
import { sanitizeInline } from '../../core/text/sanitize.js';
import { useAppValue } from '../app-context.js';
import { usePlayState } from '../hooks/use-play-state.js';
import { commandFor } from '../keys/bindings.js';
import { STATUS_SYMBOL, theme } from '../theme.js';
import { verdictRows, type Row } from './Verdicts.js';

const pct = (x: number | null) => (x === null ? '-' : `${Math.round(x * 100)}%`);

function cell(text: string, width: number, right = false): string {
  const t = truncateToWidth(text, width);
  return right ? ' '.repeat(Math.max(0, width - displayWidth(t))) + t : padToWidth(t, width);
}

/** The headline and per-task rows of a finished (or stopped) human run. */
export function summaryRows(run: RunRecord, scenario: Scenario, width: number): Row[] {
  const reveal = run.reveal ?? 'task';
  const weights = scenario.tasks.map((t) => t.rubric.map((r) => r.weight));
  const score = scenarioScore(run.tasks.map((t) => t.verdicts), weights);
  const base = baselineRows(run);
  const active = base.reduce((n, r) => n + r.activeMs, 0);
  const wall = base.reduce((n, r) => n + r.wallMs, 0);
  const rows: Row[] = [];
  if (reveal === 'never') {
    rows.push({ text: 'Verdicts are hidden for this run (--reveal never).', bold: true });
  } else {
    const pend = score.pending ? ` (${score.pending} pending a judge)` : '';
    rows.push({ text: `Solved ${score.solved} of ${score.tasks} tasks${pend}`, bold: true, colour: score.solved === score.tasks ? theme.status.pass : undefined });
    const r = score.rubric;
    const items = r.counts.pass + r.counts.fail + r.counts.pending + r.counts.unscored;
    rows.push({ text: `Rubric: ${r.counts.pass} of ${items} items passed (${pct(r.rate)}${r.counts.pending + r.counts.unscored ? ' of decided' : ''})` });
  }
  rows.push({ text: `Time: ${formatClock(active)} active, ${formatClock(wall)} wall`, colour: theme.text.muted });
  rows.push({ text: '' });
  const idW = Math.max(6, Math.min(22, width - 47));
  rows.push({ text: `${cell('#', 3)}${cell('Task', idW)} ${cell(reveal === 'never' ? '' : 'Status', 10)} ${cell('Active', 8, true)} ${cell('Wall', 8, true)} ${cell('Pasted', 7, true)} ${cell('Seen', 5, true)}`, bold: true });
  run.tasks.forEach((t, i) => {
    const b = base[i]!;
    const st = taskStatus(t.verdicts);
    const status = reveal === 'never' ? '' : !b.submitted ? 'open' : st === 'solved' ? `${STATUS_SYMBOL.pass} solved` : st === 'failed' ? `${STATUS_SYMBOL.fail} failed` : `${STATUS_SYMBOL.pending} pending`;
    const colour = reveal === 'never' || !b.submitted ? undefined : theme.status[st === 'solved' ? 'pass' : st === 'failed' ? 'fail' : 'pending'];
    rows.push({
      text: `${cell(String(i + 1), 3)}${cell(sanitizeInline(t.taskId), idW)} ${cell(status, 10)} ${cell(formatClock(b.activeMs), 8, true)} ${cell(formatClock(b.wallMs), 8, true)} ${cell(b.pastedChars ? String(b.pastedChars) : '-', 7, true)} ${cell(pct(b.linesSeenFraction), 5, true)}`,
      colour,
    });
  });
  if (reveal === 'end') {
    scenario.tasks.forEach((task, i) => {
      const t = run.tasks[i];
      if (!t) return;
      rows.push({ text: '' });
      rows.push({ text: `${i + 1}. ${task.id}`, bold: true });
      rows.push(...verdictRows(task.rubric, t.verdicts, width));
    });
  }
  return rows;
}

/** The comparison table as rows. */
export function compareTableRows(list: readonly CompareRow[], width: number, showScores: boolean): Row[] {
  const rows: Row[] = [{ text: 'On this scenario', bold: true }];
  if (!showScores) {
    rows.push({ text: '(hidden with --reveal never)', colour: theme.text.muted });
    return rows;
  }
  const whoW = Math.max(6, Math.min(20, width - 27));
  rows.push({ text: `${cell('Player', whoW)} ${cell('Runs', 4, true)} ${cell('Solved', 6, true)} ${cell('Rubric', 6, true)} ${cell('T/task', 7, true)}`, colour: theme.text.muted });
  for (const r of list) {
    const who = `${r.self ? '▸ ' : ''}${sanitizeInline(r.who)}${r.kind === 'model' ? ' (model)' : ''}`;
    rows.push({
      text: `${cell(who, whoW)} ${cell(String(r.runs), 4, true)} ${cell(pct(r.solveRate), 6, true)} ${cell(pct(r.rubricRate), 6, true)} ${cell(r.msPerTask === null ? '-' : formatClock(r.msPerTask), 7, true)}`,
      bold: r.self,
      colour: r.self ? theme.accent : undefined,
    });
  }
  if (list.length <= 1) rows.push({ text: 'No other saved runs yet.', colour: theme.text.muted });
  return rows;
}

export function SummaryScreen({ ctl }: { ctl: PlayController }): React.JSX.Element {
  const app = useAppValue();
  const state = usePlayState(ctl);
  const { columns } = app.size;
  const height = app.bodyRows;
  const run = state.run;
  const wide = columns >= 100;
  const rightW = wide ? Math.min(52, Math.floor(columns * 0.45)) : columns;
  const leftW = wide ? columns - rightW - 2 : columns;
  const showScores = (run.reveal ?? 'task') !== 'never';
  const comparison = useMemo(
    () => compareTableRows(compareRows(app.runs ?? [], ctl.scenario, run, 10), rightW, showScores),
    [app.runs, ctl.scenario, run, rightW, showScores],
  );
  const left = useMemo(() => summaryRows(run, ctl.scenario, leftW), [run, ctl.scenario, leftW]);
  const rows = wide ? left : [...left, { text: '' }, ...comparison];
  const bodyRows = Math.max(1, height - 2);
  const [top, setTop] = useState(0);
  const maxTop = Math.max(0, rows.length - bodyRows);
  const { setHints, showHelp, goHome, quit } = app.actions;
  useEffect(() => {
    if (!app.modal) setHints(['summary']);
  }, [app.modal, setHints]);
  useInput(
    (input, key) => {
      const cmd = commandFor(['summary', 'global'], input, key);
      if (cmd === 'summary.down') setTop((t) => Math.min(maxTop, t + 1));
      else if (cmd === 'summary.up') setTop((t) => Math.max(0, t - 1));
      else if (cmd === 'summary.pageDown') setTop((t) => Math.min(maxTop, t + bodyRows));
      else if (cmd === 'summary.pageUp') setTop((t) => Math.max(0, t - bodyRows));
      else if (cmd === 'summary.home') goHome();
      else if (cmd === 'summary.quit') quit();
      else if (cmd === 'app.help') showHelp(['summary']);
    },
    { isActive: !app.modal },
  );
  const draw = (list: Row[], w: number) =>
    list.map((r, i) => (
      <Text key={i} color={r.colour} bold={r.bold} wrap="truncate-end">
        {r.text === '' ? ' ' : truncateToWidth(r.text, w)}
      </Text>
    ));
  return (
    <Box flexDirection="column" width={columns} height={height}>
      <Text bold color={theme.accent} wrap="truncate-end">
        {truncateToWidth(`Summary · ${sanitizeInline(ctl.scenario.title)}${run.status === 'finished' ? '' : ' (unfinished)'}`, columns)}
      </Text>
      <Box flexDirection="row" height={bodyRows}>
        <Box flexDirection="column" width={leftW}>
          {draw(rows.slice(top, top + bodyRows), leftW)}
        </Box>
        {wide ? (
          <>
            <Box width={2} />
            <Box flexDirection="column" width={rightW}>
              {draw(comparison.slice(0, bodyRows), rightW)}
            </Box>
          </>
        ) : null}
      </Box>
      <Text color={theme.text.muted} wrap="truncate-end">
        {truncateToWidth(`Saved as run ${run.id}${rows.length > bodyRows ? ` · ↑↓ more (${top + 1}-${Math.min(rows.length, top + bodyRows)} of ${rows.length})` : ''}`, columns)}
      </Text>
    </Box>
  );
}
