import { describe, expect, it } from 'vitest';
import { countSentences, countWords, runCheck } from '../../../src/core/checks/index.js';
import { splitSentences } from '../../../src/core/checks/count.js';

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   \n  ', 0],
    ['The lantern moves two squares.', 5],
    ["Don't use well-known shortcuts.", 4],
    ['It costs 1,250.50 marks.', 4],
    ['## Decision\n- **Granted** - see Art. 5', 5],
    ['总量为2100升', 5], // 总 量 为 升 (4 CJK) + 2100
    ['灯笼移动两格。', 6],
    ['ランタンは二マス進む', 10],
    ['The 灯笼 moves', 4],
    ['등불은 두 칸 움직인다', 4],
    ['— * # |', 0],
  ])('%j has %i words', (text, n) => {
    expect(countWords(text)).toBe(n);
  });
});

describe('countSentences', () => {
  it.each([
    ['', 0],
    ['One sentence without a full stop', 1],
    ['First. Second! Third?', 3],
    ['It costs 3.5 marks. Pay now.', 2],
    ['See e.g. Art. 5 of the code. Then pay.', 2],
    ['Dr. Lee arrived. He paid.', 2],
    ['He left... Then he came back.', 2],
    ['"Stop." She did.', 2],
    ['灯笼移动两格。河流阻挡斜走！对吗？', 3],
    ['第一句。Second sentence.', 2],
    ['## Decision\nGranted\n\nThe levy is 81 marks.', 3],
    ['- one\n- two\n- three', 3],
    ['It is 14. the rest is lower case', 1],
    ['...', 0],
  ])('%j has %i sentences', (text, n) => {
    expect(countSentences(text)).toBe(n);
  });

  it('splits at the right places', () => {
    expect(splitSentences('A first one. A second one!')).toEqual(['A first one.', 'A second one!']);
  });
});

describe('words / sentences checks', () => {
  it('min and max, with edges', () => {
    const check = { type: 'words' as const, min: 3, max: 5 };
    expect(runCheck(check, 'one two').pass).toBe(false);
    expect(runCheck(check, 'one two three').pass).toBe(true);
    expect(runCheck(check, 'one two three four five').pass).toBe(true);
    expect(runCheck(check, 'one two three four five six').pass).toBe(false);
  });

  it('explains counts in the reason', () => {
    expect(runCheck({ type: 'words', max: 5 }, 'one two three four five six')).toEqual({
      pass: false,
      reason: '6 words, more than allowed (at most 5)',
    });
    expect(runCheck({ type: 'words', min: 2 }, 'one')).toEqual({ pass: false, reason: '1 word, fewer than allowed (at least 2)' });
    expect(runCheck({ type: 'sentences', min: 2, max: 2 }, 'One. Two.')).toEqual({ pass: true, reason: '2 sentences (exactly 2)' });
    expect(runCheck({ type: 'sentences', min: 1, max: 3 }, 'A. B. C. D.').reason).toBe('4 sentences, more than allowed (1-3)');
  });

  it('counts CJK answers sensibly', () => {
    expect(runCheck({ type: 'words', max: 10 }, '灯笼移动两格。').pass).toBe(true);
    expect(runCheck({ type: 'words', max: 5 }, '灯笼移动两格。').pass).toBe(false);
    expect(runCheck({ type: 'sentences', max: 1 }, '灯笼移动两格。河流阻挡斜走。').pass).toBe(false);
  });
});
