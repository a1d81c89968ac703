// Answers beyond the scenario's own accept/wrong lists (which `validate` and library.test.ts run):
// wordings found while probing the checks, kept here because they pin down how the answer lines
// are read.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/core/scenario/load.js';
import { answerKeySuite, scenarioPath } from './answer-key.js';

const ticks = (lines: string[]): string => lines.join('\n');

describe('scenario tumbler-bounce-log', () => {
  it('meets the library rule: every task has at least 3 accept and 3 wrong answers, and they grade as stated', async () => {
    const { problems } = await loadScenarioFile(scenarioPath('tumbler-bounce-log'), { strict: true });
    expect(problems.map((p) => `${p.line}:${p.col} ${p.field}: ${p.message}`)).toEqual([]);
  });

  answerKeySuite('tumbler-bounce-log', [
    { task: 'contact-rule', answer: 'CASE 1: vy=24 vx=4\nCASE 2: vy=0 vx=1\nCASE 2 BODY: resting, not asleep', pass: true, why: 'asleep named only to deny it' },
    { task: 'contact-rule', answer: 'CASE 1: vy=24 vx=4\nCASE 2: vy=0 vx=1\nCASE 2 BODY: resting or asleep', pass: false, why: 'a hedge on the state' },
    {
      task: 'next-ticks',
      answer: ticks([
        't: 21, x: 147, y: 42, vx: 7, vy: -18',
        't: 22, x: 154, y: 22, vx: 7, vy: -20',
        't: 23, x: 161, y: 0, vx: 6, vy: 16',
        't: 24, x: 167, y: 14, vx: 6, vy: 14',
        't: 25, x: 173, y: 26, vx: 6, vy: 12',
        't: 26, x: 179, y: 36, vx: 6, vy: 10',
      ]),
      pass: true,
      why: 'fields labelled with colons',
    },
    {
      task: 'next-ticks',
      answer: ticks(['21 147 42 7 -18', '23 161 0 6 16', '24 167 14 6 14', '26 179 36 6 10']),
      pass: false,
      why: 'four of the six ticks (the rubric checks every tick)',
    },
    { task: 'coming-to-rest', answer: 'CONTACTS: three or four\nRESTING FROM: 45\nASLEEP: t=49 x=292', pass: false, why: 'a hedge in words' },
    { task: 'high-throw', answer: 'APEX: 210\nCONTACTS: 4\nASLEEP: tick 73 at x=560', pass: true, why: 'tick wording' },
  ]);
});
