// `words` / `sentences`: length limits. Each Chinese or Japanese character (Han, Hiragana,
// Katakana) counts as one word, since those scripts do not separate words with spaces; Korean
// is counted by spaces like Latin text. A word is a run of letters/digits, joined by ' - . ,
// ("don't", "well-known", "1,250.5" are one word each); Markdown marks are not words.
// Sentences end at . ! ? … followed by a space or the end (not after "e.g.", "Dr." or before a
// lower-case word), at 。！？ anywhere, at blank lines, and at list items and headings.
import type { Check } from '../scenario/schema.js';
import { fail, pass, type CheckResult } from './result.js';

type LimitCheck = Extract<Check, { type: 'words' | 'sentences' }>;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC]/gu;
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’\-.,][\p{L}\p{N}\p{M}]+)*/gu;

export function countWords(text: string): number {
  let cjk = 0;
  const rest = text.replace(CJK, () => {
    cjk++;
    return ' ';
  });
  return cjk + (rest.match(WORD)?.length ?? 0);
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'sr', 'jr', 'vs', 'e.g', 'i.e', 'cf', 'no', 'art', 'fig', 'approx', 'inc', 'ltd', 'co', 'al', 'ca', 'nr', 'sec', 'vol', 'p', 'pp',
]);

/** Splits text into sentences (see the file comment); fragments without a letter or digit are dropped. */
export function splitSentences(text: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) blocks.push(current.join('\n'));
    current = [];
  };
  // Blank lines end a block; list items and headings start one; a heading is a block of its own.
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (!line.trim()) flush();
    else if (/^[ \t]*#{1,6}[ \t]/.test(line)) {
      flush();
      blocks.push(line);
    } else {
      if (/^[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]/.test(line)) flush();
      current.push(line);
    }
  }
  flush();
  const out: string[] = [];
  for (const block of blocks) {
    let start = 0;
    const ends = /[.!?…]+["'”’)\]]*(?=\s|$)|[。！？]+[」』”’）]*/g;
    for (const m of block.matchAll(ends)) {
      const end = m.index + m[0].length;
      if (m[0][0] === '.' && m[0].length === 1) {
        const word = /([\p{L}.]+)$/u.exec(block.slice(start, m.index))?.[1]?.toLowerCase();
        if (word && ABBREVIATIONS.has(word)) continue;
        if (/^\s+[\p{Ll}]/u.test(block.slice(end, end + 3))) continue;
      }
      out.push(block.slice(start, end));
      start = end;
    }
    out.push(block.slice(start));
  }
  return out.map((s) => s.trim()).filter((s) => /[\p{L}\p{N}]/u.test(s));
}

export function countSentences(text: string): number {
  return splitSentences(text).length;
}

function limits(check: LimitCheck): string {
  const { min, max } = check;
  if (min !== undefined && max !== undefined) return min === max ? `exactly ${min}` : `${min}-${max}`;
  if (min !== undefined) return `at least ${min}`;
  if (max !== undefined) return `at most ${max}`;
  return 'no limit';
}

function checkCount(check: LimitCheck, n: number, unit: string): CheckResult {
  const units = n === 1 ? unit : `${unit}s`;
  const allowed = limits(check);
  if (check.min !== undefined && n < check.min) return fail(`${n} ${units}, fewer than allowed (${allowed})`);
  if (check.max !== undefined && n > check.max) return fail(`${n} ${units}, more than allowed (${allowed})`);
  return pass(`${n} ${units} (${allowed})`);
}

export function checkWords(check: LimitCheck, answer: string): CheckResult {
  return checkCount(check, countWords(answer), 'word');
}

export function checkSentences(check: LimitCheck, answer: string): CheckResult {
  return checkCount(check, countSentences(answer), 'sentence');
}
