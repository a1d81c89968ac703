// A person sees what the model sees: the scenario's system message (the model's instructions,
// which rubric items often grade against), the given turns of an imported row whose earlier rows
// were absent, and - for a first task whose question is inside the context - the context's opening
// and closing paragraphs, where CL-bench puts the question. The play screen shows them; a human
// run records which it showed (RunRecord.shown), so a baseline says what its players had.
import { questionInContext } from '../clbench/messages.js';
import type { HistoryMode, ShownRecord } from '../runs/types.js';
import type { Scenario } from '../scenario/schema.js';

export const INSTRUCTIONS_TITLE = 'Instructions the model is given';
export const CONTEXT_TITLE = 'The context';

/**
 * The reader's first section for a scenario with a system message, else ''. The reader shows it
 * before the context; offsets into the context (seen, readerAt) are kept without it.
 */
export function readerPreamble(scenario: Pick<Scenario, 'system'>): string {
  if (scenario.system === undefined || scenario.system.trim() === '') return '';
  const bar = '━━━━━━━━';
  return `${bar} ${INSTRUCTIONS_TITLE} (its system message) ${bar}\n\n${scenario.system.trimEnd()}\n\n${bar} ${CONTEXT_TITLE} ${bar}\n\n`;
}

/** What a human run of this scenario is shown besides the context; undefined when nothing. */
export function shownFor(scenario: Pick<Scenario, 'system' | 'givenTurns' | 'tasks'>, history: HistoryMode = 'own'): ShownRecord | undefined {
  const shown: ShownRecord = {};
  if (readerPreamble(scenario) !== '') shown.instructions = true;
  if (scenario.givenTurns?.length || (history === 'given' && scenario.tasks.length > 1)) shown.givenTurns = true;
  if (questionInContext(scenario)) shown.questionEnds = true;
  return Object.keys(shown).length ? shown : undefined;
}

/** A view span of the reader's text (preamble + context) as offsets into the context alone. */
export function contextSpan(span: { from: number; to: number; total: number }, preamble: number): { from: number; to: number; total: number } {
  return { from: Math.max(0, span.from - preamble), to: Math.max(0, span.to - preamble), total: Math.max(0, span.total - preamble) };
}
