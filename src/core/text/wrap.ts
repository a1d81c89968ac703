// Greedy word wrap of long text into rows of at most `width` columns.
// - printable-ASCII lines take a fast path (width = length, breaks found with lastIndexOf);
// - other lines are measured per code unit (cached widths) or, when they hold combining marks,
//   joiners or surrogate pairs (emoji), per grapheme cluster;
// - overlong words are broken hard; CJK (wide) characters may break anywhere;
// - spaces at a break hang at the end of the row and are not shown.
// Every row keeps its source line index and the UTF-16 range it covers in that line, so search
// hits and outline headings can be mapped to rows. Results are cached per (text, width).
import { graphemeWidth, isComplex, isPrintableAscii, unitWidth } from './width.js';

/** One row of a wrapped line. */
export interface WrapSegment {
  /** What to draw: the covered range without hanging spaces; never wider than the width
   *  (except a single character wider than the whole width). */
  text: string;
  /** Start of the covered range (UTF-16 offset into the source line). */
  offset: number;
  /** End of the covered range (exclusive); the next row starts here. */
  end: number;
  /** Display width of `text`. */
  width: number;
}

/** One wrapped row of a whole text. */
export interface WrappedLine extends WrapSegment {
  /** Index of the source line (split on "\n"). */
  src: number;
  /** The text is a layout of the source line (a table row), not a slice of it. */
  display?: boolean;
  /** The row was cut at the width (a code line, a table too wide): drawn with a marker. */
  clip?: boolean;
  /** Drawn before the text (a hanging indent, quote bars): not part of the source range. */
  lead?: string;
}

export interface WrappedText {
  /** The text that was wrapped (identity of the cache entry). */
  text: string;
  width: number;
  /** The text split on "\n". */
  sourceLines: string[];
  /** All rows, in order. */
  lines: WrappedLine[];
  /** firstRow[i] = index in `lines` of the first row of source line i; firstRow[n] = lines.length. */
  firstRow: Int32Array;
}

/** Wrap one line (no "\n") into rows of at most `width` columns. An empty line gives one empty row. */
export function wrapLine(line: string, width: number): WrapSegment[] {
  const w = Math.max(1, Math.floor(width));
  if (line.length <= w && isPrintableAscii(line)) return [{ text: line, offset: 0, end: line.length, width: line.length }];
  if (isPrintableAscii(line)) return wrapAscii(line, w);
  return wrapGeneral(line, w);
}

function wrapAscii(line: string, width: number): WrapSegment[] {
  const out: WrapSegment[] = [];
  const len = line.length;
  let pos = 0;
  while (pos < len) {
    if (len - pos <= width) {
      out.push({ text: line.slice(pos), offset: pos, end: len, width: len - pos });
      break;
    }
    const brk = line.lastIndexOf(' ', pos + width);
    let textEnd = brk;
    while (textEnd > pos && line.charCodeAt(textEnd - 1) === 32) textEnd--;
    if (brk > pos && textEnd > pos) {
      let next = brk + 1;
      while (next < len && line.charCodeAt(next) === 32) next++;
      out.push({ text: line.slice(pos, textEnd), offset: pos, end: next, width: textEnd - pos });
      pos = next;
    } else {
      out.push({ text: line.slice(pos, pos + width), offset: pos, end: pos + width, width });
      pos += width;
    }
  }
  if (out.length === 0) out.push({ text: '', offset: 0, end: 0, width: 0 });
  return out;
}

let segmenter: Intl.Segmenter | undefined;

function clusterEnds(line: string): Int32Array | null {
  if (!isComplex(line)) return null;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const ends: number[] = [];
  for (const s of segmenter.segment(line)) ends.push(s.index + s.segment.length);
  return Int32Array.from(ends);
}

function wrapGeneral(line: string, width: number): WrapSegment[] {
  const out: WrapSegment[] = [];
  const ends = clusterEnds(line);
  const len = line.length;
  let segStart = 0;
  let w = 0; // width of line[segStart, i)
  let brk = -1; // where the next row may start (a break opportunity) within this row
  let brkTextEnd = -1; // end of the visible text if we break at brk
  let brkWidth = 0; // width of line[segStart, brk)
  let brkTextWidth = 0; // width of line[segStart, brkTextEnd)
  let trailingSpaces = 0; // width of the space run just before i
  let k = 0; // cluster index when ends != null
  let i = 0;
  const emit = (end: number, textEnd: number, textWidth: number) => {
    out.push({ text: line.slice(segStart, textEnd), offset: segStart, end, width: textWidth });
  };
  while (i < len) {
    const j = ends ? ends[k++] : i + 1;
    const code = line.charCodeAt(i);
    const cw = ends && j - i > 1 ? graphemeWidth(line.slice(i, j)) : unitWidth(code);
    if (code === 32) {
      // A space never overflows: it hangs. A break may follow it.
      w += cw;
      trailingSpaces += cw;
      i = j;
      if (i >= len || line.charCodeAt(i) !== 32) {
        brk = i;
        brkWidth = w;
        brkTextEnd = spaceRunStart(line, i, segStart);
        brkTextWidth = w - trailingSpaces;
      }
      continue;
    }
    const wide = cw >= 2;
    if (wide && i > segStart && trailingSpaces === 0) {
      // CJK: a break is allowed before a wide character.
      brk = i;
      brkWidth = w;
      brkTextEnd = i;
      brkTextWidth = w;
    }
    if (w + cw > width && i > segStart) {
      if (brk > segStart) {
        emit(brk, brkTextEnd, brkTextWidth);
        segStart = brk;
        w -= brkWidth;
      } else {
        emit(i, i, w - trailingSpaces);
        segStart = i;
        w = 0;
      }
      brk = -1;
    }
    trailingSpaces = 0;
    w += cw;
    i = j;
    if (wide && i < len) {
      // ...and after it.
      brk = i;
      brkWidth = w;
      brkTextEnd = i;
      brkTextWidth = w;
    }
  }
  if (segStart < len || out.length === 0) emit(len, len - spaceRunLength(line, len, segStart), w - trailingSpaces);
  return out;
}

function spaceRunStart(line: string, end: number, floor: number): number {
  let s = end;
  while (s > floor && line.charCodeAt(s - 1) === 32) s--;
  return s;
}

function spaceRunLength(line: string, end: number, floor: number): number {
  return end - spaceRunStart(line, end, floor);
}

interface CacheEntry {
  sourceLines: string[];
  byWidth: Map<number, WrappedText>;
}

const MAX_TEXTS = 6;
const cache = new Map<string, CacheEntry>();

/** Split on "\n" (cached with the wrap results). */
export function sourceLinesOf(text: string): string[] {
  return entryFor(text).sourceLines;
}

function entryFor(text: string): CacheEntry {
  let e = cache.get(text);
  if (e) {
    // refresh LRU position
    cache.delete(text);
    cache.set(text, e);
    return e;
  }
  e = { sourceLines: text.split('\n'), byWidth: new Map() };
  cache.set(text, e);
  while (cache.size > MAX_TEXTS) cache.delete(cache.keys().next().value as string);
  return e;
}

/** Wrap a whole text (lines split on "\n") to `width` columns. Cached per (text, width). */
export function wrapText(text: string, width: number): WrappedText {
  const w = Math.max(1, Math.floor(width));
  const e = entryFor(text);
  const hit = e.byWidth.get(w);
  if (hit) return hit;
  const src = e.sourceLines;
  const lines: WrappedLine[] = [];
  const firstRow = new Int32Array(src.length + 1);
  for (let s = 0; s < src.length; s++) {
    firstRow[s] = lines.length;
    const line = src[s];
    if (line.length <= w && isPrintableAscii(line)) {
      lines.push({ text: line, offset: 0, end: line.length, width: line.length, src: s });
      continue;
    }
    for (const seg of wrapLine(line, w)) lines.push({ text: seg.text, offset: seg.offset, end: seg.end, width: seg.width, src: s });
  }
  firstRow[src.length] = lines.length;
  const result: WrappedText = { text, width: w, sourceLines: src, lines, firstRow };
  if (e.byWidth.size >= 4) e.byWidth.delete(e.byWidth.keys().next().value as number);
  e.byWidth.set(w, result);
  return result;
}

/** Row index showing UTF-16 `offset` of source line `src`. */
export function rowForSource(doc: WrappedText, src: number, offset = 0): number {
  const s = Math.max(0, Math.min(src, doc.sourceLines.length - 1));
  const from = doc.firstRow[s];
  const to = doc.firstRow[s + 1];
  for (let r = from; r < to; r++) {
    if (offset < doc.lines[r].end) return r;
  }
  return Math.max(from, to - 1);
}

/** Forget all cached wraps (tests, memory pressure). */
export function clearWrapCache(): void {
  cache.clear();
}
