// The wide view: a table or code block that the pane clips, drawn whole and scrolled sideways.
// A table is laid out at its columns' natural widths (a very long cell wraps at WIDE_COL so one
// cell does not make the whole table a screen wide); code is shown as written.
import type { WideBlock } from '../../../core/text/blocks.js';
import { tableRows } from '../../../core/text/tables.js';
import { displayWidth, graphemes, graphemeWidth } from '../../../core/text/width.js';
import type { WrappedText } from '../../../core/text/wrap.js';

/** Columns a table cell may take in the wide view before it wraps. */
export const WIDE_COL = 60;

export interface WideView {
  block: WideBlock;
  /** The block's lines at full width. */
  lines: string[];
  /** Display width of the widest line. */
  width: number;
  /** First column and first line shown. */
  left: number;
  top: number;
}

/** The block drawn at full width, and its widest line. */
export function wideLines(doc: { wrapped: WrappedText }, block: WideBlock): { lines: string[]; width: number } {
  const src = doc.wrapped.sourceLines.slice(block.from, block.to);
  const lines = block.kind === 'table' ? (tableRows(src, Infinity, WIDE_COL)?.rows.flat() ?? src) : src;
  return { lines, width: Math.max(0, ...lines.map(displayWidth)) };
}

/**
 * Columns [left, left + width) of `text` (display columns; a wide character cut by an edge is
 * shown as a space), with whether text goes on past either edge.
 */
export function sliceColumns(text: string, left: number, width: number): { text: string; before: boolean; after: boolean } {
  let col = 0;
  let out = '';
  let after = false;
  for (const g of graphemes(text)) {
    const gw = graphemeWidth(g);
    const end = col + gw;
    if (end <= left) {
      col = end;
      continue;
    }
    if (col >= left + width) {
      after = true;
      break;
    }
    if (col < left || end > left + width) out += ' '.repeat(Math.min(end, left + width) - Math.max(col, left));
    else out += g;
    col = end;
    if (end > left + width) after = true;
  }
  return { text: out, before: left > 0 && displayWidth(text) > 0, after };
}
