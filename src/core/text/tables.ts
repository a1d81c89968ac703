// GFM tables laid out to the reader's width: columns aligned, cells wrapped inside their column
// (display widths, so CJK cells line up), one table row never split across a wrapped prose row.
// When even the narrowest columns do not fit, rows are clipped with a marker (›).
// Cells are found by parsing the table block with mdast-util-from-markdown + GFM (escaped pipes
// and pipes in code are handled there); the layout only replaces the rows of the block.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Table } from 'mdast';
import { displayWidth, padToWidth, truncateToWidth } from './width.js';
import { wrapLine, type WrappedLine, type WrappedText } from './wrap.js';

const TABLE_LINE = /^\s{0,3}\|/;
const DELIMITER = /^\s{0,3}\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/;
const SEP = ' │ ';
/** A column is not narrowed below this (or its natural width, if smaller). */
const MIN_COL = 6;
export const CLIP_MARK = '›';

/** [from, to) source line ranges of GFM tables (a header row, then a delimiter row), outside `skip`. */
export function tableBlocks(lines: readonly string[], skip?: Uint8Array): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (skip?.[i] || !TABLE_LINE.test(lines[i]!) || !DELIMITER.test(lines[i + 1]!) || !lines[i + 1]!.includes('-')) continue;
    let j = i + 2;
    while (j < lines.length && TABLE_LINE.test(lines[j]!) && !skip?.[j]) j++;
    out.push([i, j]);
    i = j - 1;
  }
  return out;
}

/** The cells of each table line (null for the delimiter line), or null when it is not a table. */
function cellsOf(lines: readonly string[]): (string[] | null)[] | null {
  const block = lines.join('\n');
  const tree = fromMarkdown(block, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const table = tree.children.find((c): c is Table => c.type === 'table');
  if (!table) return null;
  const out: (string[] | null)[] = lines.map(() => null);
  for (const row of table.children) {
    const line = (row.position?.start.line ?? 1) - 1;
    out[line] = row.children.map((cell) => {
      const a = cell.children[0]?.position?.start.offset;
      const b = cell.children[cell.children.length - 1]?.position?.end.offset;
      return a === undefined || b === undefined ? '' : block.slice(a, b).trim();
    });
  }
  return out;
}

/** Column widths for `natural` widths in `width` columns, or null when they cannot fit. */
export function columnWidths(natural: number[], width: number): { widths: number[]; clipped: boolean } {
  const n = natural.length;
  const avail = width - SEP.length * (n - 1);
  const widths = natural.map((x) => Math.max(1, x));
  let total = widths.reduce((a, b) => a + b, 0);
  // Narrow the widest column, one column at a time, until it fits or nothing can give.
  while (total > avail) {
    let k = -1;
    for (let i = 0; i < n; i++) if (widths[i]! > Math.min(MIN_COL, natural[i]!) && (k < 0 || widths[i]! > widths[k]!)) k = i;
    if (k < 0) return { widths, clipped: true };
    widths[k]!--;
    total--;
  }
  return { widths, clipped: false };
}

/** The drawn rows of each source line of one table block at `width` columns (Infinity: natural
 *  column widths, each capped at `maxCol` with cells wrapped inside), or null when it is not a table. */
export function tableRows(block: readonly string[], width: number, maxCol = Infinity): { rows: string[][]; clipped: boolean } | null {
  let cells: (string[] | null)[] | null;
  try {
    cells = cellsOf(block);
  } catch {
    cells = null;
  }
  if (!cells) return null;
  const n = Math.max(...cells.map((c) => c?.length ?? 0));
  const natural = Array.from({ length: n }, (_, k) => Math.min(maxCol, Math.max(1, ...cells!.map((c) => displayWidth(c?.[k] ?? '')))));
  const { widths, clipped } = width === Infinity ? { widths: natural, clipped: false } : columnWidths(natural, width);
  const rows = cells.map((row) => {
    if (!row) return [widths.map((cw) => '─'.repeat(cw)).join('─┼─')];
    const wrapped = widths.map((cw, k) => wrapLine(row[k] ?? '', cw).map((seg) => seg.text));
    const height = Math.max(1, ...wrapped.map((c) => c.length));
    const out: string[] = [];
    for (let r = 0; r < height; r++) out.push(wrapped.map((c, k) => padToWidth(c[r] ?? '', widths[k]!)).join(SEP).trimEnd());
    return out;
  });
  return { rows, clipped };
}

/** Replace the rows of every table block in `doc` with a laid-out table. */
export function layoutTables(doc: WrappedText, skip?: Uint8Array): WrappedText {
  const src = doc.sourceLines;
  const blocks = tableBlocks(src, skip);
  if (blocks.length === 0) return doc;
  const w = doc.width;
  const laid = new Map<number, WrappedLine[]>();
  for (const [from, to] of blocks) {
    const t = tableRows(src.slice(from, to), w);
    if (!t) continue;
    t.rows.forEach((rows, i) => {
      const s = from + i;
      const len = src[s]!.length;
      laid.set(
        s,
        rows.map((text, r) => {
          const cut = t.clipped && displayWidth(text) > w;
          const shown = cut ? truncateToWidth(text, w - 1, '') : text;
          // A laid-out row is not a slice of its source line: it covers the whole line.
          return { text: shown, offset: r === 0 ? 0 : len, end: len, width: displayWidth(shown), src: s, display: true, ...(cut ? { clip: true } : {}) };
        }),
      );
    });
  }
  if (laid.size === 0) return doc;
  const lines: WrappedLine[] = [];
  const firstRow = new Int32Array(src.length + 1);
  for (let s = 0; s < src.length; s++) {
    firstRow[s] = lines.length;
    const own = laid.get(s);
    if (own) lines.push(...own);
    else for (let r = doc.firstRow[s]!; r < doc.firstRow[s + 1]!; r++) lines.push(doc.lines[r]!);
  }
  firstRow[src.length] = lines.length;
  return { ...doc, lines, firstRow };
}
