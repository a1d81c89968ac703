import { describe, expect, it } from 'vitest';
import { finalAnswer, gradeByChecks } from '../../../src/core/grading/grade.js';
import { PENDING, taskStatus } from '../../../src/core/grading/verdict.js';
import { TaskSchema, type Task } from '../../../src/core/scenario/schema.js';

const task: Task = TaskSchema.parse({
  id: 'levy',
  prompt: 'A 23 m cog carrying glass berths at spring tide. What does she owe?',
  rubric: [
    { text: 'States that the levy is 81 marks.', check: { type: 'number', value: 81 } },
    { text: 'Does not give the unrounded 80.5.', check: { type: 'excludes', value: '80.5' } },
    { text: 'Cites Article 5 for the rounding.' },
    { text: 'Uses no bold text.', check: { type: 'format', noBold: true }, weight: 2 },
  ],
});

describe('gradeByChecks', () => {
  it('gives one verdict per rubric item, by check or pending', () => {
    const v = gradeByChecks(task, 'Half of 161 is 80.5; Art. 5 rounds up: 81 marks.', '2026-01-02T03:04:05.000Z');
    expect(v).toHaveLength(4);
    expect(v[0]).toEqual({ status: 'pass', by: 'check', reason: 'the answer gives the value as 81 (expected 81)', at: '2026-01-02T03:04:05.000Z' });
    expect(v[1]).toEqual({ status: 'fail', by: 'check', reason: 'the answer states "80.5"', at: '2026-01-02T03:04:05.000Z' });
    expect(v[2]).toEqual(PENDING);
    expect(v[3]!.status).toBe('pass');
    expect(taskStatus(v)).toBe('failed');
  });

  it('returns copies of PENDING, never the shared object', () => {
    const v = gradeByChecks(task, '81');
    expect(v[2]).not.toBe(PENDING);
    v[2]!.reason = 'changed';
    expect(PENDING.reason).not.toBe('changed');
  });

  it('omits the time when none is given (pure)', () => {
    expect(gradeByChecks(task, '81')[0]).not.toHaveProperty('at');
  });

  it('a reference-like answer leaves only the judge item pending', () => {
    const v = gradeByChecks(task, 'The levy rounds up to 81 marks under Article 5.');
    expect(v.map((x) => x.status)).toEqual(['pass', 'pass', 'pending', 'pass']);
    expect(taskStatus(v)).toBe('pending');
  });

  it('an empty answer fails every checked item (excludes and noBold would otherwise pass)', () => {
    const v = gradeByChecks(task, '  \n ');
    expect(v.map((x) => x.status)).toEqual(['fail', 'fail', 'pending', 'fail']);
    expect(v[1]!.reason).toBe('no answer given');
  });

  it('a check that cannot run fails with a reason instead of throwing', () => {
    const bad = { ...task, rubric: [{ text: 'x', check: { type: 'regex' as const, pattern: '[' } }] };
    const [v] = gradeByChecks(bad, 'anything');
    expect(v!.status).toBe('fail');
    expect(v!.reason).toMatch(/pattern cannot run/);
  });
});

describe('finalAnswer', () => {
  it.each([
    ['no marker here', 'no marker here'],
    ['work\nAnswer: 12\nmore\nFinal answer: 14', '14'],
    ['work\n**Final Answer:** 14 marks', '14 marks'],
    ['work\nFinal answer:\n\n14 marks\n', '14 marks'],
    ['the answer: is not a marker mid-line', 'the answer: is not a marker mid-line'],
    ['work\r\nAnswer: 7\r\n', '7'],
  ])('%j -> %j', (reply, expected) => {
    expect(finalAnswer(reply)).toBe(expected);
  });
});
