// What a model is sent for one task of a scenario: the chat messages, built the way CL-bench
// builds its rows. Used by the model player, the clbench export and the import round-trip test.
//
//   [system]                                  if the scenario has a system message
//   user: context + DELIMITER + task 1 prompt (imported CL-bench chain: the context verbatim -
//                                             task 1's question is inside it, prompt is '')
//   assistant: answer to task 1               own answer (--history own) or task 1's `given`
//   user: task 2 prompt
//   ...
//   user: prompt of the current task          always the last message
//
// Given turns of an imported row whose earlier rows were absent stand between the first user
// message and task 1 (assistant: given answer, user: next prompt), for every history.
//
// THE PROMISE: for an imported CL-bench task, history 'given' reproduces the source row's
// messages byte for byte (tests/core/clbench/import.test.ts checks it); requestMessages adds the
// shapes upstream wrote (extra keys, content parts), so the request equals the row.
import { UserError } from '../errors.js';
import type { Scenario } from '../scenario/schema.js';
import { shapedMessage } from './shapes.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Between the context and task 1's prompt in the first user message of a clplay scenario. */
export const CONTEXT_DELIMITER = '\n\n---\n\n';

export interface BuildOptions {
  /** 'own': the player's earlier answers (`answers`); 'given': each earlier task's `given`. */
  history: 'own' | 'given';
  /** The player's answers by task index (only earlier tasks are read). */
  answers: readonly (string | undefined)[];
  /**
   * Control run: leave the context out (task 1's prompt alone). Not possible for a scenario whose
   * first prompt is empty (an imported CL-bench chain: its question is inside the context) - that
   * throws a UserError rather than sending a model a task without its question.
   */
  noContext?: boolean;
}

type MessageScenario = Pick<Scenario, 'id' | 'system' | 'context' | 'tasks' | 'givenTurns' | 'source'>;

/**
 * True for a scenario whose first question is inside the context (imported CL-bench): task 1's
 * prompt is empty, or the scenario starts with given turns (the first of them is asked there).
 */
export function questionInContext(scenario: Pick<Scenario, 'tasks' | 'givenTurns'>): boolean {
  const first = scenario.givenTurns?.[0]?.prompt ?? scenario.tasks[0]?.prompt;
  return first === '';
}

/** The messages for task `taskIndex` (0-based). Throws a UserError when they cannot be built. */
export function buildMessages(scenario: MessageScenario, taskIndex: number, opts: BuildOptions): ChatMessage[] {
  const { tasks } = scenario;
  if (!Number.isInteger(taskIndex) || taskIndex < 0 || taskIndex >= tasks.length) {
    throw new UserError(`scenario ${scenario.id} has no task number ${taskIndex + 1} (it has ${tasks.length})`);
  }
  if (opts.noContext && questionInContext(scenario)) {
    throw new UserError(
      `--no-context cannot apply to scenario ${scenario.id}: its first task's question is inside the context (an imported CL-bench chain); run it with the context`,
    );
  }
  const messages: ChatMessage[] = [];
  if (scenario.system !== undefined) messages.push({ role: 'system', content: scenario.system });

  // Given turns (an imported row whose earlier rows were absent) come first, whatever the history:
  // no player ever answered them, so their fixed answers are all there is.
  const given = scenario.givenTurns ?? [];
  const firstPrompt = given[0]?.prompt ?? tasks[0]!.prompt;
  let firstUser: string;
  if (opts.noContext) firstUser = firstPrompt;
  else if (firstPrompt === '') firstUser = scenario.context;
  else if (scenario.context === '') firstUser = firstPrompt;
  else firstUser = scenario.context + CONTEXT_DELIMITER + firstPrompt;
  messages.push({ role: 'user', content: firstUser });
  for (let g = 0; g < given.length; g++) {
    messages.push({ role: 'assistant', content: given[g]!.answer });
    messages.push({ role: 'user', content: given[g + 1]?.prompt ?? tasks[0]!.prompt });
  }

  for (let k = 1; k <= taskIndex; k++) {
    const earlier = tasks[k - 1]!;
    let answer: string | undefined;
    if (opts.history === 'given') {
      answer = earlier.given;
      if (answer === undefined) {
        throw new UserError(
          `scenario ${scenario.id}: task ${earlier.id} has no given answer, so --history given cannot build task ${tasks[k]!.id}; use --history own`,
        );
      }
    } else {
      answer = opts.answers[k - 1];
      if (answer === undefined) {
        throw new UserError(
          `scenario ${scenario.id}: task ${earlier.id} has no answer yet, so its own history for task ${tasks[k]!.id} cannot be built; answer it first or use --history given`,
        );
      }
    }
    messages.push({ role: 'assistant', content: answer });
    messages.push({ role: 'user', content: tasks[k]!.prompt });
  }
  return messages;
}

/** A message as it goes on the wire: role and content, and whatever other keys upstream wrote. */
export type RequestMessage = { role: string; content: unknown; [key: string]: unknown };

/**
 * The messages to send for task `taskIndex`: buildMessages, with each message that upstream wrote
 * in another shape (extra keys such as `name`, content as a list of parts) rebuilt as written.
 * THE PROMISE: for an imported CL-bench task under history 'given', this is the source row's
 * `messages`, key for key and byte for byte (tests/core/clbench/fixture-rows.test.ts).
 */
export function requestMessages(scenario: MessageScenario, taskIndex: number, opts: BuildOptions): RequestMessage[] {
  const messages = buildMessages(scenario, taskIndex, opts);
  const shapes = opts.noContext ? undefined : scenario.source?.messageShapes;
  return messages.map((m, i) => shapedMessage(shapes?.[String(i)], m.role, m.content) as RequestMessage);
}

/** Turns before task 1 that the scenario gives (an imported row whose earlier rows were absent). */
export function givenTurnCount(scenario: Pick<Scenario, 'givenTurns'>): number {
  return scenario.givenTurns?.length ?? 0;
}
