import { describe, expect, it } from 'vitest';
import { codeBlocks, layoutBlocks, LineKind, lineKinds, linePrefix } from '../../../src/core/text/blocks.js';
import { searchText } from '../../../src/core/text/search.js';
import { displayWidth } from '../../../src/core/text/width.js';
import { wrapText } from '../../../src/core/text/wrap.js';

const { text: T, code: C, fence: F, rule: R } = LineKind;

describe('lineKinds', () => {
  it('marks fences, fenced code, indented code after a blank line, and rules', () => {
    const lines = ['Intro', '```js', '    const a = 1;', '```', '', '    indented code', '    more code', 'text', '', '---', 'para', '---'];
    expect([...lineKinds(lines)]).toEqual([T, F, C, F, T, C, C, T, T, R, T, T]);
  });

  it('keeps indented lines of a list as text (continuation, nested items)', () => {
    const lines = ['- item', '', '    continued paragraph of the item', '    - nested deeper', 'Back at the margin', '', '    now code'];
    expect([...lineKinds(lines)]).toEqual([T, T, T, T, T, T, C]);
  });

  it('groups code lines into blocks', () => {
    expect(codeBlocks(lineKinds(['a', '```', 'x', '```', '```', 'y', '```', '', '    z']))).toEqual([
      [1, 4],
      [4, 7],
      [8, 9],
    ]);
  });
});

describe('linePrefix', () => {
  it('reads quote marks, indentation and list markers with their depth', () => {
    expect(linePrefix('Plain text.')).toEqual({ length: 0, quotes: [] });
    expect(linePrefix('- a bullet')).toEqual({ length: 2, quotes: [], marker: { from: 0, to: 1, bullet: true, depth: 0 } });
    expect(linePrefix('    * nested')).toMatchObject({ length: 6, marker: { from: 4, bullet: true, depth: 2 } });
    expect(linePrefix('12. twelfth')).toMatchObject({ length: 4, marker: { from: 0, to: 3, bullet: false } });
    expect(linePrefix('> > quoted')).toEqual({ length: 4, quotes: [0, 2] });
    expect(linePrefix('> - item in a quote')).toMatchObject({ length: 4, quotes: [0], marker: { from: 2, to: 3 } });
    // Emphasis at the start of a line is not a list marker.
    expect(linePrefix('*word* first')).toEqual({ length: 0, quotes: [] });
  });
});

describe('layoutBlocks', () => {
  const long = '    if (lamp === GREEN) { return "the bath is live and the lid is locked while the cycle runs"; }';
  const text = [
    '```',
    long,
    '```',
    '- a list item long enough to wrap onto a second and a third row at this width',
    '> a quoted line long enough to wrap onto a second and a third row at this width',
    '1. first of a numbered list, with words enough to wrap below its text',
  ].join('\n');

  it('never reflows code: one row per line, indentation kept, clipped at the pane', () => {
    const doc = wrapText(text, 40);
    const kinds = lineKinds(doc.sourceLines);
    const laid = layoutBlocks(doc, kinds);
    const row = laid.lines[laid.firstRow[1]!]!;
    expect(laid.firstRow[2]! - laid.firstRow[1]!).toBe(1);
    expect(row.clip).toBe(true);
    expect(row.text.startsWith('    if (lamp')).toBe(true);
    expect(displayWidth(row.text)).toBe(39); // one column left for the marker
    // The row covers its whole source line (search and `seen` map to it).
    expect([row.offset, row.end]).toEqual([0, long.length]);
  });

  it('wraps list items and quotes under their text (hanging indent, quote bars)', () => {
    const laid = layoutBlocks(wrapText(text, 40), lineKinds(text.split('\n')));
    const rowsOf = (s: number) => laid.lines.slice(laid.firstRow[s]!, laid.firstRow[s + 1]!);
    const item = rowsOf(3);
    expect(item.length).toBeGreaterThan(1);
    expect(item[0]!.text.startsWith('- a list')).toBe(true);
    for (const r of item.slice(1)) {
      expect(r.lead).toBe('  ');
      expect(displayWidth(r.lead! + r.text)).toBeLessThanOrEqual(40);
    }
    expect(rowsOf(4).slice(1).every((r) => r.lead === '│ ')).toBe(true);
    expect(rowsOf(5).slice(1).every((r) => r.lead === '   ')).toBe(true);
    // Rows still cover their source line without gaps: offsets chain from 0 to the end.
    for (const s of [3, 4, 5]) {
      const rs = rowsOf(s);
      expect(rs[0]!.offset).toBe(0);
      for (let i = 1; i < rs.length; i++) expect(rs[i]!.offset).toBe(rs[i - 1]!.end);
      expect(rs.at(-1)!.end).toBe(laid.sourceLines[s]!.length);
    }
  });

  it('keeps search hits inside lists and code at their source offsets', () => {
    const laid = layoutBlocks(wrapText(text, 40), lineKinds(text.split('\n')));
    const hit = searchText(laid, 'third row').matches;
    expect(hit.map((m) => [m.src, m.offset])).toEqual([
      [3, text.split('\n')[3]!.indexOf('third row')],
      [4, text.split('\n')[4]!.indexOf('third row')],
    ]);
    const row = laid.lines[hit[0]!.row]!;
    expect(hit[0]!.offset).toBeGreaterThanOrEqual(row.offset);
    expect(hit[0]!.offset).toBeLessThan(row.end);
    expect(searchText(laid, 'cycle runs').matches[0]).toMatchObject({ src: 1, row: laid.firstRow[1] });
  });
});
