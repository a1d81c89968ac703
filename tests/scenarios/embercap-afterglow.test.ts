// Answers beyond the scenario's own accept/wrong lists (which `validate` and library.test.ts run):
// wordings found while probing the checks, kept here because they pin down how the labelled
// answer lines are read.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/core/scenario/load.js';
import { answerKeySuite, scenarioPath } from './answer-key.js';

describe('scenario embercap-afterglow', () => {
  it('meets the library rule: every task has at least 3 accept and 3 wrong answers, and they grade as stated', async () => {
    const { problems } = await loadScenarioFile(scenarioPath('embercap-afterglow'), { strict: true });
    expect(problems.map((p) => `${p.line}:${p.col} ${p.field}: ${p.message}`)).toEqual([]);
  });

  answerKeySuite('embercap-afterglow', [
    {
      task: 'decay-law',
      answer: 'HALF: 2 h\nQUARTER: 6 h\nEIGHTH: 14 h\nLAW: G(t) = 480/(1 + 0.5t)',
      pass: true,
      why: '0.5t in the law',
    },
    {
      task: 'decay-law',
      answer: 'HALF: 2\nQUARTER: 6\nEIGHTH: 14\nLAW: G(t) = 480 x 2^(-t/2)',
      pass: false,
      why: 'the right times beside the exponential law',
    },
    { task: 'long-range', answer: 'GLOW AT 78 H: 8.7e-10 gu', pass: false, why: 'fixed half-life in scientific notation' },
    { task: 'charge-law', answer: 'AT 0 H: 480.0 gu\nAT 9 H: 240 glimmer units', pass: true, why: 'a decimal and the unit spelled out' },
    {
      task: 'marker-charge',
      answer: 'CHARGE: 26 min\nAT END OF SHIFT: 60 gu\nONE MINUTE LESS: 58.5 gu',
      pass: false,
      why: 'the end reading cut to 60 gu (60.58 rounds to 61)',
    },
  ]);
});
