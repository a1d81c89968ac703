// Answers found while reviewing tidewater-rulebook, beyond the task's own accept/wrong lists
// (which validate and library.test.ts run): issue 9's quoted forms in this scenario's terms -
// bold labels, the Kalah result named only to reject it, hedges on the labelled lines.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/core/scenario/load.js';
import { answerKeySuite, scenarioPath } from './answer-key.js';

const OPENING = 'S:0-0-1-6-6-6/1 N:0-5-5-5-1-5/7';
const END = 'S:0-0-0-0-0-0/36 N:0-0-0-0-0-0/12 over';

describe('scenario tidewater-rulebook', () => {
  it('meets the library\'s strict rules: >= 3 accept and >= 3 wrong answers per task, evidence quotes found once', async () => {
    const { problems } = await loadScenarioFile(scenarioPath('tidewater-rulebook'), { strict: true });
    expect(problems.map((p) => `${p.line}:${p.col} ${p.field}: ${p.message}`)).toEqual([]);
  });

  answerKeySuite('tidewater-rulebook', [
    { task: 'opening', answer: `**POSITION:** ${OPENING} S`, pass: true, why: 'a bold label' },
    { task: 'opening', answer: 'POSITION: `S: 0-0-1-6-6-6 / 1  N: 0-5-5-5-1-5 / 7  S`', pass: true, why: 'spaced notation in a code span' },
    { task: 'opening', answer: 'POSITION: S:0–0–1–6–6–6/1 N:0–5–5–5–1–5/7 S', pass: true, why: 'typographic en dashes' },
    { task: 'opening', answer: `POSITION: ${OPENING}, South to move.`, pass: true, why: 'the mover written out' },
    { task: 'opening', answer: `The Kalah capture would give S:0-0-1-6-6-6/1 N:0-5-5-5-0-5/8 S, but the shell stays.\nPOSITION: ${OPENING} S`, pass: true, why: 'the Kalah position named in the reasoning' },
    { task: 'opening', answer: `POSITION: ${OPENING} S (South to move)`, pass: true, why: 'the mover as a letter and in words' },
    { task: 'opening', answer: 'POSITION: S: 0 - 0 - 1 - 6 - 6 - 6 / 1   N: 0 - 5 - 5 - 5 - 1 - 5 / 7   S', pass: true, why: 'spaces around every dash' },
    { task: 'opening', answer: `POSITION: ${OPENING} N`, pass: false, why: 'the right pits with the wrong player to move' },
    { task: 'opening', answer: `${OPENING} S`, pass: false, why: 'no POSITION line, as the prompt asks' },
    { task: 'lighthouse', answer: 'CAPTURED: nothing - S6 is her lighthouse pit\nPOSITION: S:0-0-0-0-0-1/12 N:5-0-0-6-5-7/12 N', pass: true, why: 'a pit name (S6) on the CAPTURED line is not a count' },
    { task: 'lighthouse', answer: 'CAPTURED: 0 shells\nPOSITION: S:0-0-0-0-0-1/12 N:5-0-0-6-5-7/12 N', pass: true, why: 'the count with its unit' },
    { task: 'long-turn', answer: 'MOVES MADE: S6, S5, S4\nPOSITION: S:0-0-0-0-1-2/11 N:4-5-3-4-3-5/10 S (or N)', pass: false, why: 'hedges on the player to move' },
    {
      task: 'stranded',
      answer: `Kalah scoring would give North 35, but here the stranded player takes the pits.\nPOSITION: ${END}\nSOUTH: 36\nNORTH: 12\nWINNER: South`,
      pass: true,
      why: 'issue 9: the Kalah result explained',
    },
    { task: 'stranded', answer: `POSITION: ${END}\nSOUTH: 36\nNORTH: 12\nWINNER: The winner is South, 36 to 12.`, pass: true, why: '"The winner is South"' },
    { task: 'stranded', answer: `POSITION: ${END}\nSOUTH: thirty-six\nNORTH: twelve\nWINNER: South`, pass: true, why: 'number words' },
    { task: 'stranded', answer: `POSITION: ${END}\nSOUTH: 36\nNORTH: 12\nWINNER: South has 36? No, North wins.`, pass: false, why: 'names the wrong winner after mentioning South' },
    { task: 'stranded', answer: `POSITION: ${END}\nSOUTH: 36\nNORTH: 12 (or 35)\nWINNER: South`, pass: false, why: 'hedges on North\'s harbour' },
  ]);
});
