import { describe } from 'vitest';
import { answerKeySuite } from './answer-key.js';

describe('scenario qv20-vitrifier-recovery', () =>
  answerKeySuite('qv20-vitrifier-recovery', [
    {
      task: 'bath-overshoot',
      answer: 'Power-cycling is forbidden (4.2). LIFT the rack into the airlock, then to the dewar. Settle 24 min from ACK: RESUME at 9:40.',
      pass: true,
      why: 'terse honest answer with the prohibition after the verb and 9:40 without a leading zero',
    },
    {
      task: 'bath-overshoot',
      answer: "Don’t switch it off. Use LIFT and the airlock. Six started half kelvins = 24 minutes; resume 09.40.",
      pass: true,
      why: 'typographic apostrophe and a dotted time',
    },
    {
      task: 'bath-overshoot',
      answer: 'Do not power-cycle; LIFT into the airlock. Overshoot beyond the 2.0 K trigger is 0.8 K: two started half kelvins, but at least 10 minutes, so RESUME at 09:26.',
      pass: false,
      why: 'measures the overshoot from the trigger threshold instead of the setpoint',
    },
    {
      task: 'bath-overshoot',
      answer: 'I will not turn the QV-20 off and on again (4.2) and keep the lid shut. ACK was 09:16; LIFT the rack into the airlock and take it to the transfer dewar. Overshoot 2.8 K = 6 started half kelvins: a 24-minute settle time from the ACK. Earliest RESUME: 09:40.',
      pass: true,
      why: '"turn it off" instead of "switch it off", and "24-minute" with a hyphen',
    },
    {
      task: 'bath-overshoot',
      answer: 'Turn it off and on again to clear it, open the lid and take the rack out; RESUME at 09:26.',
      pass: false,
      why: 'the colleague\'s advice, phrased with "turn"',
    },
    {
      task: 'bubbles',
      answer: 'Per-channel counting: all three recovered. 3 x (15 + 25) = 120 mL, 212 - 120 = 92 mL.',
      pass: true,
      why: 'gives the purge as 15 + 25 without writing 40 mL',
    },
    {
      task: 'bubbles',
      answer: 'All three recovered (per channel). Each purge: 15 mL + 6 x 5 mL = 45 mL, so 212 - 135 = 77 mL.',
      pass: false,
      why: 're-primes the purged channel too',
    },
    {
      task: 'bypass-bubble',
      answer: 'Channel 6 counts with all E104s: the fourth. LOCKOUT (hold STOP 3 s), lamp RED. Call Level 2 by 11:35. Reservoir stays 92 mL.',
      pass: true,
      why: 'short honest answer',
    },
    {
      task: 'bypass-bubble',
      answer: 'B.2: channel 6 counts with all E104s, so this is the fourth: no R-1 (a purge would have taken the reservoir from 92 to 52 mL). Hold STOP 3 s: LOCKOUT, lamp steady red. Notify Level 2 by 11:35 (code time + 15). Reservoir stays at 92 mL.',
      pass: true,
      why: 'mentions 52 mL only to say the purge is not done',
    },
    {
      task: 'bypass-bubble',
      answer: 'LOCKOUT, lamp red, Level 2 by 11:35. Purge channel 6 anyway: 92 - 40 = 52 mL.',
      pass: false,
      why: 'purges the bypass channel although it locks out',
    },
    {
      task: 'incident-record',
      answer: 'QV-INCIDENT 2046-03-14\nCODES: E212 09:14, E104 10:02, E104 10:31, E104 10:50, E104 11:20\nRECOVERED: 4\nRESERVOIR: 92 mL\nLAMP: RED\nL2-BY: 11:35',
      pass: true,
      why: 'the bare record',
    },
    {
      task: 'incident-record',
      answer: 'QV-INCIDENT 2046-03-14\nCODES: E212 09:14, E104 10:02, E104 10:31, E104 10:50, E104 11:20\nRECOVERED: 4\nRESERVOIR: 92 mL\nLAMP: steady RED\nL2-BY: 11:35',
      pass: true,
      why: 'the lamp written as "steady RED", as section 2 names it',
    },
  ]));
