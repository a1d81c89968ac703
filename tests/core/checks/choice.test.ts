import { describe, expect, it } from 'vitest';
import { chosenOptions, runCheck } from '../../../src/core/checks/index.js';

const B = { type: 'choice' as const, value: 'B' };
const A = { type: 'choice' as const, value: 'A' };
const chosen = (answer: string, options?: string[]) => chosenOptions(answer, options).labels;

describe('choice: how answers state a choice', () => {
  it.each([
    ['B'],
    ['b'],
    ['(B)'],
    ['B)'],
    ['B.'],
    ['**B**'],
    ['[B]'],
    ['Answer: B'],
    ['Answer: (b)'],
    ['**Final answer:** B'],
    ['Final answer: B) The lantern moves two squares.'],
    ['B) The lantern moves two squares.'],
    ['B. The lantern moves two squares.'],
    ['B - two squares'],
    ['Option B'],
    ['I choose option B.'],
    ["I'd go with B because the river blocks it."],
    ['I’d pick (B).'],
    ['The answer is B.'],
    ['The correct answer is (B), since the river blocks diagonal moves.'],
    ['The best option would be B because the river blocks it.'],
    ['B is correct: the lantern moves exactly two squares.'],
    ['After weighing them, option B fits the rule.'],
    ['A lantern moves two squares, so the answer is B.'],
    ['A) one square\nB) two squares\nC) three squares\n\nThe answer is B.'],
    ['Option A is wrong because of the river; option B is right.'],
    ['Not (A): the river blocks it. (B) it is.'],
    ['The answer is A.\nOn reflection, no.\nFinal answer: B'],
    ['It moves two squares, so B.'],
    ['Two squares: B'],
  ])('B is chosen in %j', (answer) => {
    const r = runCheck(B, answer);
    expect(r, r.reason).toMatchObject({ pass: true });
    expect(r.reason).toMatch(/^chose B/);
  });

  it.each([
    ['A lantern moves two squares.'],
    ['A lantern moves two squares, as the rule says.'],
    ['I think the lantern moves two squares.'],
    ['Answer: A lantern moves two squares.'],
    ['a bishop and a lantern'],
    ['The answer is a lantern.'],
  ])('the article "A" / pronoun "I" is not a choice in %j', (answer) => {
    expect(chosen(answer)).toEqual([]);
    expect(runCheck(A, answer)).toEqual({ pass: false, reason: 'no option chosen (expected A)' });
  });

  it('reads A when A is really chosen', () => {
    expect(runCheck(A, 'A').pass).toBe(true);
    expect(runCheck(A, 'Answer: A').pass).toBe(true);
    expect(runCheck(A, 'The answer is A because a lantern moves two squares.').pass).toBe(true);
    expect(runCheck(A, 'A) one square').pass).toBe(true);
    expect(runCheck(A, 'A is correct.').pass).toBe(true);
  });

  it('fails a different option and says which', () => {
    expect(runCheck(B, 'The answer is C.')).toMatchObject({ pass: false, reason: expect.stringMatching(/^chose C, expected B/) });
    expect(runCheck(B, 'Answer: D')).toMatchObject({ pass: false });
  });

  it('fails when more than one option is chosen', () => {
    expect(runCheck(B, 'B and C')).toMatchObject({ pass: false });
    expect(runCheck(B, 'The answer is B or C.')).toMatchObject({ pass: false });
    const r = runCheck(B, 'The answer is B. Actually, the answer is C.');
    expect(r).toEqual({ pass: false, reason: 'chooses more than one option (B and C); expected only B' });
    expect(runCheck(B, 'Both (B) and (C) apply.').pass).toBe(false);
    expect(chosen('Answer: B, C')).toEqual(['B', 'C']);
  });

  it('does not read prose after a choice as a second choice', () => {
    expect(chosen('The answer is B, a lantern moves two squares.')).toEqual(['B']);
    expect(chosen('The answer is B and I am sure of it.')).toEqual(['B']);
    expect(chosen('The answer is B, C is wrong.')).toEqual(['B']);
  });

  // Speed is `npm run bench`'s business (checks on a 10,000-character answer); here, the verdicts.
  it('reads the choice at the end of a very long answer', () => {
    const long = 'A lantern moves across the board and I note the river. '.repeat(6000) + '\nAnswer: B';
    expect(runCheck(B, long).pass).toBe(true);
    expect(runCheck(B, long.slice(0, -10)).pass).toBe(false);
  });

  it('an echoed option list alone is no choice', () => {
    expect(chosen('A) one square\nB) two squares\nC) three squares')).toEqual([]);
  });

  it('ignores negated mentions', () => {
    expect(chosen('It is not option A, and option C is incorrect; option B fits.')).toEqual(['B']);
    expect(chosen('We can rule out (A). (C) is wrong too. That leaves (B).')).toEqual(['B']);
    expect(chosen("I don't think the answer is A.")).toEqual([]);
    expect(chosen('Two squares, so not C')).toEqual([]);
  });

  it('works with custom labels', () => {
    const check = { type: 'choice' as const, value: '2', options: ['1', '2', '3'] };
    expect(runCheck(check, 'Option 2').pass).toBe(true);
    expect(runCheck(check, 'Answer: 2').pass).toBe(true);
    expect(runCheck(check, 'Option 12').pass).toBe(false);
    const yn = { type: 'choice' as const, value: 'no', options: ['yes', 'no'] };
    expect(runCheck(yn, 'Answer: No').pass).toBe(true);
    expect(runCheck(yn, 'Answer: yes').pass).toBe(false);
  });

  it('accepts a value outside the default A-E', () => {
    expect(runCheck({ type: 'choice', value: 'F' }, 'The answer is F.').pass).toBe(true);
  });

  it('fails when nothing is chosen', () => {
    expect(runCheck(B, '')).toEqual({ pass: false, reason: 'no option chosen (expected B)' });
  });
});
