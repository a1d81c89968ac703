import { describe } from 'vitest';
import { answerKeySuite } from './library-b-key.js';

describe('scenario caldmoor-mooring-permit', () =>
  answerKeySuite('caldmoor-mooring-permit', [
    { task: 'fee', answer: '174 x 1.5 + 35 = 296 crowns; with MW-3 and MW-4.', pass: true, why: 'short honest answer' },
    { task: 'fee', answer: '261 + 35 = 296.00 crowns (MW-3, MW-4).', pass: true, why: 'decimals on a whole amount' },
    {
      task: 'receipt',
      answer: 'RECEIVED: Sat, 15 March\nNOTICE BY: March 22nd\nFEE BY: Tuesday, 25 March 412',
      pass: true,
      why: 'other date spellings',
    },
    {
      task: 'receipt',
      answer: 'RECEIVED: Saturday 15 March\nNOTICE BY: Saturday 22 March\nFEE BY: Saturday 22 March',
      pass: false,
      why: 'fee deadline counted like the notice deadline',
    },
    {
      task: 'objection',
      answer: 'OBJECTIONS UNTIL: Friday, April 25th\nCONSIDERED: yes',
      pass: true,
      why: 'month-first date, lower-case yes',
    },
    {
      task: 'silence',
      answer: 'STATUS: refused (deemed)\nDECISION PERIOD ENDED: 16 May\nMW-9 BY: 31 May\nFILE: OW-412-0387\nREFUSAL: DEEMED 16 May\nFEE PAID: 99 crowns',
      pass: true,
      why: 'terse lines without weekdays or the comma',
    },
    {
      task: 'silence',
      answer: 'STATUS: deemed refused\nDECISION PERIOD ENDED: Friday 16 May\nMW-9 BY: Saturday 31 May\nFILE: OW-412-0387\nREFUSAL: DEEMED, 16 May\nFEE PAID: 98.67 crowns',
      pass: false,
      why: 'escalation fee not rounded up (11.2)',
    },
  ]));
