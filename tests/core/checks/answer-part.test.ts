// Which part of an answer a check reads: a labelled line, the labelled lines, the text after the
// last answer marker, or the whole answer - after Markdown is stripped.
import { describe, expect, it } from 'vitest';
import { plainAnswer, readPart } from '../../../src/core/checks/answer-part.js';
import { candidates } from '../../../src/core/checks/number.js';

describe('plainAnswer', () => {
  it.each([
    ['**HALF:** 2', 'HALF: 2'],
    ['- QUARTER: 6', 'QUARTER: 6'],
    ['1. EIGHTH: 14', 'EIGHTH: 14'],
    ['> ## Answer: `B`', 'Answer: B'],
    ['```\nS: 1\n```', '\nS: 1\n'],
    ['FEE: ~~314~~ 296', 'FEE:  296'],
    ['ＨＡＬＦ：２', 'HALF:2'],
    ['3 * 4 = 12', '3 * 4 = 12'],
    ['*really* snake_case _x_', 'really snake_case x'],
    ['2.1 × 10³', '2.1 × 10³'],
  ])('%j -> %j', (input, want) => {
    expect(plainAnswer(input)).toBe(want);
  });
});

describe('readPart', () => {
  const labels = ['HALF', 'QUARTER', 'FEE BY'];
  it('reads the last line with the label a check names', () => {
    expect(readPart('HALF: 3 (draft)\nthinking...\n**HALF:** 2', { labels, label: 'HALF' })).toEqual({ text: '2', where: 'the HALF line', found: true, after: '' });
    expect(readPart('fee by: 25 March', { labels, label: 'FEE BY' }).text).toBe('25 March');
    expect(readPart('FEE BY:\nTuesday 25 March', { labels, label: 'FEE BY' }).text).toBe('Tuesday 25 March');
    expect(readPart('no labels here', { labels, label: 'HALF' })).toEqual({ text: '', where: 'the HALF line', found: false });
  });

  it('reads the last run of labelled lines when the task declares labels', () => {
    const answer = 'HALF: 9 was my first guess\nLong reasoning.\nMore reasoning.\n\nHALF: 2\nQUARTER: 6';
    expect(readPart(answer, { labels })).toEqual({ text: 'HALF: 2\nQUARTER: 6', where: 'the labelled lines', found: true, after: '' });
  });

  it('reads two rows of one label in a row (a two-row table) as two answers, and keeps the text after the lines', () => {
    expect(readPart('| FEE BY | 25 March |\n| FEE BY | 22 March |', { labels, label: 'FEE BY' }).text).toBe('25 March\n22 March');
    expect(readPart('Half: 3 at first\nHALF: 2', { labels, label: 'HALF' }).text).toBe('2');
    expect(readPart('HALF: 2\nQUARTER: 6\n\nSo 6. Actually 4.', { labels }).after).toBe('So 6. Actually 4.');
  });

  it('reads a two-column Markdown table as labelled lines', () => {
    expect(readPart('| Item | Value |\n|---|---|\n| HALF | 2 |\n| QUARTER | 6 |', { labels }).text).toBe('HALF: 2\nQUARTER: 6');
  });

  it('reads after the last Answer: marker (and the lines below it), else the whole answer', () => {
    expect(readPart('Answer: 3\nreasoning\nFinal answer: **296** crowns\nwith MW-3')).toEqual({ text: '296 crowns\nwith MW-3', where: 'the final answer', found: true });
    expect(readPart('推理……\n答案：1,934澜元').text).toBe('1,934澜元');
    expect(readPart('It is 296.')).toEqual({ text: 'It is 296.', where: 'the answer', found: true });
    expect(readPart('HALF: 2', { labels: ['QUARTER'] }).where).toBe('the answer');
  });

  it('reads the whole answer for scope: whole', () => {
    expect(readPart('QV-INCIDENT 2046\nHALF: 2', { labels, scope: 'whole' }).text).toBe('QV-INCIDENT 2046\nHALF: 2');
  });
});

describe('number candidates', () => {
  it('skips times of day, codes and ordinals', () => {
    const text = 'At 09:40 the E104 on MW-3 (H-17) was the 3rd; 24 min';
    expect(candidates(text, undefined).map((c) => c.match.value)).toEqual([24]);
  });

  it.each([
    ['FEE PAID: 99 crowns (by 31 May)', [99]],
    ['paid on March 15th, 412: 99 crowns', [99]],
    ['due 25 March 412, 99 crowns', [99]],
    ['11月23日申报，滞报4日', [4]],
    ['May 99 crowns be paid', [99]],
  ])('skips the parts of dates: %s', (text, want) => {
    expect(candidates(text, undefined).map((c) => c.match.value)).toEqual(want);
  });
});
