// The task side of the play screen: "Task k of n", the prompt, earlier tasks with the player's
// answers (and verdicts when revealed per task), and the answer area (editor, or a question).
// Composable: `beside` draws a second column next to the editor (versus mode adds a model's
// answer there).
import { reflowPrompt } from '../../../core/text/reflow.js';
import React from 'react';
import { Box, Text } from 'ink';
import { resultStatus } from '../../../core/grading/verdict.js';
import type { RevealMode, TaskResult } from '../../../core/runs/types.js';
import type { Task } from '../../../core/scenario/schema.js';
import { STATUS_SYMBOL, theme } from '../../theme.js';
import { oneRow, scrollRows, trimEnd, wrapPlain } from './text-lines.js';

export interface TaskPanelProps {
  tasks: readonly Task[];
  results: readonly TaskResult[];
  index: number;
  reveal: RevealMode;
  width: number;
  height: number;
  focused: boolean;
  /** The answer area: the editor (given its width and height) or a question. */
  renderAnswer: (width: number, height: number) => React.ReactNode;
  /** A label over the answer area (replaced by a question when one is open). */
  answerLabel: React.ReactNode;
  /** Optional second column beside the answer area. */
  beside?: (width: number, height: number) => React.ReactNode;
  /** First prompt row shown (the prompt scrolls when it is longer than its share). */
  promptTop?: number;
}

/** Keys that scroll the task, as the panel tells them. */
export const TASK_SCROLL_KEYS = 'Alt+↑↓ scroll';

const MIN_EDITOR_ROWS = 3;
const MAX_EARLIER_ROWS = 3;

export function promptRows(task: Task | undefined, width: number): string[] {
  if (!task) return [];
  const text = reflowPrompt(task.prompt);
  if (!text) return ['(The question for this task is inside the context.)'];
  return trimEnd(wrapPlain(text, width));
}

/** How the panel splits its rows, and the prompt rows it shows from `promptTop` (clamped). */
export function taskPanelRows(p: Pick<TaskPanelProps, 'tasks' | 'results' | 'index' | 'width' | 'height' | 'promptTop'>) {
  const { tasks, results, index, width, height } = p;
  const earlierCount = Math.min(results.length, index);
  // Earlier answers give way to the prompt on short panels (Ctrl+T shows them all).
  const earlierRows = Math.min(earlierCount, height >= 14 ? MAX_EARLIER_ROWS : height >= 10 ? 1 : 0);
  const titleRows = 1;
  const labelRows = 1;
  const promptBudget = Math.max(1, height - titleRows - earlierRows - labelRows - MIN_EDITOR_ROWS);
  const all = promptRows(tasks[index], width);
  const prompt = scrollRows(all, p.promptTop ?? 0, promptBudget, width, TASK_SCROLL_KEYS);
  return { earlierRows, titleRows, labelRows, prompt };
}

export function TaskPanel(p: TaskPanelProps): React.JSX.Element {
  const { tasks, results, index, width, height } = p;
  const task = tasks[index];
  const n = tasks.length;
  const earlier = results.slice(0, index);
  const { earlierRows, titleRows, labelRows, prompt: scrolled } = taskPanelRows(p);
  const shownEarlier = earlier.slice(earlier.length - earlierRows);
  const hiddenEarlier = earlier.length - earlierRows;
  const prompt = scrolled.rows;
  const more = scrolled.maxTop > 0 ? prompt.length - 1 : -1;
  const editorRows = Math.max(1, height - titleRows - earlierRows - prompt.length - labelRows);
  const besideWidth = p.beside ? Math.floor(width / 2) : 0;
  const answerWidth = width - besideWidth - (p.beside ? 1 : 0);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text bold color={p.focused ? theme.accent : undefined} wrap="truncate-end">
        {oneRow(`Task ${Math.min(index + 1, n)} of ${n}${task ? ` · ${task.id}` : ''}`, width)}
      </Text>
      {shownEarlier.map((r, i) => {
        const k = index - shownEarlier.length + i;
        const status = resultStatus(r.verdicts, r.judgement);
        const sym = p.reveal === 'task' ? `${STATUS_SYMBOL[status === 'solved' ? 'pass' : status === 'failed' ? 'fail' : 'pending']} ` : '';
        const label = `${hiddenEarlier > 0 && i === 0 ? `(+${hiddenEarlier}) ` : ''}${k + 1}. `;
        return (
          <Text key={r.taskId} color={theme.text.muted} wrap="truncate-end">
            {p.reveal === 'task' ? (
              <Text color={theme.status[status === 'solved' ? 'pass' : status === 'failed' ? 'fail' : 'pending']}>{sym}</Text>
            ) : null}
            {oneRow(`${label}${r.answer ?? ''}`, width - sym.length)}
          </Text>
        );
      })}
      {prompt.map((row, i) => (
        <Text key={`p${i}`} wrap="truncate-end" color={i === more ? theme.text.accent : undefined} dimColor={i === more && theme.noColor}>
          {row === '' ? ' ' : row}
        </Text>
      ))}
      <Box height={labelRows}>{p.answerLabel}</Box>
      <Box flexDirection="row" height={editorRows}>
        <Box width={answerWidth} height={editorRows} flexDirection="column">
          {p.renderAnswer(answerWidth, editorRows)}
        </Box>
        {p.beside ? (
          <>
            <Box width={1} height={editorRows}>
              <Text color={theme.border.unfocused}>{'│\n'.repeat(editorRows).trimEnd()}</Text>
            </Box>
            <Box width={besideWidth} height={editorRows} flexDirection="column">
              {p.beside(besideWidth, editorRows)}
            </Box>
          </>
        ) : null}
      </Box>
    </Box>
  );
}

/** The whole task as Markdown for the reader: prompt, then earlier tasks with answers. */
export function taskDocument(tasks: readonly Task[], results: readonly TaskResult[], index: number, reveal: RevealMode): string {
  const task = tasks[index];
  const parts: string[] = [];
  if (task) {
    parts.push(`# Task ${index + 1} of ${tasks.length} (${task.id})`, '', reflowPrompt(task.prompt) || '(The question for this task is inside the context.)', '');
  }
  if (index > 0) parts.push('# Earlier tasks', '');
  for (let i = 0; i < index; i++) {
    const t = tasks[i];
    const r = results[i];
    if (!t || !r) continue;
    const status = resultStatus(r.verdicts, r.judgement);
    parts.push(`## ${i + 1}. ${t.id}${reveal === 'task' ? ` - ${status}` : ''}`, '', reflowPrompt(t.prompt), '', 'Your answer:', '', r.answer ?? '', '');
  }
  parts.push('(Ctrl+T: back to the context)');
  return parts.join('\n');
}
