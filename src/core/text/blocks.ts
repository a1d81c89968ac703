// The block structure the reader draws, line by line: code (fenced or indented) shown as written
// and never reflowed, block quotes drawn with a bar, list items with a bullet and a hanging indent,
// thematic breaks as a rule. Inline Markdown (inline-markup.ts) is parsed per line with
// mdast-util-from-markdown; the block level is read here with a few anchored regular expressions
// over the whole text, once per text (a 320,000-character context in a few milliseconds, where a
// full CommonMark parse takes seconds). Only what the reader needs is recognised: a quote marker,
// a list marker and indentation at the start of a line; everything else is left to the inline
// parse. Offsets are UTF-16 columns of the source line, so search, coverage and `seen` ranges keep
// mapping to the text.
import { displayWidth, truncateToWidth } from './width.js';
import { wrapLine, type WrappedLine, type WrappedText } from './wrap.js';

/** What a source line is, for drawing. */
export const LineKind = { text: 0, code: 1, fence: 2, rule: 3 } as const;
export type LineKindCode = (typeof LineKind)[keyof typeof LineKind];

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
/** Quote marks, indentation, then a list marker with its space (all optional). */
const PREFIX = /^((?: {0,3}>[ ]?)*)( *)((?:[-*+]|\d{1,9}[.)])(?: +|$))?/;
export const BULLETS = ['•', '◦', '▪'] as const;

/**
 * The kind of every source line: inside or on a code fence, indented code (4+ spaces after a
 * blank line, outside a list), a thematic break after a blank line, or text.
 */
export function lineKinds(lines: readonly string[]): Uint8Array {
  const out = new Uint8Array(lines.length);
  let open: string | null = null;
  let inList = false;
  let prevBlank = true;
  let prevCode = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = FENCE.exec(line);
    if (open) {
      out[i] = LineKind.code;
      if (m && m[1]![0] === open[0] && m[1]!.length >= open.length && line.trim() === m[1]) {
        out[i] = LineKind.fence;
        open = null;
      }
      prevBlank = false;
      continue;
    }
    if (m) {
      out[i] = LineKind.fence;
      open = m[1]!;
      prevBlank = false;
      continue;
    }
    const blank = line.trim() === '';
    const indent = /^ */.exec(line)![0].length;
    if (!blank && indent >= 4 && !inList && (prevBlank || prevCode)) {
      out[i] = LineKind.code;
      prevCode = true;
      prevBlank = false;
      continue;
    }
    if (blank) {
      // A blank line inside indented code belongs to it when more code follows; as text it
      // changes nothing, so it is left as text.
      prevBlank = true;
      continue;
    }
    prevCode = false;
    if (prevBlank && RULE.test(line)) out[i] = LineKind.rule;
    else if (LIST_ITEM.test(line)) inList = true;
    // A paragraph at the left margin ends the list (blank lines alone do not: items may be loose).
    else if (indent < 2 && !line.trimStart().startsWith('>')) inList = false;
    prevBlank = false;
  }
  return out;
}

/** The start of a line as the reader draws it: quote bars, indentation and a list marker. */
export interface LinePrefix {
  /** UTF-16 length (= display width: the prefix is ASCII) of the whole prefix. */
  length: number;
  /** Offsets of the quote marks (`>`), drawn as bars. */
  quotes: number[];
  /** The list marker: [from, to) without its space, a bullet or a number, and its nesting depth. */
  marker?: { from: number; to: number; bullet: boolean; depth: number };
}

export const NO_PREFIX: LinePrefix = { length: 0, quotes: [] };

/** Quote marks, indentation and a list marker at the start of `line` (a text line). */
export function linePrefix(line: string): LinePrefix {
  const c = line.charCodeAt(0);
  // Fast path: most lines start with a letter.
  if (c !== 32 && c !== 62 && c !== 45 && c !== 42 && c !== 43 && !(c >= 48 && c <= 57)) return NO_PREFIX;
  const m = PREFIX.exec(line);
  if (!m || m[0].length === 0) return NO_PREFIX;
  const quotes: number[] = [];
  for (let i = 0; i < m[1]!.length; i++) if (m[1]![i] === '>') quotes.push(i);
  const out: LinePrefix = { length: m[0].length, quotes };
  if (m[3]) {
    const from = m[1]!.length + m[2]!.length;
    const mark = m[3].trimEnd();
    // Nesting by indentation: two or more columns per level, as lists are usually written.
    out.marker = { from, to: from + mark.length, bullet: /^[-*+]$/.test(mark), depth: Math.floor(m[2]!.length / 2) };
  }
  return out;
}

/** What continuation rows of a line with this prefix draw before their text: bars and spaces. */
export function leadOf(prefix: LinePrefix): string {
  let s = '';
  for (let i = 0; i < prefix.length; i++) s += prefix.quotes.includes(i) ? '│' : ' ';
  return s;
}

/**
 * Re-lay the rows of `doc` for Markdown blocks: code and fence lines become one row each,
 * clipped at the width (`clip`) - never reflowed, indentation kept; a rule is one row of `─`; a
 * wrapped line of a list item or quote continues under its text (hanging indent, quote bars in
 * `lead`). Other rows are kept as wrapped.
 */
export function layoutBlocks(doc: WrappedText, kinds: Uint8Array): WrappedText {
  const src = doc.sourceLines;
  const w = doc.width;
  const lines: WrappedLine[] = [];
  const firstRow = new Int32Array(src.length + 1);
  let changed = false;
  for (let s = 0; s < src.length; s++) {
    firstRow[s] = lines.length;
    const from = doc.firstRow[s]!;
    const to = doc.firstRow[s + 1]!;
    const line = src[s]!;
    const kind = kinds[s];
    if (kind === LineKind.code || kind === LineKind.fence) {
      changed = true;
      const width = displayWidth(line);
      if (width <= w) lines.push({ text: line, offset: 0, end: line.length, width, src: s });
      else {
        const text = truncateToWidth(line, Math.max(0, w - 1), '');
        lines.push({ text, offset: 0, end: line.length, width: displayWidth(text), src: s, clip: true });
      }
      continue;
    }
    if (kind === LineKind.rule) {
      changed = true;
      const text = '─'.repeat(Math.max(1, Math.min(w, 60)));
      lines.push({ text, offset: 0, end: line.length, width: text.length, src: s, display: true });
      continue;
    }
    if (to - from > 1) {
      const prefix = linePrefix(line);
      if (prefix.length > 0 && prefix.length <= w / 2 && prefix.length < line.length) {
        changed = true;
        const lead = leadOf(prefix);
        const p = prefix.length;
        wrapLine(line.slice(p), w - p).forEach((seg, i) => {
          if (i === 0) lines.push({ text: line.slice(0, p) + seg.text, offset: 0, end: p + seg.end, width: p + seg.width, src: s });
          else lines.push({ text: seg.text, offset: p + seg.offset, end: p + seg.end, width: seg.width, src: s, lead });
        });
        continue;
      }
    }
    for (let r = from; r < to; r++) lines.push(doc.lines[r]!);
  }
  firstRow[src.length] = lines.length;
  return changed ? { ...doc, lines, firstRow } : doc;
}

/** A block the reader can open full width: a table or a code block, as source lines [from, to). */
export interface WideBlock {
  kind: 'table' | 'code';
  from: number;
  to: number;
}

/** Code blocks (runs of code and fence lines) as source line ranges. */
export function codeBlocks(kinds: Uint8Array): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < kinds.length; i++) {
    if (kinds[i] !== LineKind.code && kinds[i] !== LineKind.fence) continue;
    let j = i + 1;
    // A fence line closes its block; the next fence opens another.
    if (kinds[i] === LineKind.fence) {
      while (j < kinds.length && kinds[j] === LineKind.code) j++;
      if (j < kinds.length && kinds[j] === LineKind.fence) j++;
    } else while (j < kinds.length && kinds[j] === LineKind.code) j++;
    out.push([i, j]);
    i = j - 1;
  }
  return out;
}
