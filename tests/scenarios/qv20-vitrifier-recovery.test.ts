// Answers found while reviewing qv20-vitrifier-recovery, beyond the task's own accept/wrong lists:
// issue 9's trap and hedge answers for this scenario, and the power cycle refused in other words.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/core/scenario/load.js';
import { answerKeySuite, scenarioPath } from './answer-key.js';

const RIGHT_BATH = 'POWER CYCLE: NO\nRACK OUT: LIFT into the airlock\nSETTLE: 24 min\nRESUME AT: 09:40';

describe('scenario qv20-vitrifier-recovery', () => {
  it('meets the library\'s strict rules: >= 3 accept and >= 3 wrong answers per task, evidence quotes found once', async () => {
    const { problems } = await loadScenarioFile(scenarioPath('qv20-vitrifier-recovery'), { strict: true });
    expect(problems.map((p) => `${p.line}:${p.col} ${p.field}: ${p.message}`)).toEqual([]);
  });

  answerKeySuite('qv20-vitrifier-recovery', [
    { task: 'bath-overshoot', answer: RIGHT_BATH.replace('NO', 'NO - the main switch stays on'), pass: true, why: 'issue 9: "the main switch stays on"' },
    { task: 'bath-overshoot', answer: 'Settle 22 or 24 min; RESUME at 09:38 or 09:40', pass: false, why: 'issue 9: a hedge' },
    { task: 'bath-overshoot', answer: RIGHT_BATH.replace('SETTLE: 24 min', 'SETTLE: 22 or 24 min'), pass: false, why: 'a hedge on the SETTLE line' },
    { task: 'bath-overshoot', answer: RIGHT_BATH.replace('LIFT into the airlock', 'Do not use LIFT or the airlock - open the lid.'), pass: false, why: 'issue 9: LIFT and the airlock named only to reject them' },
    { task: 'bath-overshoot', answer: RIGHT_BATH.replace('24 min', '24 minutes (6 x 4 min)').replace('RESUME AT: 09:40', 'RESUME AT: 09:40 (09:16 + 24 min)'), pass: true, why: 'the working in parentheses beside the values' },
    { task: 'bath-overshoot', answer: RIGHT_BATH.replace('09:40', '9.40'), pass: true, why: 'a dotted time without the leading zero' },
    { task: 'bath-overshoot', answer: RIGHT_BATH.replace('24 min', '0.4 h'), pass: true, why: 'the settle time in hours' },
    {
      task: 'bubbles',
      answer: '10:50 is the third E104 within 8 h: LOCKOUT ... reservoir 132 mL (it would be 92 mL had the third been purged)',
      pass: false,
      why: 'issue 9: the whole-code count with the right level as a hypothetical',
    },
    { task: 'bubbles', answer: 'FIRST: RECOVER\nSECOND: RECOVER\nTHIRD: LOCKOUT\nRESERVOIR: 132 mL', pass: false, why: 'the whole-code count on the labelled lines' },
    { task: 'bypass-bubble', answer: 'ACTION: LOCKOUT\nLAMP: RED\nL2-BY: 11:35\nRESERVOIR: 92 mL, not 52 mL', pass: true, why: 'names the purged level only to reject it' },
    { task: 'bypass-bubble', answer: 'ACTION: LOCKOUT (no purge)\nLAMP: RED\nL2-BY: 11:35\nRESERVOIR: 92 mL', pass: true, why: 'the purge named only to deny it' },
    { task: 'bypass-bubble', answer: 'ACTION: RECOVER (purge CH6), or LOCKOUT if channel 6 counts with all\nLAMP: RED\nL2-BY: 11:35\nRESERVOIR: 92 mL', pass: false, why: 'hedges between a purge and LOCKOUT' },
    { task: 'bypass-bubble', answer: 'ACTION: LOCKOUT\nLAMP: RED\nL2-BY: 11:35\nRESERVOIR: 52 mL', pass: false, why: 'purges the bypass channel although it locks out' },
    {
      task: 'incident-record',
      answer: 'QV-INCIDENT 2046-03-14\nCODES: E212 09:14, E104 10:02, E104 10:31, E104 10:50, E104 11:20\nRECOVERED: 4\nRESERVOIR: 92 mL\nLAMP: steady RED\nL2-BY: 11:35',
      pass: true,
      why: 'the lamp written as "steady RED", as section 2 names it',
    },
  ]);
});
