import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { rowForSource, wrapLine, wrapText } from '../../../src/core/text/wrap.js';
import { displayWidth, truncateToWidth, padToWidth } from '../../../src/core/text/width.js';

/** Every row fits, and rows cover the line exactly (hanging spaces only at breaks). */
function checkLine(line: string, width: number) {
  const segs = wrapLine(line, width);
  let pos = 0;
  for (const s of segs) {
    expect(s.offset).toBe(pos);
    expect(line.slice(s.offset, s.offset + s.text.length)).toBe(s.text);
    expect(line.slice(s.offset + s.text.length, s.end).trim()).toBe('');
    expect(stringWidth(s.text)).toBe(s.width);
    expect(s.width).toBeLessThanOrEqual(width);
    pos = s.end;
  }
  expect(pos).toBe(line.length);
  return segs;
}

describe('displayWidth', () => {
  it('agrees with string-width on ASCII, CJK, emoji and combining marks', () => {
    for (const s of ['hello', '中文字符', 'Ａ全角', '😀 ok', '👨‍👩‍👧 family', 'e\u0301te\u0301', '🇫🇷', '한국어', '✓ ✗ … ?', '😀😀', 'a😀b']) {
      expect(displayWidth(s)).toBe(stringWidth(s));
    }
  });

  it('truncates and pads by columns', () => {
    expect(truncateToWidth('中文中文', 5)).toBe('中文…');
    expect(displayWidth(truncateToWidth('中文中文', 5))).toBeLessThanOrEqual(5);
    expect(padToWidth('中', 4)).toBe('中  ');
    expect(truncateToWidth('short', 10)).toBe('short');
  });
});

describe('wrapLine', () => {
  it('wraps ASCII at spaces', () => {
    const segs = checkLine('the quick brown fox jumps over the lazy dog', 10);
    expect(segs.map((s) => s.text)).toEqual(['the quick', 'brown fox', 'jumps over', 'the lazy', 'dog']);
  });

  it('breaks an overlong word hard', () => {
    const segs = checkLine('a ' + 'x'.repeat(25) + ' b', 10);
    expect(segs.map((s) => s.text)).toEqual(['a', 'x'.repeat(10), 'x'.repeat(10), 'xxxxx b']);
  });

  it('keeps an empty line as one empty row', () => {
    expect(wrapLine('', 10)).toEqual([{ text: '', offset: 0, end: 0, width: 0 }]);
  });

  it('breaks CJK anywhere, counting two columns each', () => {
    const line = '这是一个很长的中文句子，用来测试换行是否正确。';
    const segs = checkLine(line, 10);
    expect(segs.every((s) => s.width <= 10)).toBe(true);
    expect(segs[0].width).toBe(10);
    expect(segs.map((s) => s.text).join('')).toBe(line);
  });

  it('never splits an emoji or a combining sequence', () => {
    const line = '👨‍👩‍👧 e\u0301e\u0301e\u0301 😀😀😀😀😀😀 done 😀😀😀😀😀😀😀😀';
    const segs = checkLine(line, 5);
    for (const s of segs) {
      // no lone surrogates or dangling joiners at the edges
      // eslint-disable-next-line no-misleading-character-class -- each code unit is tested on its own
      expect(/^[\udc00-\udfff\u200d\u0301]/.test(s.text)).toBe(false);
      expect(/[\ud800-\udbff\u200d]$/.test(s.text)).toBe(false);
    }
  });

  it('wraps a line of plain emoji (surrogate pairs) by columns', () => {
    const segs = checkLine('😀😀😀😀😀😀😀 x', 5);
    expect(segs.map((s) => s.text)).toEqual(['😀😀', '😀😀', '😀😀', '😀 x']);
  });

  it('keeps its invariants on random mixes of ASCII, spaces, CJK, emoji and combining marks', () => {
    const pieces = ['a', 'word', ' ', '  ', '中', '文字', '😀', '👍🏽', 'e\u0301', '-', 'ＡＢ', 'longwordwithoutspaces'];
    let x = 42;
    const rnd = (n: number) => ((x = (x * 1103515245 + 12345) % 2147483648), x % n);
    for (let t = 0; t < 300; t++) {
      let line = '';
      const n = 1 + rnd(40);
      for (let i = 0; i < n; i++) line += pieces[rnd(pieces.length)];
      checkLine(line, 2 + rnd(30));
    }
  });

  it('mixes Latin and CJK', () => {
    checkLine('Model 模型 answered 回答了 the question 问题 correctly 正确地 today.', 12);
  });
});

describe('wrapText', () => {
  it('keeps source line and offset for every row', () => {
    const text = 'short\n' + 'word '.repeat(30).trim() + '\n\nlast line';
    const doc = wrapText(text, 20);
    expect(doc.sourceLines.length).toBe(4);
    expect(doc.lines[0]).toMatchObject({ text: 'short', src: 0, offset: 0 });
    const rowsOfLong = doc.lines.filter((l) => l.src === 1);
    expect(rowsOfLong.length).toBeGreaterThan(5);
    expect(doc.firstRow[2]).toBe(1 + rowsOfLong.length);
    expect(doc.lines[doc.firstRow[3]].text).toBe('last line');
    expect(doc.firstRow[4]).toBe(doc.lines.length);
    expect(rowForSource(doc, 1, 100)).toBe(doc.lines.findIndex((l) => l.src === 1 && l.offset <= 100 && 100 < l.end));
  });

  it('is cached per (text, width)', () => {
    const text = 'abc def '.repeat(100);
    expect(wrapText(text, 30)).toBe(wrapText(text, 30));
    expect(wrapText(text, 31)).not.toBe(wrapText(text, 30));
  });

  it('wraps 320,000 characters in tens of milliseconds', () => {
    const words = ['context', 'learning', 'benchmark', 'rule', 'the', 'a', 'procedure', 'system', '42', 'x'];
    let text = '';
    let i = 0;
    while (text.length < 320_000) {
      let line = '';
      const n = 5 + (i % 40);
      for (let k = 0; k < n; k++) line += words[(i * 7 + k) % words.length] + ' ';
      text += (i % 25 === 0 ? '## Section ' + i : line.trim()) + '\n';
      i++;
    }
    // Speed is `npm run bench`'s business; here the result of a CL-bench-sized wrap.
    const doc = wrapText(text + ' ', 80);
    expect(doc.lines.every((l) => l.width <= 80)).toBe(true);
  });

  it('wraps 320,000 CJK characters quickly', () => {
    const text = ('中文上下文学习测试，规则与程序。'.repeat(20) + '\n').repeat(1000);
    const doc = wrapText(text, 60);
    expect(doc.lines.every((l) => l.width <= 60)).toBe(true);
  });
});
