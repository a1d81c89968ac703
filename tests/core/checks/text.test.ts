import { describe, expect, it } from 'vitest';
import { runCheck } from '../../../src/core/checks/index.js';
import { normalize } from '../../../src/core/checks/normalize.js';

describe('normalize', () => {
  it('folds width, case, quotes, dashes and whitespace', () => {
    expect(normalize('  Ｎｏｔ\u00A0\u00A0“Exempt”\n\t—  it’s 2–3 ')).toBe('not "exempt" — it\'s 2-3');
    expect(normalize('Not', { caseSensitive: true })).toBe('Not');
    expect(normalize('ﬁne')).toBe('fine');
    expect(normalize('zero\u200Bwidth')).toBe('zerowidth');
  });
});

describe('includes', () => {
  it('finds all values (default) or any', () => {
    const all = { type: 'includes' as const, value: ['2100 L', 'Art. 5'] };
    expect(runCheck(all, 'The volume is 2100   L per Art. 5.').pass).toBe(true);
    expect(runCheck(all, 'The volume is 2100 L.')).toEqual({ pass: false, reason: 'the answer lacks "Art. 5"' });
    const any = { type: 'includes' as const, value: ['exempt', 'waived'], mode: 'any' as const };
    expect(runCheck(any, 'The levy is waived.')).toEqual({ pass: true, reason: 'the answer has "waived"' });
    expect(runCheck(any, 'She pays.')).toEqual({ pass: false, reason: 'the answer has none of "exempt" and "waived"' });
  });

  it('is case-insensitive and width/whitespace-folded unless caseSensitive', () => {
    expect(runCheck({ type: 'includes', value: 'NOT EXEMPT' }, 'she is not\nexempt').pass).toBe(true);
    expect(runCheck({ type: 'includes', value: 'not exempt' }, 'she is ｎｏｔ exempt').pass).toBe(true);
    expect(runCheck({ type: 'includes', value: 'NOT EXEMPT', caseSensitive: true }, 'she is not exempt').pass).toBe(false);
    expect(runCheck({ type: 'includes', value: "isn't" }, 'it isn’t').pass).toBe(true);
  });

  it('matches substrings: "no" is found in "not" and "know" (use a regex for words)', () => {
    expect(runCheck({ type: 'includes', value: 'no' }, 'I know it is not').pass).toBe(true);
    const word = { type: 'regex' as const, pattern: '\\bno\\b', flags: 'i' };
    expect(runCheck(word, 'I know it is not').pass).toBe(false);
    expect(runCheck(word, 'No, she is not exempt').pass).toBe(true);
  });

  it('reports what is missing', () => {
    expect(runCheck({ type: 'includes', value: ['a1', 'b2', 'c3'] }, 'b2').reason).toBe('the answer lacks "a1" and "c3"');
  });
});

describe('excludes', () => {
  it('fails on any banned value and names it', () => {
    const check = { type: 'excludes' as const, value: ['is exempt', 'no levy'] };
    expect(runCheck(check, 'She is not exempt.')).toEqual({ pass: true, reason: 'contains none of "is exempt" and "no levy"' });
    expect(runCheck(check, 'Yes: she IS   exempt.')).toEqual({ pass: false, reason: 'the answer states "is exempt"' });
    expect(runCheck({ type: 'excludes', value: 'not exempt' }, 'She is not exempt')).toEqual({ pass: false, reason: 'the answer states "not exempt"' });
  });
});

describe('regex', () => {
  it('matches, with flags, and quotes the match', () => {
    const check = { type: 'regex' as const, pattern: '\\bnot exempt\\b', flags: 'i' };
    // the reason names no pattern (players read it); the pattern is kept for authors
    expect(runCheck(check, 'She is NOT exempt.')).toEqual({ pass: true, reason: 'the answer states "NOT exempt"', pattern: '/\\bnot exempt\\b/i' });
    expect(runCheck(check, 'She is exempt.')).toEqual({ pass: false, reason: 'the answer does not state what the item asks', pattern: '/\\bnot exempt\\b/i' });
  });

  it('negate: the answer must not match', () => {
    const check = { type: 'regex' as const, pattern: '\\bexempt\\b', negate: true };
    expect(runCheck(check, 'She pays.').pass).toBe(true);
    expect(runCheck(check, 'She is exempt.').reason).toBe('the answer states what it must not: "exempt"');
  });

  it('multi-line format rules', () => {
    const check = { type: 'regex' as const, pattern: '^DECISION: .+\\nARTICLE: \\d+\\nDEADLINE: .+$', flags: 'm' };
    expect(runCheck(check, 'DECISION: granted\nARTICLE: 6\nDEADLINE: 3 days').pass).toBe(true);
    expect(runCheck(check, 'DECISION: granted\nDEADLINE: 3 days').pass).toBe(false);
  });

  it('reports a pattern that does not compile instead of throwing', () => {
    const r = runCheck({ type: 'regex', pattern: '(unclosed' }, 'x');
    expect(r.pass).toBe(false);
    expect(r.reason).toMatch(/^the check's pattern cannot run: missing closing \)/);
  });

  it('truncates long matches in the reason', () => {
    const r = runCheck({ type: 'regex', pattern: 'a+' }, 'a'.repeat(500));
    expect(r.reason.length).toBeLessThan(100);
  });
});

describe('equals', () => {
  const eq = (value: string | number, caseSensitive?: boolean) => ({ type: 'equals' as const, value, caseSensitive });

  it('compares the text after the last Answer:/Final answer: line', () => {
    const reply = 'Working: 23 × 7 = 161, halved 80.5.\nAnswer: 80.5\nWait, Art. 5 rounds up.\nFinal answer: 81 marks';
    expect(runCheck(eq('81 marks'), reply).pass).toBe(true);
    expect(runCheck(eq('80.5'), reply).pass).toBe(false);
    expect(runCheck(eq(81), reply).pass).toBe(false);
  });

  it('accepts Markdown decorations around the marker and the value', () => {
    expect(runCheck(eq('granted'), 'Reasoning...\n**Final answer:** **Granted**.').pass).toBe(true);
    expect(runCheck(eq('granted'), 'Reasoning...\n## Answer:\nGranted').pass).toBe(true);
    expect(runCheck(eq('granted'), '> **Answer**: `granted`').pass).toBe(true);
    expect(runCheck(eq('Granted', true), 'Answer: granted').pass).toBe(false);
  });

  it('uses the whole answer when there is no Answer: line', () => {
    expect(runCheck(eq('not exempt'), '  Not   exempt. ').pass).toBe(true);
    expect(runCheck(eq('not exempt'), 'She is not exempt.').pass).toBe(false);
    expect(runCheck(eq('not exempt'), 'She is not exempt.').reason).toBe(
      'the answer (no "Answer:" line) is "She is not exempt.", expected "not exempt"',
    );
  });

  it('numeric value: exactly that one number, symbols allowed', () => {
    expect(runCheck(eq(81), 'Answer: 81').pass).toBe(true);
    expect(runCheck(eq(81), 'Answer: 81.0').pass).toBe(true);
    expect(runCheck(eq(81), 'Answer: $81').pass).toBe(true);
    expect(runCheck(eq(1250), 'Answer: 1,250').pass).toBe(true);
    expect(runCheck(eq(81), 'Answer: 81 marks').pass).toBe(false);
    expect(runCheck(eq(81), 'Answer: 81 or 82').pass).toBe(false);
    expect(runCheck(eq(81), 'Answer: 810').reason).toBe('the final answer is "810", expected exactly 81');
  });

  it('reads Chinese answer markers', () => {
    expect(runCheck(eq('81'), '推理……\n答案：81').pass).toBe(true);
  });

  it('fails on an empty final answer', () => {
    expect(runCheck(eq('x'), 'Answer:').reason).toBe('the final answer is empty');
  });
});

describe('describeCheck', () => {
  it('says in a few words what each check wants', async () => {
    const { describeCheck } = await import('../../../src/core/checks/index.js');
    expect(describeCheck({ type: 'number', value: 14, tolerance: 0.5 })).toBe('number 14 (+/-0.5)');
    expect(describeCheck({ type: 'number', value: 200, relTolerance: 0.05 })).toBe('number 200 (+/-5%)');
    expect(describeCheck({ type: 'includes', value: ['a', 'b'], mode: 'any' })).toBe('includes any of "a" and "b"');
    expect(describeCheck({ type: 'regex', pattern: 'x', negate: true })).toBe('does not match /x/');
    expect(describeCheck({ type: 'choice', value: 'B' })).toBe('chooses option B');
    expect(describeCheck({ type: 'words', max: 50 })).toBe('words <= 50');
    expect(describeCheck({ type: 'format', noBold: true, endsWith: 'Done.' })).toBe('format: no bold, ends with "Done."');
    expect(describeCheck({ type: 'json', path: 'a.b', equals: 1 })).toBe('valid JSON with a.b = 1');
  });
});

describe('regex on RE2 (linear time)', () => {
  it('runs ^(a+)+$ against a long run of a ending in ! and returns (a backtracking engine would not)', () => {
    const r = runCheck({ type: 'regex', pattern: '^(a+)+$' }, `${'a'.repeat(30_000)}!`);
    expect(r.pass).toBe(false);
    expect(runCheck({ type: 'regex', pattern: '^(a+)+$' }, 'a'.repeat(30_000)).pass).toBe(true);
  });

  it('capture/expect: every stated value must be the expected one; spellings of it count as one', () => {
    const check = { type: 'regex' as const, capture: '(?P<value>\\bN\\b|\\bnorth\\b|\\bS\\b|\\bsouth\\b)', flags: 'i', expect: ['N', 'north'], what: 'the player to move' };
    expect(runCheck(check, 'S:1-0/10 N (North to move)').reason).toBe('the answer gives "S" and "N" for the player to move; expected one value: N'.replace('"S" and "N"', 'S and N'));
    expect(runCheck(check, 'N (North to move)').pass).toBe(true);
    expect(runCheck({ ...check, expect: ['S:0-0-1 N:0-5'] , capture: '(S:.*)' }, 'S: 0 - 0 - 1  N: 0-5').pass).toBe(true);
  });

  it('expectNumbers compares a tuple by its numbers, in order', () => {
    const check = { type: 'regex' as const, capture: '(?m)^TICK 3:\\s*(.+)$', expectNumbers: [161, 0, 6, 16] };
    expect(runCheck(check, 'TICK 3: x=161, y=0, vx=6, vy=+16').pass).toBe(true);
    expect(runCheck(check, 'TICK 3: | 161 | 0 | 6 | 16 |').pass).toBe(true);
    expect(runCheck(check, 'TICK 3: 161 0 7 11').pass).toBe(false);
  });
});
