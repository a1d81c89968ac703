import { describe, expect, it } from 'vitest';
import { buildMessages, CONTEXT_DELIMITER } from '../../../src/core/clbench/messages.js';
import { UserError } from '../../../src/core/errors.js';
import type { Scenario } from '../../../src/core/scenario/schema.js';

function scenario(over: Partial<Scenario> = {}): Scenario {
  return {
    id: 'lantern-league',
    title: 'Lantern League',
    category: 'rule-system-application',
    subcategory: 'Game Mechanics',
    origin: 'fictional',
    language: 'en',
    estimatedMinutes: 10,
    system: 'Use only the rulebook.',
    context: 'RULEBOOK: lanterns move two squares.',
    tasks: [
      { id: 'one', prompt: 'How far does a lantern move?', rubric: [{ text: 'two' }], given: 'Two squares.' },
      { id: 'two', prompt: 'And twice?', rubric: [{ text: 'four' }], given: 'Four squares.' },
      { id: 'three', prompt: 'And three times?', rubric: [{ text: 'six' }] },
    ],
    path: '/x/lantern-league.yaml',
    hash: 'h',
    ...over,
  };
}

describe('buildMessages', () => {
  it('sends system, context + task 1 with a delimiter for a clplay scenario', () => {
    expect(buildMessages(scenario(), 0, { history: 'own', answers: [] })).toEqual([
      { role: 'system', content: 'Use only the rulebook.' },
      { role: 'user', content: `RULEBOOK: lanterns move two squares.${CONTEXT_DELIMITER}How far does a lantern move?` },
    ]);
  });

  it('uses the player\'s own earlier answers with history own', () => {
    const m = buildMessages(scenario(), 2, { history: 'own', answers: ['2', '4', 'ignored'] });
    expect(m.map((x) => x.role)).toEqual(['system', 'user', 'assistant', 'user', 'assistant', 'user']);
    expect(m.slice(2).map((x) => x.content)).toEqual(['2', 'And twice?', '4', 'And three times?']);
  });

  it('uses the scenario\'s given answers with history given', () => {
    const m = buildMessages(scenario(), 2, { history: 'given', answers: ['2', '4'] });
    expect(m.slice(2).map((x) => x.content)).toEqual(['Two squares.', 'And twice?', 'Four squares.', 'And three times?']);
  });

  it('keeps an empty answer as an empty assistant turn (it was given)', () => {
    const m = buildMessages(scenario(), 1, { history: 'own', answers: [''] });
    expect(m[2]).toEqual({ role: 'assistant', content: '' });
  });

  it('leaves out the system message when the scenario has none', () => {
    const m = buildMessages(scenario({ system: undefined }), 0, { history: 'own', answers: [] });
    expect(m[0]!.role).toBe('user');
    expect(m).toHaveLength(1);
  });

  it('sends the context verbatim as the first user message when task 1 has no prompt (imported chain)', () => {
    const s = scenario({ context: 'CTX and the question?  \n', tasks: [{ ...scenario().tasks[0]!, prompt: '' }, scenario().tasks[1]!] });
    const m = buildMessages(s, 1, { history: 'given', answers: [] });
    expect(m[1]).toEqual({ role: 'user', content: 'CTX and the question?  \n' });
    expect(m).toHaveLength(4);
  });

  it('--no-context sends the prompts alone', () => {
    const m = buildMessages(scenario(), 1, { history: 'own', answers: ['2'], noContext: true });
    expect(m[1]).toEqual({ role: 'user', content: 'How far does a lantern move?' });
    expect(JSON.stringify(m)).not.toContain('RULEBOOK');
  });

  it('refuses --no-context for a scenario whose question is inside the context', () => {
    const s = scenario({ tasks: [{ ...scenario().tasks[0]!, prompt: '' }] });
    expect(() => buildMessages(s, 0, { history: 'given', answers: [], noContext: true })).toThrow(UserError);
    expect(() => buildMessages(s, 0, { history: 'given', answers: [], noContext: true })).toThrow(/--no-context cannot apply/);
  });

  it('says what is missing when history cannot be built', () => {
    expect(() => buildMessages(scenario(), 2, { history: 'own', answers: ['2'] })).toThrow(/task two has no answer yet/);
    const s = scenario({ tasks: scenario().tasks.map((t) => ({ ...t, given: undefined })) });
    expect(() => buildMessages(s, 1, { history: 'given', answers: [] })).toThrow(/task one has no given answer.*--history own/);
    expect(() => buildMessages(scenario(), 3, { history: 'own', answers: [] })).toThrow(/no task number 4/);
  });
});
