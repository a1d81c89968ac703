// Case-insensitive search over a wrapped text: each hit as (row, column) on the wrapped rows,
// plus its source position. Queries do not span lines. Pure.
import { displayWidth } from './width.js';
import type { WrappedText } from './wrap.js';

export interface SearchMatch {
  /** Source line index and UTF-16 offset/length in that line. */
  src: number;
  offset: number;
  length: number;
  /** First wrapped row showing the hit, its display column there and the highlighted width
   *  on that row (a hit that wraps is highlighted on its first row only). */
  row: number;
  col: number;
  width: number;
}

export interface SearchResult {
  query: string;
  matches: SearchMatch[];
  /** Total number of hits (may exceed matches.length when truncated). */
  count: number;
  truncated: boolean;
}

export const EMPTY_SEARCH: SearchResult = { query: '', matches: [], count: 0, truncated: false };

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Find `query` (case-insensitive, literal) in `doc`; at most `limit` positions are kept. */
export function searchText(doc: WrappedText, query: string, options: { limit?: number } = {}): SearchResult {
  const q = query.replace(/\n/g, ' ');
  if (!q) return { ...EMPTY_SEARCH, query };
  const limit = options.limit ?? 10_000;
  const re = new RegExp(escapeRegExp(q), 'giu');
  const matches: SearchMatch[] = [];
  let count = 0;
  const src = doc.sourceLines;
  for (let s = 0; s < src.length; s++) {
    const line = src[s];
    if (line.length < q.length / 2) continue;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(line)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      count++;
      if (matches.length < limit) matches.push(place(doc, s, m.index, m[0].length));
    }
  }
  return { query, matches, count, truncated: count > matches.length };
}

function place(doc: WrappedText, src: number, offset: number, length: number): SearchMatch {
  const from = doc.firstRow[src];
  const to = doc.firstRow[src + 1];
  let row = to - 1;
  for (let r = from; r < to; r++) {
    if (offset < doc.lines[r].end) {
      row = r;
      break;
    }
  }
  const seg = doc.lines[row];
  const textEnd = seg.offset + seg.text.length;
  const start = Math.min(Math.max(offset, seg.offset), textEnd);
  const stop = Math.min(offset + length, textEnd);
  const col = displayWidth(seg.text.slice(0, start - seg.offset));
  const width = stop > start ? displayWidth(seg.text.slice(start - seg.offset, stop - seg.offset)) : 0;
  return { src, offset, length, row, col, width };
}

/** Index of the first match at or after `row` (wrapping to 0), or -1 when there are none. */
export function matchAtOrAfter(result: SearchResult, row: number): number {
  const ms = result.matches;
  if (ms.length === 0) return -1;
  const i = matchAtOrAfterExact(ms, row);
  return i < ms.length ? i : 0;
}

/** Matches whose row lies in [fromRow, toRow). */
export function matchesInRows(result: SearchResult, fromRow: number, toRow: number): SearchMatch[] {
  const ms = result.matches;
  let i = matchAtOrAfterExact(ms, fromRow);
  const out: SearchMatch[] = [];
  while (i < ms.length && ms[i].row < toRow) out.push(ms[i++]);
  return out;
}

/** Index of the first match at or after `row` (binary search; ms.length when none). */
function matchAtOrAfterExact(ms: readonly SearchMatch[], row: number): number {
  let lo = 0;
  let hi = ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms[mid].row < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
