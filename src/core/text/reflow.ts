import { displayWidth } from './width.js';

// Undo an author's hard wrap so the reader can wrap to the terminal's width.
// Scenario files are often wrapped at ~100 columns; re-wrapped at 65 they turn ragged (a full
// line, then a stub). Markdown treats such single line breaks as spaces, so a line is joined to
// the previous one only when the previous line was evidently broken for width: the next word
// would not have fitted within the document's wrap column. Logs, tables, code, lists' starts,
// headings and short lines keep their breaks, and a text that shows no hard wrap is left alone.

const FENCE = /^\s{0,3}(```|~~~)/;
const HEADING = /^\s{0,3}#{1,6}\s/;
const TABLE_ROW = /^\s*\|/;
const LIST_ITEM = /^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s/;
const BLOCK_START = /^\s{0,3}(?:[-*+]\s|\d{1,3}[.)]\s|#{1,6}\s|>|\||```|~~~|<)/;

/** The column a text was hard-wrapped at, or 0 when it does not look hard-wrapped. */
export function wrapColumn(lines: readonly string[], minLines = 8): number {
  const lengths: number[] = [];
  let inFence = false;
  for (const l of lines) {
    if (FENCE.test(l)) inFence = !inFence;
    else if (!inFence && !/^\s*\|/.test(l)) {
      const width = displayWidth(l.trimEnd());
      if (width >= 40) lengths.push(width);
    }
  }
  if (lengths.length < minLines) return 0;
  lengths.sort((a, b) => a - b);
  const w = lengths[Math.floor(lengths.length * 0.95)]!;
  if (w < 50 || w > 140) return 0;
  // Hard-wrapped prose piles its lines up just under the wrap column.
  // (A short text, such as a task prompt, is judged line by line instead.)
  const near = lengths.filter((n) => n >= w - 15 && n <= w + 2).length;
  return lengths.length < 8 || near >= lengths.length * 0.3 ? w : 0;
}

/** Columns the next line's first word needs (a CJK character can start a line on its own). */
function firstWordWidth(line: string): number {
  const m = /^\s*(\S+)/.exec(line);
  if (!m) return 0;
  return CJK_START.test(m[1]!) ? displayWidth(m[1]!.slice(0, 1)) : displayWidth(m[1]!);
}

const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f';
const CJK_END = new RegExp(`[${CJK}]$`);
const CJK_START = new RegExp(`^[${CJK}]`);
const SENTENCE_END = /[.!?。！？:;][)"'’”]*$/;

/**
 * Which breaks of this block are wraps for width (true = join the lines)? A break is a wrap when
 * the next word would not have fitted; in Chinese, when it falls inside a sentence. A block is
 * reflowed only when at least half of its breaks are wraps - so a log or a list of short entries, where
 * a long line now and then passes the test by chance, keeps every break - and not when it reads
 * one entry per line: breaks mostly on sentence ends, or lines mostly starting with the same word.
 */
function wrapBreaks(block: readonly string[], w: number): boolean[] | null {
  const breaks = block.length - 1;
  const wraps: boolean[] = [];
  let atSentenceEnd = 0;
  for (let i = 1; i < block.length; i++) {
    const prev = block[i - 1]!.trimEnd();
    const next = block[i]!.trimStart();
    if (CJK_END.test(prev) && CJK_START.test(next)) {
      wraps.push(!/[。！？]$/.test(prev));
      continue;
    }
    if (SENTENCE_END.test(prev)) atSentenceEnd++;
    wraps.push(displayWidth(prev) + 1 + firstWordWidth(next) > w - 1);
  }
  const count = wraps.filter(Boolean).length;
  if (count === 0 || count * 2 < breaks) return null;
  if (breaks >= 2 && atSentenceEnd * 2 > breaks) return null;
  if (block.length >= 3) {
    const first = (l: string) => /^\s*(\S+)/.exec(l)?.[1] ?? '';
    const same = block.filter((l) => first(l) === first(block[0]!)).length;
    // Two lines of three starting alike ("A program ...", "A `#` starts ...") is prose, not a log.
    if (same >= 3 && same * 2 > block.length) return null;
  }
  return wraps;
}

/**
 * `text` with hard-wrapped paragraphs joined; unchanged when it shows no hard wrap. Blocks (a
 * paragraph, or a list item with its continuation lines) are judged by `wrapBreaks`.
 */
export function reflowMarkdown(text: string, opts: { minLines?: number } = {}): string {
  const lines = text.split('\n');
  const w = wrapColumn(lines, opts.minLines);
  if (!w) return text;
  const out: string[] = [];
  let block: string[] = [];
  const flush = () => {
    const wraps = block.length > 1 ? wrapBreaks(block, w) : null;
    if (!wraps) out.push(...block);
    else {
      let line = block[0]!.trimEnd();
      block.slice(1).forEach((l, i) => {
        const next = l.trim();
        if (!wraps[i]) {
          out.push(line);
          line = l.trimEnd();
        } else {
          // Chinese and Japanese put no space where a line was broken.
          line += CJK_END.test(line) && CJK_START.test(next) ? next : ` ${next}`;
        }
      });
      out.push(line);
    }
    block = [];
  };
  let inFence = false;
  let inList = false;
  for (const line of lines) {
    const fence = FENCE.test(line);
    if (fence) inFence = !inFence;
    if (fence || inFence) {
      flush();
      out.push(line);
      continue;
    }
    const blank = line.trim() === '';
    const indent = /^\s*/.exec(line)![0].length;
    if (blank) inList = false;
    else if (LIST_ITEM.test(line)) inList = true;
    const codeLike = indent >= 4 && !inList;
    if (blank || codeLike || HEADING.test(line) || TABLE_ROW.test(line)) {
      flush();
      out.push(line);
      continue;
    }
    // A new block starts at a list item, quote, HTML line, and so on; other lines continue one.
    if (BLOCK_START.test(line)) flush();
    block.push(line);
  }
  flush();
  return out.join('\n');
}

/** A task prompt with its author's hard wrap undone (prompts are short: judged line by line). */
export function reflowPrompt(prompt: string): string {
  const text = prompt.trim();
  return text ? reflowMarkdown(text, { minLines: 1 }) : '';
}
