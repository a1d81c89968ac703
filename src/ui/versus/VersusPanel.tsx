// Versus: the model's side of one task. Before the person submits, only that the model is
// answering (or has answered) - never its text. After, its answer and verdicts; with
// `personResult`, both sets of verdicts side by side, item by item.
import React from 'react';
import { Box, Text } from 'ink';
import type { VersusMatch } from '../../core/model/versus.js';
import type { TaskResult } from '../../core/runs/types.js';
import type { Task } from '../../core/scenario/schema.js';
import { sanitizeInline } from '../../core/text/sanitize.js';
import { truncateToWidth } from '../../core/text/width.js';
import { resultStatus } from '../../core/grading/verdict.js';
import { STATUS_SYMBOL, theme } from '../theme.js';
import { wrapRows } from '../watch/answer-rows.js';
import { useVersus } from './use-versus.js';

export interface VersusPanelProps {
  match: VersusMatch;
  index: number;
  task: Task;
  /** The person's result for this task (submitted = has an answer). */
  personResult?: TaskResult;
  width: number;
  height: number;
  /** Label for the model (its name). */
  label: string;
}

export function VersusPanel({ match, index, task, personResult, width, height, label }: VersusPanelProps): React.JSX.Element {
  const submitted = personResult?.answer !== undefined;
  const view = useVersus(match, index, submitted);
  const w = Math.max(8, width);
  if (!view.revealed) {
    const line =
      view.phase === 'answering'
        ? `${label} is answering… (${view.chars} chars; hidden until you submit)`
        : view.phase === 'done'
          ? `${label} has answered (hidden until you submit)`
          : view.phase === 'failed'
            ? `${label} could not answer (shown after you submit)`
            : `${label} will answer this task too`;
    return (
      <Box flexDirection="column" width={w} height={height} overflow="hidden">
        <Text color={theme.text.muted} wrap="wrap">
          {line}
        </Text>
      </Box>
    );
  }
  const r = view.result!;
  const status = resultStatus(r.verdicts, r.judgement);
  const head = `${label}: ${status}${r.cutOff ? ' (cut off)' : ''}${r.error ? ` - ${r.error}` : ''}`;
  const pair = personResult && submitted;
  const rows: React.ReactNode[] = [];
  task.rubric.forEach((item, i) => {
    const m = r.verdicts[i];
    const p = personResult?.verdicts[i];
    const marks = pair ? `${p ? STATUS_SYMBOL[p.status] : ' '} ${m ? STATUS_SYMBOL[m.status] : ' '} ` : `${m ? STATUS_SYMBOL[m.status] : ' '} `;
    rows.push(
      <Text key={`v${i}`} wrap="truncate-end">
        <Text color={m ? theme.status[m.status] : undefined} bold>
          {marks}
        </Text>
        {truncateToWidth(sanitizeInline(item.text), Math.max(1, w - marks.length))}
      </Text>,
    );
  });
  const answerRows = wrapRows(r.answer ?? r.draft ?? '', w);
  const room = Math.max(1, height - 2 - rows.length - (pair ? 1 : 0));
  const shown = answerRows.slice(0, room);
  return (
    <Box flexDirection="column" width={w} height={height} overflow="hidden">
      <Text bold color={theme.text.accent} wrap="truncate-end">
        {truncateToWidth(sanitizeInline(head), w)}
      </Text>
      {shown.map((row, i) => (
        <Text key={`a${i}`}>{row || ' '}</Text>
      ))}
      {answerRows.length > shown.length ? <Text color={theme.text.muted}>{`… ${answerRows.length - shown.length} more row(s)`}</Text> : null}
      {pair ? <Text color={theme.text.muted}>{truncateToWidth('you  model', w)}</Text> : null}
      {rows}
    </Box>
  );
}
