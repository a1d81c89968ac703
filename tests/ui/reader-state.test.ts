import { describe, expect, it } from 'vitest';
import {
  createReaderState,
  positionLabel,
  prepareReaderDoc,
  readerReducer,
  visibleSourceRange,
  type ReaderAction,
  type ReaderState,
} from '../../src/ui/components/reader/reader-state.js';

const text = Array.from({ length: 300 }, (_, i) => (i % 100 === 0 ? `# Part ${i / 100 + 1}` : `row ${i} ${i % 30 === 0 ? 'target ' : ''}` + 'filler '.repeat(i % 3 === 0 ? 15 : 1))).join('\n');

function run(s: ReaderState, ...actions: ReaderAction[]): ReaderState {
  return actions.reduce(readerReducer, s);
}

describe('readerReducer', () => {
  const doc = prepareReaderDoc(text, 40);
  const start = createReaderState(doc, 10);

  it('clamps scrolling to the text', () => {
    expect(run(start, { type: 'scroll', delta: -5 }).top).toBe(0);
    const end = run(start, { type: 'bottom' });
    expect(end.top).toBe(doc.wrapped.lines.length - 10);
    expect(run(end, { type: 'scroll', delta: 3 })).toBe(end); // unchanged state object
    expect(run(start, { type: 'page', dir: 1 }).top).toBe(9);
    expect(run(start, { type: 'halfPage', dir: 1 }).top).toBe(5);
  });

  it('jumps to a source line and reports the visible source range', () => {
    const s = run(start, { type: 'gotoSource', line: 150 });
    expect(doc.wrapped.lines[s.top].src).toBe(150);
    const r = visibleSourceRange(s);
    expect(r.from).toBe(150);
    expect(r.total).toBe(300);
    expect(positionLabel(s)).toMatch(/^lines 151-\d+ of 300 · \d+%$/);
  });

  it('searches from the current position, cycles with next/prev and records the query', () => {
    let s = run(start, { type: 'gotoSource', line: 100 }, { type: 'searchOpen' }, { type: 'searchInput', value: 'TARGET' }, { type: 'searchSubmit' });
    expect(s.search.open).toBe(false);
    expect(s.search.result.count).toBe(9);
    expect(s.search.result.matches[s.search.current].src).toBe(120); // first hit at or after the view (row 100 is a heading)
    expect(s.searches).toEqual([{ query: 'TARGET', count: 9 }]);
    s = run(s, { type: 'nextMatch' });
    expect(s.search.result.matches[s.search.current].src).toBe(150);
    const row = s.search.result.matches[s.search.current].row;
    expect(row).toBeGreaterThanOrEqual(s.top);
    expect(row).toBeLessThan(s.top + s.rows);
    s = run(s, { type: 'bottom' }, { type: 'nextMatch' });
    expect(s.search.result.matches[s.search.current].src).toBe(30); // wrapped around
    s = run(s, { type: 'prevMatch' });
    expect(s.search.result.matches[s.search.current].src).toBe(270);
    s = run(s, { type: 'searchClear' });
    expect(s.search.result.count).toBe(0);
  });

  it('opens the outline at the current section and jumps to a heading', () => {
    let s = run(start, { type: 'gotoSource', line: 150 }, { type: 'outlineOpen' });
    expect(s.outline).toEqual({ open: true, index: 1 });
    s = run(s, { type: 'outlineMove', delta: 5 }, { type: 'outlineJump' });
    expect(s.outline.open).toBe(false);
    expect(doc.wrapped.lines[s.top].src).toBe(200);
  });

  it('keeps the same place and the search across a re-wrap', () => {
    let s = run(start, { type: 'gotoSource', line: 210 }, { type: 'searchSubmit', query: 'target' });
    const src = doc.wrapped.lines[s.top].src;
    const narrow = prepareReaderDoc(text, 25);
    s = run(s, { type: 'layout', doc: narrow, rows: 6 });
    expect(s.rows).toBe(6);
    expect(narrow.wrapped.lines[s.top].src).toBe(src);
    expect(s.search.result.count).toBe(9);
    expect(s.search.result.matches[0].row).toBe(narrow.wrapped.firstRow[30]);
  });
});
