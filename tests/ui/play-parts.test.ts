import { describe, expect, it } from 'vitest';
import { wrapText } from '../../src/core/text/wrap.js';
import { lineStarts, visibleCharSpan } from '../../src/ui/screens/parts/view-span.js';
import { clampRows, oneRow, shortCount, wrapPlain } from '../../src/ui/screens/parts/text-lines.js';
import { playLayout } from '../../src/ui/screens/Play.js';

describe('the part of the context on screen', () => {
  const text = 'alpha beta gamma delta\n\nepsilon\nzeta eta theta iota';
  it('maps wrapped rows to character offsets of the text', () => {
    const doc = wrapText(text, 11);
    expect(Array.from(lineStarts(doc.sourceLines))).toEqual([0, 23, 24, 32, text.length]);
    const all = visibleCharSpan(doc, 0, 100);
    expect(all).toEqual({ from: 0, to: text.length, total: text.length });
    // first row only: "alpha beta " (the line continues on the next row)
    const first = visibleCharSpan(doc, 0, 1);
    expect(text.slice(first.from, first.to)).toBe('alpha beta ');
    // a middle window
    const mid = visibleCharSpan(doc, 2, 3);
    expect(text.slice(mid.from, mid.to)).toBe('\nepsilon\nzeta eta ');
  });
  it('is the same text span at another width for the whole text', () => {
    expect(visibleCharSpan(wrapText(text, 5), 0, 1000)).toEqual(visibleCharSpan(wrapText(text, 40), 0, 1000));
  });
});

describe('small text rows', () => {
  it('sanitizes and wraps, CJK by width', () => {
    expect(wrapPlain('a\x1b[31mb', 20)).toEqual(['a␛[31mb']);
    expect(wrapPlain('港口税则港口税则', 8)).toEqual(['港口税则', '港口税则']);
  });
  it('clamps with a note on the last row', () => {
    expect(clampRows(['one', 'two', 'three'], 2, 20, '…more')).toEqual(['one', 'two …more']);
    expect(clampRows(['one'], 2, 20)).toEqual(['one']);
  });
  it('one row: newlines and runs of space folded, cut to the width', () => {
    expect(oneRow('a\n\nb   c', 10)).toBe('a⏎⏎b c');
    expect(oneRow('abcdefghij', 5)).toBe('abcd…');
  });
  it('short counts', () => {
    expect(shortCount(999)).toBe('999');
    expect(shortCount(12_345)).toBe('12k');
    expect(shortCount(1_500)).toBe('1.5k');
    expect(shortCount(2_300_000)).toBe('2.3M');
  });
});

describe('play layout', () => {
  it('side by side from 100 columns, stacked below; heights add up', () => {
    const wide = playLayout(120, 30);
    expect(wide.wide).toBe(true);
    expect(wide.readerWidth + 1 + wide.panelWidth).toBe(120);
    const narrow = playLayout(60, 20);
    expect(narrow.wide).toBe(false);
    expect(narrow.readerHeight + 1 + narrow.panelHeight).toBe(narrow.body);
  });
});
