// Answers found while reviewing caldmoor-mooring-permit, beyond the task's own accept/wrong lists:
// issue 9's hedged fee and "MW-3 and MW-4 are not needed", and date spellings people use.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/core/scenario/load.js';
import { answerKeySuite, scenarioPath } from './answer-key.js';

const DOCS = 'DOCUMENTS: hull certificate, insurance, MW-3, MW-4';

describe('scenario caldmoor-mooring-permit', () => {
  it('meets the library\'s strict rules: >= 3 accept and >= 3 wrong answers per task, evidence quotes found once', async () => {
    const { problems } = await loadScenarioFile(scenarioPath('caldmoor-mooring-permit'), { strict: true });
    expect(problems.map((p) => `${p.line}:${p.col} ${p.field}: ${p.message}`)).toEqual([]);
  });

  answerKeySuite('caldmoor-mooring-permit', [
    { task: 'fee', answer: 'Application fee: 284, 296 or 314 crowns', pass: false, why: 'issue 9: a hedged fee' },
    { task: 'fee', answer: `FEE: 284, 296 or 314 crowns\n${DOCS}`, pass: false, why: 'the hedge on the FEE line' },
    { task: 'fee', answer: 'FEE: 296 crowns\nDOCUMENTS: hull certificate and proof of insurance; MW-3 and MW-4 are not needed', pass: false, why: 'issue 9: the forms named only to leave them out' },
    { task: 'fee', answer: `FEE: 296 crowns (174 x 1.5 + 35)\n${DOCS}`, pass: true, why: 'the working in parentheses beside the fee' },
    { task: 'receipt', answer: 'RECEIVED: Saturday 15 March\nNOTICE BY: Saturday 22 March (4 office days)\nFEE BY: Tuesday 25 March', pass: true, why: 'a count of days beside a date' },
    { task: 'fee', answer: `**FEE:** 296.00 crowns\n${DOCS}`, pass: true, why: 'bold label, decimals on a whole amount' },
    { task: 'fee', answer: 'FEE: 296\nDOCUMENTS: hull certificate (max 24 months old), insurance of 200,000 crowns, the waste-water plan and the appearance statement', pass: true, why: 'the two extra documents without form numbers' },
    { task: 'fee', answer: 'FEE: 296\nDOCUMENTS: hull certificate, insurance, Form MW3 and Form MW4', pass: true, why: 'form numbers without the hyphen' },
    { task: 'fee', answer: 'FEE: 296\nDOCUMENTS: hull certificate, insurance and the waste-water plan (MW-3)', pass: false, why: 'forgets the heritage appearance statement' },
    { task: 'receipt', answer: 'RECEIVED: Sat, 15 March\nNOTICE BY: March 22nd\nFEE BY: Tuesday, 25 March 412', pass: true, why: 'other date spellings' },
    { task: 'receipt', answer: 'RECEIVED: Saturday the 15th of March\nNOTICE BY: Sat. 22 Mar\nFEE BY: 25/03/412', pass: true, why: '"15th of March", abbreviations, a numeric day/month date' },
    { task: 'receipt', answer: 'RECEIVED: 412-03-15\nNOTICE BY: 22.03.\nFEE BY: 25/3', pass: true, why: 'ISO-like and dotted dates' },
    { task: 'receipt', answer: 'RECEIVED: 14/03\nNOTICE BY: 20.03.\nFEE BY: 21 March', pass: false, why: 'the everyday Monday-to-Friday count in numeric dates' },
    { task: 'supplement', answer: 'IN TIME: YES\nPERIOD ENDED: 1/4\nCOMPLETE: April 1st', pass: true, why: 'numeric and month-first dates' },
    { task: 'supplement', answer: 'IN TIME: YES (NO if the period is not moved)\nPERIOD ENDED: 1 April\nCOMPLETE: 1 April', pass: false, why: 'hedges on the verdict' },
    { task: 'objection', answer: 'OBJECTIONS UNTIL: Friday, April 25th\nCONSIDERED: yes', pass: true, why: 'month-first date, lower-case yes' },
    { task: 'objection', answer: 'OBJECTIONS UNTIL: 25 April\nCONSIDERED: YES, but only if B.4 applies; otherwise NO', pass: false, why: 'a hedge hidden in a condition' },
    {
      task: 'silence',
      answer: 'STATUS: DEEMED REFUSAL\nDECISION PERIOD ENDED: Fri 16 May\nMW-9 BY: Sat., May 31st\nFILE: OW-412-0387\nREFUSAL: DEEMED 16 May\nFEE PAID: 99 crowns',
      pass: true,
      why: '"deemed refusal", abbreviated weekdays, no comma on the REFUSAL line',
    },
    {
      task: 'silence',
      answer: 'STATUS: deemed approved\nDECISION PERIOD ENDED: 16 May\nMW-9 BY: 31 May\nFILE: OW-412-0387\nREFUSAL: DEEMED, 16 May\nFEE PAID: 99 crowns',
      pass: false,
      why: 'silence read as consent, with everything else right',
    },
    {
      task: 'silence',
      answer: 'STATUS: deemed refused\nDECISION PERIOD ENDED: Friday 16 May\nMW-9 BY: Saturday 31 May\nFILE: OW-412-0387\nREFUSAL: DEEMED, 16 May\nFEE PAID: 98.67 crowns',
      pass: false,
      why: 'escalation fee not rounded up (11.2)',
    },
  ]);
});
