import type { Scenario } from '../../../src/core/scenario/schema.js';

export function tinyScenario(over: Partial<Scenario> = {}): Scenario {
  return {
    id: 'tiny',
    title: 'Tiny',
    category: 'rule-system-application',
    subcategory: 'Test',
    origin: 'fictional',
    language: 'en',
    estimatedMinutes: 3,
    context: 'Art. 1: the levy is 7 marks per metre.\nArt. 2: glass pays half.\n',
    tasks: [
      { id: 't1', prompt: 'How much for 10 m?', rubric: [{ text: 'States 70.', check: { type: 'number', value: 70 } }] },
      { id: 't2', prompt: 'Glass?', rubric: [{ text: 'States 35.', check: { type: 'number', value: 35 } }, { text: 'Explains.' }] },
    ],
    path: '/tmp/tiny.yaml',
    hash: 'h1',
    ...over,
  };
}
