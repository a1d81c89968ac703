// The answers quoted in issue 9 ("Grading you can trust"), each graded through the app's grading
// code against a small scenario-like task shaped like the bundled one it comes from (the bundled
// scenarios' answer keys change separately, so these fixtures pin the engine's behaviour).
import { describe, expect, it } from 'vitest';
import { gradeByChecks } from '../../../src/core/grading/grade.js';
import type { Check, Task } from '../../../src/core/scenario/schema.js';

function task(checks: Check[], answerLabels?: string[]): Task {
  return { id: 't', prompt: 'p', rubric: checks.map((check, i) => ({ text: `item ${i}`, check })), ...(answerLabels ? { answerLabels } : {}) };
}

interface Case {
  name: string;
  task: Task;
  answer: string;
  pass: boolean;
  /** A part the (first failing) reason must contain. */
  reason?: string;
}

const fee: Check = { type: 'number', value: 296, what: 'the fee' };
const embercapLabels = ['HALF', 'QUARTER', 'EIGHTH'];
const settle: Check = { type: 'number', value: 24, unit: 'min', what: 'the settle time' };
const resume: Check = { type: 'regex', capture: '(\\d{1,2}:\\d{2})', expect: ['09:40', '9:40'], what: 'the earliest RESUME time' };
const bubbles92: Check = { type: 'number', value: 92, unit: 'mL', what: 'the reservoir reading' };
const liftAirlock: Check = { type: 'includes', value: ['lift', 'airlock'] };
const documents: Check = { type: 'regex', pattern: '(\\bMW\\s*-?\\s*3\\b|waste-?\\s*water\\s+plan)[\\s\\S]*(\\bMW\\s*-?\\s*4\\b|appearance\\s+statement)', flags: 'i' };
const zeroIsFalse: Check = { type: 'regex', pattern: '\\bzero is false\\b', flags: 'i', negate: true };
const kalah35: Check = { type: 'regex', pattern: '(?:^|[^\\d.])35(?:[^\\d.]|$)', negate: true };

const hedged: Case[] = [
  { name: 'fee hedged across three values', task: task([fee]), answer: 'Application fee: 284, 296 or 314 crowns', pass: false, reason: 'gives 284, 296 and 314 for the fee; expected one value: 296' },
  { name: 'QUARTER: 6 (or 4)', task: task([{ type: 'number', label: 'QUARTER', value: 6 }], embercapLabels), answer: 'HALF: 2\nQUARTER: 6 (or 4)\nEIGHTH: 14', pass: false, reason: 'expected one value: 6' },
  { name: 'CONTACTS: 3 (4 if the resting touch counts)', task: task([{ type: 'number', label: 'CONTACTS', value: 3 }], ['CONTACTS']), answer: 'CONTACTS: 3 (4 if the resting touch counts)', pass: false, reason: 'the CONTACTS line gives 3 and 4' },
  { name: 'settle time 22 or 24 min', task: task([settle]), answer: 'Settle 22 or 24 min; RESUME at 09:38 or 09:40', pass: false, reason: 'gives 22 and 24 min for the settle time' },
  { name: 'RESUME at 09:38 or 09:40', task: task([resume]), answer: 'Settle 22 or 24 min; RESUME at 09:38 or 09:40', pass: false, reason: 'gives 09:38 and 09:40 for the earliest RESUME time' },
  { name: 'duty 1,934或2,256澜元', task: task([{ type: 'number', value: 1934 }]), answer: '应纳关税1,934或2,256澜元', pass: false, reason: '1,934 and 2,256' },
];

const traps: Case[] = [
  {
    name: 'qv20 bubbles: LOCKOUT, 132 mL, 92 mL only as a hypothetical',
    task: task([bubbles92]),
    answer: '10:50 is the third E104 within 8 h: LOCKOUT ... reservoir 132 mL (it would be 92 mL had the third been purged)',
    pass: false,
    reason: 'expected the reservoir reading 92 mL; the answer gives',
  },
  { name: 'Do not use LIFT or the airlock', task: task([liftAirlock]), answer: 'Do not use LIFT or the airlock - open the lid.', pass: false, reason: 'only in a denied clause' },
  {
    name: 'MW-3 and MW-4 are not needed',
    task: task([documents], ['DOCUMENTS']),
    answer: 'DOCUMENTS: hull certificate and proof of insurance; MW-3 and MW-4 are not needed',
    pass: false,
    reason: 'only to deny or set it aside',
  },
];

const correct: Case[] = [
  { name: '**HALF:** 2 (bold labels)', task: task([{ type: 'number', label: 'HALF', value: 2 }], embercapLabels), answer: 'Reasoning: 480 halves at 2 h.\n\n**HALF:** 2\n**QUARTER:** 6\n**EIGHTH:** 14', pass: true },
  { name: 'CONTACTS: three', task: task([{ type: 'number', label: 'CONTACTS', value: 3 }], ['CONTACTS']), answer: 'CONTACTS: three', pass: true },
  { name: 'Stage three', task: task([{ type: 'regex', capture: '\\bstage\\s+(\\w+)', flags: 'i', expect: 3, what: 'the stage' }]), answer: 'Total 7 points: Stage three (HDU).', pass: true },
  { name: '完税价格为二万一千四百八十澜元', task: task([{ type: 'number', value: 21480, tolerance: 0.5 }]), answer: '完税价格为二万一千四百八十澜元', pass: true },
  { name: '约2.148万 (a 万 amount)', task: task([{ type: 'number', value: 21480, tolerance: 0.5 }]), answer: '完税价格约2.148万澜元', pass: true },
  { name: '0.75 g for 750 mg', task: task([{ type: 'number', value: 750, unit: 'mg' }]), answer: 'New maintenance dose: 0.75 g every 8 hours.', pass: true },
  { name: '12 glimmer units', task: task([{ type: 'number', value: 12, unit: { name: 'gu', aliases: ['glimmer units', 'glimmer unit'] } }]), answer: 'GLOW AT 78 H: 12 glimmer units', pass: true },
  { name: '(In C, zero is false; not here.)', task: task([zeroIsFalse]), answer: 'It prints "zero is true". (In C, zero is false; not here.)', pass: true },
  { name: 'Kalah scoring would give North 35, but ...', task: task([kalah35]), answer: 'Kalah scoring would give North 35, but here the store counts 36: South wins.', pass: true },
  { name: 'the trap value named only to reject it', task: task([{ type: 'excludes', value: '450 mg' }]), answer: 'Increase to 750 mg. Had we read it as mg/L we would wrongly cut to 450 mg.', pass: true },
];

function grade(c: Case) {
  const verdicts = gradeByChecks(c.task, c.answer);
  return { failed: verdicts.filter((v) => v.status === 'fail').map((v) => v.reason), all: verdicts };
}

describe('issue 9: hedged answers fail, with a reason that names the candidates', () => {
  it.each(hedged)('$name', (c) => {
    const { failed } = grade(c);
    expect(failed.length).toBeGreaterThan(0);
    if (c.reason) expect(failed.join(' | ')).toContain(c.reason);
  });
});

describe('issue 9: trap answers fail', () => {
  it.each(traps)('$name', (c) => {
    const { failed } = grade(c);
    expect(failed.length).toBeGreaterThan(0);
    if (c.reason) expect(failed.join(' | ')).toContain(c.reason);
  });
});

describe('issue 9: correct answers in other wordings pass', () => {
  it.each(correct)('$name', (c) => {
    expect(grade(c).failed).toEqual([]);
  });
});

describe('issue 9: reasons a player understands', () => {
  it('a wrong settle time names the quantity, the expectation and what the final answer gives', () => {
    const { failed } = grade({ name: '', task: task([settle]), answer: 'Overshoot 2.8 K.\nAnswer: settle 22 min, resume 09:38', pass: false });
    expect(failed).toEqual(['expected the settle time 24 min; the final answer gives 22 min']);
  });

  it('never shows a regular expression, whatever the check', () => {
    const checks: Check[] = [documents, zeroIsFalse, kalah35, resume, { type: 'regex', pattern: '(?:^|[^\\w.-])20 3 [-−]1(?:[^\\w.]|$)' }];
    for (const check of checks) {
      for (const answer of ['nothing here', 'In C, zero is false. 35. 09:38 or 09:40']) {
        const [v] = gradeByChecks(task([check]), answer);
        expect(v!.reason).not.toContain('\\');
        expect(v!.reason).not.toContain('(?:');
      }
    }
  });
});
