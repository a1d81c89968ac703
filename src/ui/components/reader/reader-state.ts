// The context reader's state as a pure reducer (no React, no Ink): scroll position, the search
// prompt and its matches, the outline overlay. The document (sanitized, wrapped once per width,
// with its headings) is part of the state so every action is O(1) or O(matches).
import { reflowMarkdown } from '../../../core/text/reflow.js';
import type { Key } from 'ink';
import { sanitize } from '../../../core/text/sanitize.js';
import { wrapText, rowForSource, type WrappedText } from '../../../core/text/wrap.js';
import { outline, type Heading } from '../../../core/text/outline.js';
import { codeBlocks, layoutBlocks, LineKind, lineKinds, type WideBlock } from '../../../core/text/blocks.js';
import { layoutTables, tableBlocks } from '../../../core/text/tables.js';
import { wideLines, type WideView } from './wide-view.js';
export type { WideView } from './wide-view.js';
import { EMPTY_SEARCH, matchAtOrAfter, searchText, type SearchResult } from '../../../core/text/search.js';
import { commandFor } from '../../keys/bindings.js';

export interface ReaderDoc {
  /** The sanitized text that is shown (offsets in search hits and rows refer to it). */
  text: string;
  wrapped: WrappedText;
  headings: Heading[];
  /** Row of each heading at this width. */
  headingRows: number[];
  /** 1 for source lines of code (fenced or indented; drawn as written, never styled). */
  fenced: Uint8Array;
  /** The kind of each source line (text, code, fence, rule; see core/text/blocks.ts). */
  kinds: Uint8Array;
  /** Tables and code blocks cut at this width: the wide view opens them whole. */
  clipped: WideBlock[];
}

export interface ReaderState {
  doc: ReaderDoc;
  /** First row shown. */
  top: number;
  /** Rows of text shown (the reader's height minus its status line). */
  rows: number;
  search: {
    /** The prompt is open (the user is typing a query). */
    open: boolean;
    /** What is typed in the prompt. */
    input: string;
    result: SearchResult;
    /** Index into result.matches of the current match, -1 for none. */
    current: number;
  };
  outline: { open: boolean; index: number };
  /** A clipped table or code block opened full width, scrolled both ways (null: closed). */
  wide: WideView | null;
  /** Every query submitted, in order (a human baseline records its searches). */
  searches: { query: string; count: number }[];
  /** A short message for the status line until the next action (e.g. "no headings"). */
  notice?: string;
}

export type ReaderAction =
  | { type: 'scroll'; delta: number }
  | { type: 'page'; dir: 1 | -1 }
  | { type: 'halfPage'; dir: 1 | -1 }
  | { type: 'top' }
  | { type: 'bottom' }
  | { type: 'gotoRow'; row: number }
  | { type: 'gotoSource'; line: number; offset?: number }
  | { type: 'layout'; doc: ReaderDoc; rows: number }
  | { type: 'searchOpen' }
  | { type: 'searchInput'; value: string }
  /** Typed into the prompt: applied to the prompt as it is when the action runs, so keys that
   *  come faster than frames are never lost. */
  | { type: 'searchType'; text: string }
  | { type: 'searchBackspace' }
  | { type: 'searchSubmit'; query?: string }
  | { type: 'searchCancel' }
  | { type: 'searchClear' }
  | { type: 'nextMatch' }
  | { type: 'prevMatch' }
  | { type: 'outlineOpen' }
  | { type: 'outlineClose' }
  | { type: 'outlineMove'; delta: number }
  | { type: 'outlineJump'; index?: number }
  /** Open the first clipped block on screen full width. */
  | { type: 'wideOpen' }
  | { type: 'wideClose' }
  | { type: 'wideScroll'; dx?: number; dy?: number }
  | { type: 'wideEdge'; to: 'start' | 'end' };

const docCache = new Map<string, Map<number, ReaderDoc>>();
const sanitizedCache = new Map<string, { text: string; headings: Heading[]; fenced: Uint8Array; kinds: Uint8Array; blocks: WideBlock[] }>();

/** Sanitize, wrap and outline `text` for `width` columns (cached per text and width). */
export function prepareReaderDoc(text: string, width: number): ReaderDoc {
  const w = Math.max(1, Math.floor(width));
  let byWidth = docCache.get(text);
  const hit = byWidth?.get(w);
  if (hit) return hit;
  let base = sanitizedCache.get(text);
  if (!base) {
    // Undo the author's hard wrap so the text re-wraps cleanly to this width.
    const clean = reflowMarkdown(sanitize(text));
    const lines = clean.split('\n');
    const kinds = lineKinds(lines);
    const fenced = kinds.map((k) => (k === LineKind.code || k === LineKind.fence ? 1 : 0));
    const blocks: WideBlock[] = [
      ...tableBlocks(lines, fenced).map(([from, to]) => ({ kind: 'table' as const, from, to })),
      ...codeBlocks(kinds).map(([from, to]) => ({ kind: 'code' as const, from, to })),
    ].sort((a, b) => a.from - b.from);
    base = { text: clean, headings: outline(clean), fenced, kinds, blocks };
    sanitizedCache.set(text, base);
    if (sanitizedCache.size > 4) sanitizedCache.delete(sanitizedCache.keys().next().value as string);
  }
  // Tables are laid out to the width (aligned columns, wrapped cells) instead of wrapped as prose.
  // Code is clipped, never reflowed; list items and quotes wrap under their text.
  const wrapped = layoutTables(layoutBlocks(wrapText(base.text, w), base.kinds), base.fenced);
  const clipped = base.blocks.filter((b) => {
    for (let r = wrapped.firstRow[b.from]!; r < wrapped.firstRow[b.to]!; r++) if (wrapped.lines[r]!.clip) return true;
    return false;
  });
  const doc: ReaderDoc = {
    text: base.text,
    wrapped,
    headings: base.headings,
    headingRows: base.headings.map((h) => wrapped.firstRow[h.line]),
    fenced: base.fenced,
    kinds: base.kinds,
    clipped,
  };
  if (!byWidth) {
    byWidth = new Map();
    docCache.set(text, byWidth);
    if (docCache.size > 4) docCache.delete(docCache.keys().next().value as string);
  }
  byWidth.set(w, doc);
  return doc;
}

export function createReaderState(doc: ReaderDoc, rows: number): ReaderState {
  return {
    doc,
    top: 0,
    rows: Math.max(1, rows),
    search: { open: false, input: '', result: EMPTY_SEARCH, current: -1 },
    outline: { open: false, index: 0 },
    wide: null,
    searches: [],
  };
}

export function totalRows(s: ReaderState): number {
  return s.doc.wrapped.lines.length;
}

export function maxTop(s: ReaderState): number {
  return Math.max(0, totalRows(s) - s.rows);
}

function clampTop(s: ReaderState, top: number): number {
  return Math.max(0, Math.min(Math.round(top), maxTop(s)));
}

function withTop(s: ReaderState, top: number): ReaderState {
  const t = clampTop(s, top);
  return t === s.top ? s : { ...s, top: t };
}

/** Scroll so that `row` is visible; when it was not, put it a third of the way down. */
function reveal(s: ReaderState, row: number): ReaderState {
  if (row >= s.top && row < s.top + s.rows) return s;
  return withTop(s, row - Math.floor(s.rows / 3));
}

/** Source lines [from, to) on screen, and the total. */
export function visibleSourceRange(s: ReaderState): { from: number; to: number; total: number } {
  const lines = s.doc.wrapped.lines;
  const total = s.doc.wrapped.sourceLines.length;
  if (lines.length === 0) return { from: 0, to: 0, total };
  const first = lines[Math.min(s.top, lines.length - 1)];
  const last = lines[Math.min(s.top + s.rows, lines.length) - 1];
  return { from: first.src, to: last.src + 1, total };
}

/** "lines 12-40 of 5,210 · 3%" */
export function positionLabel(s: ReaderState): string {
  const { from, to, total } = visibleSourceRange(s);
  const rowsTotal = totalRows(s);
  const pct = rowsTotal <= s.rows ? 100 : Math.round((Math.min(s.top + s.rows, rowsTotal) / rowsTotal) * 100);
  return `lines ${from + 1}-${to} of ${total.toLocaleString('en-US')} · ${pct}%`;
}

/** Index of the heading at or above `row` (0 when none). */
function headingAt(doc: ReaderDoc, row: number): number {
  let idx = 0;
  for (let i = 0; i < doc.headingRows.length; i++) {
    if (doc.headingRows[i] <= row) idx = i;
    else break;
  }
  return idx;
}

export function readerReducer(state: ReaderState, a: ReaderAction): ReaderState {
  const s = state.notice !== undefined && a.type !== 'layout' ? { ...state, notice: undefined } : state;
  switch (a.type) {
    case 'scroll':
      return withTop(s, s.top + a.delta);
    case 'page':
      return withTop(s, s.top + a.dir * Math.max(1, s.rows - 1));
    case 'halfPage':
      return withTop(s, s.top + a.dir * Math.max(1, Math.floor(s.rows / 2)));
    case 'top':
      return withTop(s, 0);
    case 'bottom':
      return withTop(s, maxTop(s));
    case 'gotoRow':
      return withTop(s, a.row);
    case 'gotoSource':
      return withTop(s, rowForSource(s.doc.wrapped, a.line, a.offset ?? 0));
    case 'layout': {
      if (a.doc === s.doc && a.rows === s.rows) return s;
      // Keep the same source position at the top across a re-wrap.
      const oldLine = s.doc.wrapped.lines[s.top];
      let next: ReaderState = { ...s, doc: a.doc, rows: Math.max(1, a.rows) };
      if (a.doc !== s.doc) {
        const top = oldLine ? rowForSource(a.doc.wrapped, oldLine.src, oldLine.offset) : 0;
        const query = s.search.result.query;
        const result = query ? searchText(a.doc.wrapped, query) : EMPTY_SEARCH;
        const current = s.search.current >= 0 && result.matches.length ? Math.min(s.search.current, result.matches.length - 1) : -1;
        next = { ...next, top, search: { ...s.search, result, current } };
      }
      return withTop(next, next.top);
    }
    case 'searchOpen':
      return { ...s, outline: { ...s.outline, open: false }, search: { ...s.search, open: true, input: '' } };
    case 'searchInput':
      return { ...s, search: { ...s.search, input: a.value } };
    case 'searchType':
      return { ...s, search: { ...s.search, input: s.search.input + a.text } };
    case 'searchBackspace':
      return { ...s, search: { ...s.search, input: dropLast(s.search.input) } };
    case 'searchCancel':
      return { ...s, search: { ...s.search, open: false, input: '' } };
    case 'searchClear':
      return { ...s, search: { open: false, input: '', result: EMPTY_SEARCH, current: -1 } };
    case 'searchSubmit': {
      const query = (a.query ?? s.search.input).trim();
      if (!query) return { ...s, search: { ...s.search, open: false } };
      const result = searchText(s.doc.wrapped, query);
      const current = matchAtOrAfter(result, s.top);
      const next: ReaderState = {
        ...s,
        search: { open: false, input: '', result, current },
        searches: [...s.searches, { query, count: result.count }],
      };
      return current >= 0 ? reveal(next, result.matches[current].row) : next;
    }
    case 'nextMatch':
    case 'prevMatch': {
      const ms = s.search.result.matches;
      if (ms.length === 0) return s;
      let current: number;
      const cur = s.search.current;
      const curVisible = cur >= 0 && ms[cur].row >= s.top && ms[cur].row < s.top + s.rows;
      if (a.type === 'nextMatch') {
        current = curVisible ? (cur + 1) % ms.length : matchAtOrAfter(s.search.result, s.top);
      } else if (curVisible) {
        current = (cur - 1 + ms.length) % ms.length;
      } else {
        const after = matchAtOrAfter(s.search.result, s.top);
        current = (after - 1 + ms.length) % ms.length;
      }
      return reveal({ ...s, search: { ...s.search, current } }, ms[current].row);
    }
    case 'outlineOpen':
      if (s.doc.headings.length === 0) return { ...s, notice: 'no headings in this text' };
      return { ...s, search: { ...s.search, open: false }, outline: { open: true, index: headingAt(s.doc, s.top) } };
    case 'outlineClose':
      return { ...s, outline: { ...s.outline, open: false } };
    case 'outlineMove': {
      const n = s.doc.headings.length;
      if (n === 0) return s;
      const index = Math.max(0, Math.min(n - 1, s.outline.index + a.delta));
      return { ...s, outline: { ...s.outline, index } };
    }
    case 'wideOpen': {
      const { top, rows } = s;
      const lines = s.doc.wrapped.lines;
      const block = s.doc.clipped.find((b) => s.doc.wrapped.firstRow[b.to]! > top && s.doc.wrapped.firstRow[b.from]! < Math.min(lines.length, top + rows));
      if (!block) return { ...s, notice: 'no clipped table or code on screen' };
      return { ...s, search: { ...s.search, open: false }, outline: { ...s.outline, open: false }, wide: { block, ...wideLines(s.doc, block), left: 0, top: 0 } };
    }
    case 'wideClose':
      return s.wide ? { ...s, wide: null } : s;
    case 'wideScroll': {
      if (!s.wide) return s;
      const v = s.wide;
      const left = Math.max(0, Math.min(v.left + (a.dx ?? 0), wideMaxLeft(v, s.doc.wrapped.width)));
      const top = Math.max(0, Math.min(v.top + (a.dy ?? 0), Math.max(0, v.lines.length - s.rows)));
      return left === v.left && top === v.top ? s : { ...s, wide: { ...v, left, top } };
    }
    case 'wideEdge':
      if (!s.wide) return s;
      return { ...s, wide: { ...s.wide, left: a.to === 'start' ? 0 : wideMaxLeft(s.wide, s.doc.wrapped.width) } };
    case 'outlineJump': {
      const index = a.index ?? s.outline.index;
      const row = s.doc.headingRows[index];
      if (row === undefined) return { ...s, outline: { ...s.outline, open: false } };
      return withTop({ ...s, outline: { open: false, index } }, row);
    }
  }
}

/** Which key contexts are active for the reader right now (for key hints and key routing). */
export function readerContexts(s: ReaderState): ('search' | 'outline' | 'wide' | 'clipped' | 'reader')[] {
  if (s.search.open) return ['search'];
  if (s.outline.open) return ['outline'];
  if (s.wide) return ['wide'];
  // The key that opens a clipped block is offered while one is on screen.
  return clippedOnScreen(s) ? ['clipped', 'reader'] : ['reader'];
}

/** A clipped table or code block has rows on screen. */
export function clippedOnScreen(s: ReaderState): boolean {
  const fr = s.doc.wrapped.firstRow;
  return s.doc.clipped.some((b) => fr[b.to]! > s.top && fr[b.from]! < s.top + s.rows);
}

/** How far the wide view scrolls right: its widest line's end at the pane's right edge. */
export function wideMaxLeft(v: WideView, width: number): number {
  // The view draws width - 2 columns: one each side for the ‹ › markers.
  return Math.max(0, v.width - Math.max(1, width - 2));
}

/**
 * The reader action a key press means when the reader has focus, or null when the key is not
 * the reader's (Tab, Ctrl+C, ? ... are left to the screen). While the search prompt is open,
 * every printable key edits the query.
 */
export function readerKeyAction(s: ReaderState, input: string, key: Key, raw?: string): ReaderAction | null {
  if (s.search.open) {
    const cmd = commandFor(['search'], input, key, raw, { typing: true });
    if (cmd === 'search.submit') return { type: 'searchSubmit' };
    if (cmd === 'search.cancel') return { type: 'searchCancel' };
    if (key.backspace || key.delete) return { type: 'searchBackspace' };
    if (key.ctrl && input === 'u') return { type: 'searchInput', value: '' };
    if (input && !key.ctrl && !key.meta && !key.tab && !key.return && !key.escape) {
      return { type: 'searchType', text: input.replace(/[\r\n\t]+/g, ' ').replace(/[\x00-\x1f\x7f]/g, '') };
    }
    return null;
  }
  if (s.wide) {
    const step = Math.max(4, Math.floor(s.doc.wrapped.width / 4));
    switch (commandFor(['wide'], input, key, raw)) {
      case 'wide.left':
        return { type: 'wideScroll', dx: -step };
      case 'wide.right':
        return { type: 'wideScroll', dx: step };
      case 'wide.up':
        return { type: 'wideScroll', dy: -1 };
      case 'wide.down':
        return { type: 'wideScroll', dy: 1 };
      case 'wide.start':
        return { type: 'wideEdge', to: 'start' };
      case 'wide.end':
        return { type: 'wideEdge', to: 'end' };
      case 'wide.close':
        return { type: 'wideClose' };
    }
    if (key.pageUp) return { type: 'wideScroll', dy: -Math.max(1, s.rows - 1) };
    if (key.pageDown) return { type: 'wideScroll', dy: Math.max(1, s.rows - 1) };
    return null;
  }
  if (s.outline.open) {
    switch (commandFor(['outline'], input, key, raw)) {
      case 'outline.up':
        return { type: 'outlineMove', delta: -1 };
      case 'outline.down':
        return { type: 'outlineMove', delta: 1 };
      case 'outline.jump':
        return { type: 'outlineJump' };
      case 'outline.close':
        return { type: 'outlineClose' };
    }
    if (key.pageUp) return { type: 'outlineMove', delta: -Math.max(1, s.rows - 1) };
    if (key.pageDown) return { type: 'outlineMove', delta: Math.max(1, s.rows - 1) };
    return null;
  }
  switch (commandFor(['clipped', 'reader', 'play'], input, key, raw)) {
    case 'reader.wide':
      // Without a clipped block on screen the letter is not the reader's (it goes to the answer).
      return clippedOnScreen(s) ? { type: 'wideOpen' } : null;
    case 'reader.up':
      return { type: 'scroll', delta: -1 };
    case 'reader.down':
      return { type: 'scroll', delta: 1 };
    case 'reader.pageUp':
      return { type: 'page', dir: -1 };
    case 'reader.pageDown':
      return { type: 'page', dir: 1 };
    case 'reader.halfUp':
      return { type: 'halfPage', dir: -1 };
    case 'reader.halfDown':
      return { type: 'halfPage', dir: 1 };
    case 'reader.top':
      return { type: 'top' };
    case 'reader.bottom':
      return { type: 'bottom' };
    case 'reader.search':
      return { type: 'searchOpen' };
    case 'reader.nextMatch':
      return { type: 'nextMatch' };
    case 'reader.prevMatch':
      return { type: 'prevMatch' };
    case 'reader.clearSearch':
      return s.search.result.query ? { type: 'searchClear' } : null;
    case 'reader.outline':
      return { type: 'outlineOpen' };
    default:
      return null;
  }
}

function dropLast(s: string): string {
  const chars = Array.from(s);
  chars.pop();
  return chars.join('');
}
