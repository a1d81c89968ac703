// After a submission (with --reveal task): the task's rubric items with pass / fail / pending and
// the reason, the answer as submitted, and the task's status. Enter goes on.
import React, { useEffect, useMemo, useState } from 'react';
import { Box, Text, useInput } from 'ink';
import type { PlayController } from '../../core/play/controller.js';
import { rubricRate, taskStatus, type Verdict } from '../../core/grading/verdict.js';
import type { RubricItem } from '../../core/scenario/schema.js';
import { formatClock } from '../../core/play/baseline.js';
import { truncateToWidth } from '../../core/text/width.js';
import { useAppValue } from '../app-context.js';
import { usePlayState } from '../hooks/use-play-state.js';
import { commandFor } from '../keys/bindings.js';
import { STATUS_SYMBOL, theme, type Colour } from '../theme.js';
import { oneRow, trimEnd, wrapPlain } from './parts/text-lines.js';

export interface Row {
  text: string;
  colour?: Colour;
  bold?: boolean;
}

const STATUS_LABEL: Record<Verdict['status'], string> = { pass: 'pass', fail: 'fail', pending: 'pending', unscored: 'unscored' };

/** Rows for a task's rubric items and verdicts, wrapped to `width`. */
export function verdictRows(rubric: readonly RubricItem[], verdicts: readonly Verdict[], width: number): Row[] {
  const rows: Row[] = [];
  rubric.forEach((item, i) => {
    const v = verdicts[i] ?? { status: 'pending' as const, reason: 'not graded' };
    const head = `${STATUS_SYMBOL[v.status]} ${STATUS_LABEL[v.status].padEnd(7)} `;
    const body = wrapPlain(item.text, Math.max(10, width - head.length));
    body.forEach((r, j) => rows.push({ text: (j === 0 ? head : ' '.repeat(head.length)) + r, colour: j === 0 ? theme.status[v.status] : undefined, bold: j === 0 }));
    const by = v.by ? `${v.by}: ` : '';
    for (const r of trimEnd(wrapPlain(`${by}${v.reason ?? ''}`, Math.max(10, width - head.length)))) {
      rows.push({ text: ' '.repeat(head.length) + r, colour: theme.text.muted });
    }
  });
  return rows;
}

export function statusLine(verdicts: readonly Verdict[], weights?: readonly (number | undefined)[]): string {
  const status = taskStatus(verdicts);
  const r = rubricRate(verdicts, weights);
  const parts = [
    status === 'solved' ? 'Solved' : status === 'failed' ? 'Not solved' : 'Pending (some items need a judge)',
    `${r.counts.pass} of ${verdicts.length} items passed`,
  ];
  if (r.counts.pending) parts.push(`${r.counts.pending} pending`);
  return parts.join(' · ');
}

export function VerdictsScreen({ ctl, index }: { ctl: PlayController; index: number }): React.JSX.Element {
  const app = useAppValue();
  const state = usePlayState(ctl);
  const { columns } = app.size;
  const height = app.bodyRows;
  const task = ctl.scenario.tasks[index];
  const result = state.run.tasks[index];
  const [top, setTop] = useState(0);
  const rows = useMemo<Row[]>(() => {
    if (!task || !result) return [];
    const out: Row[] = [];
    out.push({ text: 'Your answer:', bold: true });
    for (const r of trimEnd(wrapPlain(result.answer ?? '', columns - 2)).slice(0, 8)) out.push({ text: `  ${r}`, colour: theme.text.muted });
    out.push({ text: '' });
    out.push({ text: 'Rubric:', bold: true });
    out.push(...verdictRows(task.rubric, result.verdicts, columns));
    return out;
  }, [task, result, columns]);
  const bodyRows = Math.max(1, height - 3);
  const maxTop = Math.max(0, rows.length - bodyRows);
  const { setHints, showHelp, next } = app.actions;
  useEffect(() => {
    if (!app.modal) setHints(['reveal']);
  }, [app.modal, setHints]);
  useInput(
    (input, key) => {
      const cmd = commandFor(['reveal', 'global'], input, key);
      if (cmd === 'reveal.down') setTop((t) => Math.min(maxTop, t + 1));
      else if (cmd === 'reveal.up') setTop((t) => Math.max(0, t - 1));
      else if (key.pageDown) setTop((t) => Math.min(maxTop, t + bodyRows));
      else if (key.pageUp) setTop((t) => Math.max(0, t - bodyRows));
      else if (cmd === 'reveal.next') next();
      else if (cmd === 'app.help') showHelp(['reveal']);
    },
    { isActive: !app.modal },
  );
  if (!task || !result) return <Text>No such task.</Text>;
  const status = taskStatus(result.verdicts);
  const statusColour = status === 'solved' ? theme.status.pass : status === 'failed' ? theme.status.fail : theme.status.pending;
  const last = index + 1 >= ctl.scenario.tasks.length;
  const time = result.activeMs !== undefined ? ` · ${formatClock(result.activeMs)}` : '';
  return (
    <Box flexDirection="column" width={columns} height={height}>
      <Text bold wrap="truncate-end">
        {oneRow(`Task ${index + 1} of ${ctl.scenario.tasks.length} · ${task.id}${time}`, columns)}
      </Text>
      <Text bold color={statusColour} wrap="truncate-end">
        {truncateToWidth(statusLine(result.verdicts, task.rubric.map((r) => r.weight)), columns)}
      </Text>
      <Box flexDirection="column" height={bodyRows}>
        {rows.slice(top, top + bodyRows).map((r, i) => (
          <Text key={top + i} color={r.colour} bold={r.bold} wrap="truncate-end">
            {r.text === '' ? ' ' : truncateToWidth(r.text, columns)}
          </Text>
        ))}
      </Box>
      <Text color={theme.text.muted} wrap="truncate-end">
        {truncateToWidth(`${rows.length > bodyRows ? `↑↓ more (${top + 1}-${Math.min(rows.length, top + bodyRows)} of ${rows.length}) · ` : ''}Enter: ${last ? 'the summary' : 'next task'}`, columns)}
      </Text>
    </Box>
  );
}
