import { describe, expect, it } from 'vitest';
import { matchAtOrAfter, matchesInRows, searchText } from '../../../src/core/text/search.js';
import { wrapText } from '../../../src/core/text/wrap.js';

describe('searchText', () => {
  it('finds case-insensitive matches with their wrapped row and column', () => {
    const text = 'Alpha beta\nthe BETA rule and the beta test\n\ngamma';
    const doc = wrapText(text, 12);
    const r = searchText(doc, 'beta');
    expect(r.count).toBe(3);
    expect(r.truncated).toBe(false);
    expect(r.matches.map((m) => [m.src, m.offset])).toEqual([
      [0, 6],
      [1, 4],
      [1, 22],
    ]);
    for (const m of r.matches) {
      const row = doc.lines[m.row];
      expect(row.src).toBe(m.src);
      expect(row.text.slice(m.offset - row.offset, m.offset - row.offset + 4).toLowerCase()).toBe('beta');
      expect(m.width).toBe(4);
    }
    // rows ascend
    expect(r.matches.map((m) => m.row)).toEqual([...r.matches.map((m) => m.row)].sort((a, b) => a - b));
  });

  it('counts display columns for CJK before the hit', () => {
    const doc = wrapText('中文 rule 中文RULE', 80);
    const r = searchText(doc, 'rule');
    expect(r.matches.map((m) => m.col)).toEqual([5, 14]);
  });

  it('treats the query literally (regex characters) and handles an empty query', () => {
    const doc = wrapText('cost is $5.00 (or more)? yes', 80);
    expect(searchText(doc, '$5.00 (or').count).toBe(1);
    expect(searchText(doc, '.').count).toBe(1);
    expect(searchText(doc, '').count).toBe(0);
  });

  it('keeps the count but limits stored matches', () => {
    const doc = wrapText('ab '.repeat(1000), 40);
    const r = searchText(doc, 'ab', { limit: 10 });
    expect(r.count).toBe(1000);
    expect(r.matches.length).toBe(10);
    expect(r.truncated).toBe(true);
  });

  it('finds the next match from a row and lists matches in a row range', () => {
    const doc = wrapText(Array.from({ length: 100 }, (_, i) => (i % 10 === 0 ? `hit ${i}` : `line ${i}`)).join('\n'), 40);
    const r = searchText(doc, 'hit');
    expect(r.count).toBe(10);
    expect(matchAtOrAfter(r, 15)).toBe(2);
    expect(matchAtOrAfter(r, 95)).toBe(0); // wraps around
    expect(matchesInRows(r, 10, 31).map((m) => m.row)).toEqual([10, 20, 30]);
  });

  // Its speed is measured by `npm run bench`; here, that every match of a large context is found.
  it('finds every match in 320,000 characters', () => {
    const text = 'The procedure says the reviewer must sign.\n'.repeat(7500);
    const doc = wrapText(text, 80);
    const r = searchText(doc, 'REVIEWER');
    expect(r.count).toBe(7500);
  });
});
