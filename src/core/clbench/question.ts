// Where CL-bench puts a first task's question: inside the first user message, with no delimiter,
// before or after the context. A person is shown the context's opening and closing paragraphs (the
// task panel), and so is a judge asked to see the task (--judge-with-task): never an empty task.
import type { Scenario, Task } from '../scenario/schema.js';
import { questionInContext } from './messages.js';

/** A stretch of the context as [from, to) character offsets, and its text. */
export interface ContextSpan {
  from: number;
  to: number;
  text: string;
}

export interface QuestionEnds {
  opening: ContextSpan;
  /** Absent when the opening already reaches the end (a short context). */
  closing?: ContextSpan;
}

/** An end shorter than this takes the next paragraph along (a heading with its text). */
const SHORT = 80;
/** At most this many characters of each end. */
const MAX = 1_200;

function paragraphs(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /\n[ \t]*\n/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (text.slice(start, m.index).trim() !== '') out.push([start, m.index]);
    start = m.index + m[0].length;
  }
  if (text.slice(start).trim() !== '') out.push([start, text.length]);
  return out;
}

/** The opening and closing paragraphs of a context (each at most ~1,200 characters). */
export function questionEnds(context: string): QuestionEnds {
  const paras = paragraphs(context);
  if (paras.length === 0) return { opening: { from: 0, to: context.length, text: context } };
  let a = 0;
  let openTo = paras[0]![1];
  while (openTo - paras[0]![0] < SHORT && a + 1 < paras.length) openTo = paras[++a]![1];
  const openFrom = paras[0]![0];
  const opening: ContextSpan = { from: openFrom, to: Math.min(openTo, openFrom + MAX), text: '' };
  opening.text = context.slice(opening.from, opening.to);
  let b = paras.length - 1;
  if (b <= a) return { opening };
  const closeTo = paras[b]![1];
  let closeFrom = paras[b]![0];
  // A short last paragraph takes the one before; a short one before it (a "Question:" label) comes along.
  while (b - 1 > a && (closeTo - closeFrom < SHORT || paras[b - 1]![1] - paras[b - 1]![0] < SHORT / 4)) closeFrom = paras[--b]![0];
  const closing: ContextSpan = { from: Math.max(closeFrom, closeTo - MAX), to: closeTo, text: '' };
  closing.text = context.slice(closing.from, closing.to);
  return { opening, closing };
}

/** What a judge shown the task reads for a first task whose question is inside the context. */
export function questionForJudge(context: string): string {
  const { opening, closing } = questionEnds(context);
  const head =
    "(This task's question is inside the context it came with, which the judge does not see; CL-bench puts it at the start or the end. The context's opening and closing paragraphs:)";
  const parts = [head, opening.text + (opening.to < (closing?.from ?? context.length) ? '\n[...]' : '')];
  if (closing) parts.push(closing.text);
  return parts.join('\n\n');
}

/**
 * Task `i` as the judge should see it: an imported first task's empty prompt replaced by the
 * context's ends, so `--judge-with-task` never shows the judge an empty task.
 */
export function taskForJudge(scenario: Pick<Scenario, 'tasks' | 'givenTurns' | 'context'>, i: number): Task {
  const task = scenario.tasks[i]!;
  if (i !== 0 || task.prompt !== '' || !questionInContext(scenario)) return task;
  return { ...task, prompt: questionForJudge(scenario.context) };
}
