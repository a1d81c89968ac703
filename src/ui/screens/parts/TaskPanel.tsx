// The task side of the play screen: "Task k of n", the prompt, earlier tasks with the player's
// answers (and verdicts when revealed per task), and the answer area (editor, or a question).
// Composable: `beside` draws a second column next to the editor (versus mode adds a model's
// answer there).
import { reflowPrompt } from '../../../core/text/reflow.js';
import React from 'react';
import { Box, Text } from 'ink';
import { resultStatus } from '../../../core/grading/verdict.js';
import type { HistoryMode, RevealMode, TaskResult } from '../../../core/runs/types.js';
import type { GivenTurn, Task } from '../../../core/scenario/schema.js';
import type { QuestionEnds } from '../../../core/clbench/question.js';
import { INSTRUCTIONS_TITLE } from '../../../core/play/shown.js';
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
  /** A first task whose question is inside the context: the context's ends, shown as the prompt. */
  question?: QuestionEnds;
  /** Keys that jump the reader to the opening / closing paragraphs (from bindings.ts). */
  questionKeys?: { start: string; end: string };
  /** Turns before task 1 that the scenario gives (the model gets them too), marked as given. */
  givenTurns?: readonly GivenTurn[];
  /** 'given': earlier tasks show their given answers (what a model gets under --history given), marked given. */
  history?: HistoryMode;
}

/** Keys that scroll the task, as the panel tells them. */
export const TASK_SCROLL_KEYS = 'Alt+↑↓ scroll';

const MIN_EDITOR_ROWS = 3;
const MAX_EARLIER_ROWS = 3;

/** Rows of an excerpt: its first `max` wrapped rows, "…" where it goes on. */
function excerptRows(text: string, width: number, max: number): string[] {
  const rows = trimEnd(wrapPlain(reflowPrompt(text), Math.max(1, width - 2))).filter((r) => r.trim() !== '');
  const out = rows.slice(0, max).map((r) => `  ${r}`);
  if (rows.length > max) out[out.length - 1] = `${out[out.length - 1]} …`;
  return out;
}

export function promptRows(task: Task | undefined, width: number, question?: QuestionEnds, keys?: { start: string; end: string }): string[] {
  if (!task) return [];
  const text = reflowPrompt(task.prompt);
  if (text) return trimEnd(wrapPlain(text, width));
  if (!question) return ['(The question for this task is inside the context.)'];
  // CL-bench puts a first task's question at the start or the end of the context.
  const rows = wrapPlain('The question is inside the context, at its start or its end (as CL-bench puts it):', width);
  rows.push(...wrapPlain(`▸ Start${keys ? ` (${keys.start})` : ''}:`, width), ...excerptRows(question.opening.text, width, 3));
  if (question.closing) rows.push(...wrapPlain(`▸ End${keys ? ` (${keys.end})` : ''}:`, width), ...excerptRows(question.closing.text, width, 4));
  return trimEnd(rows);
}

/** Rows for the given turns before task 1: "given" marks them as the scenario's, not the player's. */
function givenTurnRows(turns: readonly GivenTurn[], width: number, max: number): string[] {
  if (max <= 0 || turns.length === 0) return [];
  const rows = turns.map((t, i) => oneRow(`given ${i + 1}. ${t.prompt ? `${t.prompt.replace(/\s+/g, ' ')} → ` : ''}${t.answer.replace(/\s+/g, ' ')}`, width));
  return rows.length > max ? [oneRow(`(${rows.length} given turns before this task; Ctrl+T shows them)`, width)] : rows;
}

/** How the panel splits its rows, and the prompt rows it shows from `promptTop` (clamped). */
export function taskPanelRows(p: Pick<TaskPanelProps, 'tasks' | 'results' | 'index' | 'width' | 'height' | 'promptTop' | 'question' | 'questionKeys' | 'givenTurns'>) {
  const { tasks, results, index, width, height } = p;
  const earlierCount = Math.min(results.length, index);
  // Earlier answers give way to the prompt on short panels (Ctrl+T shows them all).
  const earlierRows = Math.min(earlierCount, height >= 14 ? MAX_EARLIER_ROWS : height >= 10 ? 1 : 0);
  const titleRows = 1;
  const labelRows = 1;
  const promptBudget = Math.max(1, height - titleRows - earlierRows - labelRows - MIN_EDITOR_ROWS);
  // Given turns before task 1 are marked as the scenario's; they scroll with the prompt.
  const given = index === 0 ? givenTurnRows(p.givenTurns ?? [], width, height >= 14 ? 2 : 0) : [];
  const all = [...given, ...promptRows(tasks[index], width, p.question, p.questionKeys)];
  const prompt = scrollRows(all, p.promptTop ?? 0, promptBudget, width, TASK_SCROLL_KEYS);
  // Rows of the given turns still on screen (muted), after scrolling.
  const givenCount = Math.max(0, given.length - prompt.top);
  return { earlierRows, titleRows, labelRows, prompt, givenCount };
}

export function TaskPanel(p: TaskPanelProps): React.JSX.Element {
  const { tasks, results, index, width, height } = p;
  const task = tasks[index];
  const n = tasks.length;
  const earlier = results.slice(0, index);
  const { earlierRows, titleRows, labelRows, prompt: scrolled, givenCount } = taskPanelRows(p);
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
        const given = p.history === 'given' ? tasks[k]?.given : undefined;
        const label = `${hiddenEarlier > 0 && i === 0 ? `(+${hiddenEarlier}) ` : ''}${k + 1}. ${given !== undefined ? 'given: ' : ''}`;
        return (
          <Text key={r.taskId} color={theme.text.muted} wrap="truncate-end">
            {p.reveal === 'task' ? (
              <Text color={theme.status[status === 'solved' ? 'pass' : status === 'failed' ? 'fail' : 'pending']}>{sym}</Text>
            ) : null}
            {oneRow(`${label}${given ?? r.answer ?? ''}`, width - sym.length)}
          </Text>
        );
      })}
      {prompt.map((row, i) => (
        <Text key={`p${i}`} wrap="truncate-end" color={i === more ? theme.text.accent : i < givenCount ? theme.text.muted : undefined} dimColor={i === more && theme.noColor}>
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

export interface TaskDocumentExtras {
  /** The scenario's system message: the model's instructions. */
  system?: string;
  /** Turns before task 1 that the scenario gives. */
  givenTurns?: readonly GivenTurn[];
  /** A first question inside the context: the context's ends. */
  question?: QuestionEnds;
  /** 'given': earlier tasks show their given answers first, marked given. */
  history?: HistoryMode;
}

/** The whole task as Markdown for the reader: prompt, then earlier tasks with answers. */
export function taskDocument(tasks: readonly Task[], results: readonly TaskResult[], index: number, reveal: RevealMode, extras: TaskDocumentExtras = {}): string {
  const task = tasks[index];
  const parts: string[] = [];
  if (task) {
    let prompt = reflowPrompt(task.prompt);
    if (!prompt && extras.question) {
      const { opening, closing } = extras.question;
      prompt = ['The question is inside the context, at its start or its end (as CL-bench puts it).', '', 'The context starts:', '', opening.text, ...(closing ? ['', 'The context ends:', '', closing.text] : [])].join('\n');
    }
    parts.push(`# Task ${index + 1} of ${tasks.length} (${task.id})`, '', prompt || '(The question for this task is inside the context.)', '');
  }
  if (extras.system !== undefined && extras.system.trim() !== '') parts.push(`# ${INSTRUCTIONS_TITLE} (its system message)`, '', extras.system.trimEnd(), '');
  if (extras.givenTurns?.length) {
    parts.push('# Given turns before this scenario\'s first task', '', '(The model is sent these as earlier turns; the answers are the given ones, not yours.)', '');
    extras.givenTurns.forEach((t, i) => parts.push(`## Given ${i + 1}`, '', t.prompt ? reflowPrompt(t.prompt) : '(Its question is inside the context.)', '', 'Given answer:', '', t.answer, ''));
  }
  if (index > 0) parts.push('# Earlier tasks', '');
  for (let i = 0; i < index; i++) {
    const t = tasks[i];
    const r = results[i];
    if (!t || !r) continue;
    const status = resultStatus(r.verdicts, r.judgement);
    parts.push(`## ${i + 1}. ${t.id}${reveal === 'task' ? ` - ${status}` : ''}`, '', reflowPrompt(t.prompt), '');
    if (extras.history === 'given' && t.given !== undefined) parts.push('Given answer (what the model is sent as this turn under --history given):', '', t.given, '');
    parts.push('Your answer:', '', r.answer ?? '', '');
  }
  parts.push('(Ctrl+T: back to the context)');
  return parts.join('\n');
}
