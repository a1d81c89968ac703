import { describe } from 'vitest';
import { answerKeySuite } from './answer-key.js';

describe('scenario tessel-fever-protocol', () =>
  answerKeySuite('tessel-fever-protocol', [
    {
      task: 'staging',
      answer: 'Temp 1, HR 2 (relative bradycardia), platelets 2, rash 1, confusion 0, age 1. TESS = 7. Stage III.',
      pass: true,
      why: 'the score at the end of a sentence ("= 7.")',
    },
    {
      task: 'staging',
      answer: 'Points: 1+2+2+1+0+1 = 7 -> Stage 3 (HDU). Not Stage II: the slow pulse scores 2, not 0.',
      pass: true,
      why: 'a bare sum, an Arabic stage number, and Stage II named only to reject it',
    },
    {
      task: 'staging',
      answer: 'Total TESS score: seven. Stage: III (high-dependency unit).',
      pass: true,
      why: 'the score in words and "Stage: III"',
    },
    {
      task: 'staging',
      answer: 'TESS score 7 (6 or more), so Stage III, not Stage II.',
      pass: true,
      why: 'rejects Stage II explicitly',
    },
    {
      task: 'staging',
      answer: 'Score 7. Stage II or III.',
      pass: false,
      why: 'a hedge between two stages',
    },
    {
      task: 'first-doses',
      answer: 'Maintenance dose: 600 mg. Interval: every 8 hours. First at hour 8. Loading: 1500 mg. Dosing weight: 90 kg.',
      pass: true,
      why: 'dose and interval in separate labelled sentences',
    },
    {
      task: 'first-doses',
      answer: '- Loading: 1500 mg\n- Maintenance: 600 mg\n- Interval: q8h, first at hour 8\n- Weight used: 90 kg; eGFR irrelevant',
      pass: true,
      why: 'a list, dose and interval on separate lines',
    },
    {
      task: 'first-doses',
      answer: 'Weight 90 kg. Loading 1,500 mg; maintenance 600 mg every eight hours from hour 8. Kidney: no reduction (a renal halving to 300 mg would be wrong).',
      pass: true,
      why: 'names the renal-reduction trap value only to reject it',
    },
    {
      task: 'first-doses',
      answer: '90 kg. Loading 1500 mg. Maintenance 600 mg every 12 hours; eGFR 38: reduce to 300 mg q8h.',
      pass: false,
      why: 'a 12-hour interval for 600 mg, and the renal reduction',
    },
    {
      task: 'trough',
      answer: 'Trough = 6.4 mg/L. Increase by 25% to 750 mg q8h, interval unchanged, starting at hour 32 (4th maintenance dose). Had we read it as mg/L we would wrongly cut to 450 mg.',
      pass: true,
      why: 'names the 450 mg trap only to reject it',
    },
    {
      task: 'trough',
      answer: 'Trough 6.40 mg/L. New dose 750 mg every 8 h; starts at h32.',
      pass: true,
      why: '"h32" for hour 32',
    },
    {
      task: 'step-down',
      answer: '(a) No: Stage III bar until hour 120; paracetamol at hour 60. (b) 1,600 mg orally twice daily, first dose at hour 120 replacing the IV dose due then. Not 1,700 mg: rounding is down.',
      pass: true,
      why: 'names the 1,700 mg trap only to reject it',
    },
    {
      task: 'step-down',
      answer: '(a) No. (b) 1600 mg PO BID from h120.',
      pass: true,
      why: 'BID for twice daily',
    },
    {
      task: 'step-down',
      answer: '(a) No. (b) Oral: 1600 mg, 2 times a day, first at hour 120.',
      pass: true,
      why: '"2 times a day"',
    },
    {
      task: 'step-down',
      answer: '(a) No. (b) 3375 / 2 = 1687.5 mg, rounded to 1700 mg every 12 hours from hour 120.',
      pass: false,
      why: 'rounds to the nearest 100 mg',
    },
    {
      task: 'supplies',
      answer: 'Total vials: forty-eight. Tablets: 160.',
      pass: true,
      why: 'the vial count in words',
    },
    {
      task: 'supplies',
      answer: 'Counting by milligrams gives 47 vials, which is wrong because vials are single use: the real count is 48 vials. 160 tablets.',
      pass: true,
      why: 'names the pooled-milligram trap only to reject it',
    },
    {
      task: 'supplies',
      answer: 'Vials used in all: 48. Oral doses at hours 120, 132, ..., 228: 10 x 16 = 160 tablets.',
      pass: true,
      why: 'a labelled count',
    },
    {
      task: 'supplies',
      answer:
        'IV doses at hours 0, 8, 16, 24, 32, 40, 48, 56, 64, 72, 80, 88, 96, 104, 112. Loading 6 vials; 600 mg doses 3 vials each (9); 750 mg doses 4 vials each (44). Total 59 vials. Oral doses 120 to 228: 10 x 16 = 160 tablets.',
      pass: false,
      why: 'a wrong vial count whose list of dose hours contains 48',
    },
  ]));
