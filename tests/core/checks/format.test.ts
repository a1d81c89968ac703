import { describe, expect, it } from 'vitest';
import { runCheck } from '../../../src/core/checks/index.js';
import { findHeadings } from '../../../src/core/checks/format.js';

describe('format: noBold', () => {
  const check = { type: 'format' as const, noBold: true };
  it.each([['This is **important**.'], ['This is __important__.'], ['**bold across\na line**'], ['<strong>x</strong>'], ['**x**']])(
    'finds bold in %j',
    (answer) => {
      expect(runCheck(check, answer).pass).toBe(false);
    },
  );
  it.each([
    ['2 ** 3 = 8 and a*b'],
    ['snake_case and __init__method'],
    ['*italic* and _italic_'],
    ['Use `**kwargs` in Python.'],
    ['```python\nprint(**kw)\nx = "**not bold**"\n```'],
    ['a ** b ** c'],
  ])('no bold in %j', (answer) => {
    expect(runCheck(check, answer)).toEqual({ pass: true, reason: 'no bold' });
  });
  it('quotes the bold text', () => {
    expect(runCheck(check, 'It is **not exempt** now').reason).toBe('uses bold: "**not exempt**"');
  });
});

describe('format: noLists', () => {
  const check = { type: 'format' as const, noLists: true };
  it.each([['- one\n- two'], ['* one'], ['+ one'], ['1. one\n2. two'], ['3) three'], ['Intro:\n  - nested'], ['• bullet']])('finds a list in %j', (answer) => {
    expect(runCheck(check, answer).pass).toBe(false);
  });
  it.each([
    ['Plain prose - with a dash.'],
    ['---\nA rule above'],
    ['* * *'],
    ['-3 degrees'],
    ['*emphasis* starts the line'],
    ['In 2019. The year'],
    ['```\n- code\n```'],
  ])('no list in %j', (answer) => {
    expect(runCheck(check, answer).pass).toBe(true);
  });
  it('quotes the list item', () => {
    expect(runCheck(check, 'Steps:\n1. Open the valve').reason).toBe('has a list: "1. Open the valve"');
  });
});

describe('format: headings', () => {
  it('finds ATX and setext headings, ignoring numbering, emphasis and colons', () => {
    const answer = '# Decision\ntext\n## 2. **Deadline**:\nmore\nRationale\n=========\nbody\n```\n# Not a heading\n```';
    expect(findHeadings(answer)).toEqual(['Decision', '2. **Deadline**:', 'Rationale']);
    expect(runCheck({ type: 'format', headings: ['decision', 'Deadline', 'Rationale'] }, answer).pass).toBe(true);
  });
  it('names missing headings and what was found', () => {
    expect(runCheck({ type: 'format', headings: ['Decision', 'Appeal'] }, '# Decision\n#Appeal\n**Appeal**')).toEqual({
      pass: false,
      reason: 'missing heading "Appeal" (headings found: "Decision")',
    });
    expect(runCheck({ type: 'format', headings: ['Decision'] }, 'Decision: granted').reason).toBe(
      'missing heading "Decision" (no Markdown headings found)',
    );
  });
});

describe('format: endsWith', () => {
  const check = { type: 'format' as const, endsWith: 'This is not legal advice.' };
  it('compares the trimmed, normalized end', () => {
    expect(runCheck(check, 'Pay 81 marks.\n\nThis is not legal\nadvice.  \n').pass).toBe(true);
    expect(runCheck(check, 'Pay 81 marks. THIS IS NOT LEGAL ADVICE.').pass).toBe(true);
  });
  it('fails when anything follows, and shows the end', () => {
    expect(runCheck(check, 'This is not legal advice. Good luck!')).toEqual({
      pass: false,
      reason: 'ends with "This is not legal advice. Good luck!", not "This is not legal advice."',
    });
    expect(runCheck(check, 'This is not legal advice').pass).toBe(false);
  });
});

describe('format: combined', () => {
  it('lists every problem', () => {
    const check = { type: 'format' as const, noBold: true, noLists: true, endsWith: 'Done.' };
    expect(runCheck(check, '- **x**')).toEqual({ pass: false, reason: 'uses bold: "**x**"; has a list: "- **x**"; ends with "- **x**", not "Done."' });
    expect(runCheck(check, 'All fine. Done.')).toEqual({ pass: true, reason: 'no bold; no lists; ends with "Done."' });
  });
});
