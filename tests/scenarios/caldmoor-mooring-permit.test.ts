import { describe } from 'vitest';
import { answerKeySuite } from './answer-key.js';

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
    {
      task: 'fee',
      answer: 'Fee 296 crowns. With the MW-1: hull certificate (max 24 months old), insurance of 200,000 crowns, the waste-water plan and the appearance statement.',
      pass: true,
      why: 'names the two extra documents without their form numbers',
    },
    { task: 'fee', answer: 'Fee 296 crowns; hull certificate, insurance, Form MW3 and Form MW4.', pass: true, why: 'form numbers without the hyphen' },
    { task: 'fee', answer: 'Fee 296 crowns; hull certificate, insurance and the waste-water plan (MW-3).', pass: false, why: 'forgets the heritage appearance statement' },
    {
      task: 'receipt',
      answer: 'RECEIVED: Saturday the 15th of March\nNOTICE BY: Sat. 22 Mar\nFEE BY: 25/03/412',
      pass: true,
      why: '"15th of March", an abbreviated weekday and month, a numeric day/month date',
    },
    { task: 'receipt', answer: 'RECEIVED: 412-03-15\nNOTICE BY: 22.03.\nFEE BY: 3/25', pass: true, why: 'ISO-like, dotted and US numeric dates' },
    { task: 'receipt', answer: 'RECEIVED: 14/03\nNOTICE BY: 20.03.\nFEE BY: 21 March', pass: false, why: 'the everyday Monday-to-Friday count in numeric dates' },
    { task: 'supplement', answer: 'IN TIME: YES\nPERIOD ENDED: 1/4\nCOMPLETE: April 1st', pass: true, why: 'numeric and month-first dates' },
    { task: 'supplement', answer: 'IN TIME: YES\nPERIOD ENDED: 31/3\nCOMPLETE: 31 March', pass: false, why: 'treats Monday as an office day' },
    { task: 'objection', answer: 'OBJECTIONS UNTIL: 25.04.412\nCONSIDERED: YES', pass: true, why: 'dotted numeric date' },
    {
      task: 'silence',
      answer: 'STATUS: DEEMED REFUSAL\nDECISION PERIOD ENDED: Fri 16 May\nMW-9 BY: Sat., May 31st\nFILE: OW-412-0387\nREFUSAL: DEEMED, 16 May\nFEE PAID: 99 crowns',
      pass: true,
      why: '"deemed refusal" as the status, abbreviated weekdays',
    },
    {
      task: 'silence',
      answer: 'STATUS: deemed approved\nDECISION PERIOD ENDED: 16 May\nMW-9 BY: 31 May\nFILE: OW-412-0387\nREFUSAL: DEEMED, 16 May\nFEE PAID: 99 crowns',
      pass: false,
      why: 'silence read as consent, with everything else right',
    },
  ]));
