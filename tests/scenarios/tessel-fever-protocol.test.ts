// Answers beyond the scenario's own accept/wrong lists (which `validate` and library.test.ts run):
// wordings found while probing the checks, kept here because they pin down how the labelled
// answer lines are read.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/core/scenario/load.js';
import { answerKeySuite, scenarioPath } from './answer-key.js';

describe('scenario tessel-fever-protocol', () => {
  it('meets the library rule: every task has at least 3 accept and 3 wrong answers, and they grade as stated', async () => {
    const { problems } = await loadScenarioFile(scenarioPath('tessel-fever-protocol'), { strict: true });
    expect(problems.map((p) => `${p.line}:${p.col} ${p.field}: ${p.message}`)).toEqual([]);
  });

  answerKeySuite('tessel-fever-protocol', [
    {
      task: 'staging',
      answer: 'TESS SCORE: 7\nSTAGE: Stage III, i.e. high-dependency care',
      pass: true,
      why: 'the "i" of "i.e." is not a second stage',
    },
    {
      task: 'staging',
      answer: 'Answer: TESS score 7, Stage three.',
      pass: false,
      why: 'without the TESS SCORE and STAGE lines the prompt asks for',
    },
    {
      task: 'first-doses',
      answer: 'DOSING WEIGHT: 90 kg (not 96 kg)\nLOADING DOSE: 1500 mg\nMAINTENANCE DOSE: 600 mg\nINTERVAL: every 8 hours\nFIRST MAINTENANCE DOSE: hour 8',
      pass: true,
      why: 'the actual weight named in the answer line only to deny it',
    },
    {
      task: 'step-down',
      answer: 'STEP DOWN AT HOUR 72: No - Stage III must wait until hour 120\nORAL DOSE: 1600 mg\nFREQUENCY: every 12 hours\nFIRST ORAL DOSE: hour 120',
      pass: true,
      why: 'the reason after the decision on the same line',
    },
    {
      task: 'supplies',
      answer: 'IV doses at hours 8, 16, 24, 32, 40, 48, ... 112.\nVIALS: 59\nTABLETS: 160',
      pass: false,
      why: 'a wrong vial count whose list of dose hours contains 48',
    },
  ]);
});
