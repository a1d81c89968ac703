// Which characters of the context the reader shows: [from, to) offsets into the displayed text,
// from the reader's top row and height. Width-independent, so "seen" survives a resize.
import { rowForSource, type WrappedText } from '../../../core/text/wrap.js';

const startsCache = new WeakMap<readonly string[], Int32Array>();

/** Offset of each source line's first character in the text (lines joined by "\n"). */
export function lineStarts(sourceLines: readonly string[]): Int32Array {
  let starts = startsCache.get(sourceLines);
  if (starts) return starts;
  starts = new Int32Array(sourceLines.length + 1);
  let pos = 0;
  for (let i = 0; i < sourceLines.length; i++) {
    starts[i] = pos;
    pos += sourceLines[i]!.length + 1;
  }
  starts[sourceLines.length] = Math.max(0, pos - 1);
  startsCache.set(sourceLines, starts);
  return starts;
}

export function visibleCharSpan(doc: WrappedText, top: number, rows: number): { from: number; to: number; total: number } {
  const starts = lineStarts(doc.sourceLines);
  const total = starts[doc.sourceLines.length]!;
  const lines = doc.lines;
  if (lines.length === 0 || total === 0) return { from: 0, to: 0, total };
  const first = lines[Math.max(0, Math.min(top, lines.length - 1))]!;
  const last = lines[Math.max(0, Math.min(top + rows, lines.length) - 1)]!;
  const from = starts[first.src]! + first.offset;
  // Include the newline after a fully shown source line.
  const lastLineLen = doc.sourceLines[last.src]!.length;
  const to = Math.min(total, starts[last.src]! + last.end + (last.end >= lastLineLen ? 1 : 0));
  return { from, to: Math.max(from, to), total };
}

/** The row showing character `at` of the displayed text (the inverse of `visibleCharSpan`'s from). */
export function rowAtChar(doc: WrappedText, at: number): number {
  const starts = lineStarts(doc.sourceLines);
  let lo = 0;
  let hi = doc.sourceLines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return rowForSource(doc, Math.max(0, lo), Math.max(0, at - starts[Math.max(0, lo)]!));
}
