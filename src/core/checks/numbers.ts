// Finds every number a person wrote in a text, the way a reader would: `1,250`, `1 250` (plain,
// thin or no-break space groups), `1'250`, `1.250.000`, `1.250,5`, `-3.5` and `−3.5` (Unicode
// minus), `2.1e3`, `2.1 × 10^3`, `2.1×10³`, `45%`, `45 percent`, full-width `１２`, and `3,5` as a
// decimal comma where no thousands reading fits. Ambiguous tokens keep their other readings in
// `alternatives` (`1 250` may be 1 and 250; `3,5` may be 3 and 5). Numbers in words and Chinese
// numerals come from number-words.ts (`twenty-four`, `二万一千四百八十`, `2.148万`, `百分之九`).
import { findWordNumbers, scaledChinese } from './number-words.js';

export interface NumberMatch {
  /** The value as most readers would take it. */
  value: number;
  /** Other plausible readings of the same characters. */
  alternatives: number[];
  /** The characters as written (full-width forms shown as ASCII), sign and % included. */
  text: string;
  /** Offset of `text` in the input. */
  index: number;
  percent: boolean;
}

interface Piece {
  value: number;
  alternatives: number[];
  start: number;
  end: number;
}

// Full-width ASCII (U+FF01-FF5E) and other decimal digit blocks, mapped one UTF-16 unit to one,
// so offsets in the mapped text are offsets in the input.
const DIGIT_BLOCKS = [0x0660, 0x06f0, 0x07c0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x0e50, 0x0ed0, 0x0f20, 0x1040];

function mapChars(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else if (c >= 0x0660 && c <= 0x1049) {
      const block = DIGIT_BLOCKS.find((b) => c >= b && c <= b + 9);
      out += block === undefined ? text[i] : String(c - block);
    } else out += text[i];
  }
  return out;
}

const SEP_CLASS = `[.,'\u2019_ \u00A0\u2009\u202F\u2007]`;
const RUN = new RegExp(`(?:\\.(?=\\d))?\\d+(?:${SEP_CLASS}\\d+)*`, 'g');
const GROUP_SEPS = `[,'\u2019_ \u00A0\u2009\u202F\u2007]`;
const GROUPED = new RegExp(`^(\\d{1,3})(${GROUP_SEPS})\\d{3}(?:\\2\\d{3})*(?:\\.(\\d+))?$`);
const GROUPED_COMMA_DECIMAL = new RegExp(`^\\d{1,3}([.'\u2019 \u00A0\u2009\u202F\u2007])\\d{3}(?:\\1\\d{3})*,\\d+$`);
const DOT_GROUPED = /^\d{1,3}(?:\.\d{3}){2,}$/;
const COMMA_DECIMAL = /^\d+,\d+$/;
const PLAIN = /^(?:\d+(?:\.\d+)?|\.\d+)$/;

const SIGNS = new Set(['-', '+', '\u2212', '\u2013', '\u2012', '\uFE63']);
const CURRENCY = /[$€£¥₹₩]/;
const SUPERSCRIPTS: Record<string, string> = {
  '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-', '⁺': '+',
};

function digitsOnly(s: string): number {
  return Number(s.replace(/[^\d.]/g, ''));
}

/** Splits a run of digits and separators into the numbers it stands for. */
function interpret(run: string, offset: number): Piece[] {
  const whole = (value: number, alternatives: number[] = []): Piece[] => [
    { value, alternatives, start: offset, end: offset + run.length },
  ];
  let m = GROUPED.exec(run);
  if (m) {
    const sep = m[2]!;
    const value = Number(run.split(sep).join(''));
    // A plain space may group thousands or separate two numbers: keep both readings.
    const alts = sep === ' ' ? split(run, ' ', offset).map((p) => p.value) : [];
    return whole(value, alts);
  }
  m = GROUPED_COMMA_DECIMAL.exec(run);
  if (m) {
    const sep = m[1]!;
    const [int, frac] = run.split(',') as [string, string];
    const value = Number(`${int.split(sep).join('')}.${frac}`);
    const alts = sep === ' ' ? split(run, ' ', offset).map((p) => p.value) : [];
    return whole(value, alts);
  }
  if (DOT_GROUPED.test(run)) return whole(Number(run.replace(/\./g, '')));
  if (COMMA_DECIMAL.test(run)) {
    const [a, b] = run.split(',') as [string, string];
    return whole(Number(`${a}.${b}`), [Number(a), Number(b)]);
  }
  if (PLAIN.test(run)) return whole(Number(run));
  for (const sep of [' ', ',', '\u00A0', '\u2009', '\u202F', '\u2007', '.', "'", '\u2019', '_']) {
    if (run.includes(sep)) return split(run, sep, offset);
  }
  return whole(digitsOnly(run));
}

function split(run: string, sep: string, offset: number): Piece[] {
  const out: Piece[] = [];
  let pos = 0;
  for (const part of run.split(sep)) {
    if (part) out.push(...interpret(part, offset + pos));
    pos += part.length + sep.length;
  }
  return out;
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}_)\]]/u.test(c);
}

/** Where a sign before `start` begins, or -1 when the character there is not a sign. */
function signAt(s: string, start: number): number {
  let i = start - 1;
  if (i >= 0 && CURRENCY.test(s[i]!)) i--;
  const c = s[i];
  if (c === undefined || !SIGNS.has(c)) return -1;
  const before = s[i - 1];
  if (before === undefined) return i;
  if (isWordChar(before)) return -1; // COVID-19, 2024-01-05, (a)-3
  if (/\s/.test(before)) {
    // `10 - 3` and `10 – 12` are an operation or a range, not a negative number; but in a row of
    // numbers a minus glued to its digits is a sign (`147 42 7 -18`).
    if (c === '-' || c === '\u2212') return i;
    let j = i - 1;
    while (j >= 0 && /\s/.test(s[j]!)) j--;
    if (j >= 0 && /[\d%)\]]/.test(s[j]!)) return -1;
  }
  return i;
}

/** A scientific-notation suffix right after a number: returns [exponent, length] or null. */
function exponentAt(s: string, end: number): [number, number] | null {
  const rest = s.slice(end, end + 40);
  let m = /^[eE]([+\-\u2212]?\d{1,3})(?![\p{L}\d])/u.exec(rest);
  if (m) return [Number(m[1]!.replace('\u2212', '-')), m[0].length];
  m = /^\s*[x×*·⋅]\s*10\s*(?:\^|\*\*)\s*(\(?)\s*([+\-\u2212]?\d{1,3})\s*\)?/.exec(rest);
  if (m) return [Number(m[2]!.replace('\u2212', '-')), m[0].length];
  m = /^\s*[x×*·⋅]\s*10([⁺⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)/.exec(rest);
  if (m) return [Number([...m[1]!].map((c) => SUPERSCRIPTS[c]).join('')), m[0].length];
  return null;
}

/** A bare power of ten (`10^3`, `10³`) right after "10": returns [exponent, length] or null. */
function powerAt(s: string, end: number): [number, number] | null {
  const rest = s.slice(end, end + 20);
  let m = /^(?:\^|\*\*)\(?([+\-\u2212]?\d{1,3})\)?/.exec(rest);
  if (m) return [Number(m[1]!.replace('\u2212', '-')), m[0].length];
  m = /^([⁺⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)/.exec(rest);
  if (m) return [Number([...m[1]!].map((c) => SUPERSCRIPTS[c]).join('')), m[0].length];
  return null;
}

function percentAt(s: string, end: number): number {
  const m = /^[ \u00A0\u2009\u202F]?[%٪]|^\s*(?:percent|per cent|pct)\b/i.exec(s.slice(end, end + 12));
  return m ? m[0].length : 0;
}

function scale(n: number, exp: number): number {
  return Number((n * 10 ** exp).toPrecision(15));
}

export function extractNumbers(text: string): NumberMatch[] {
  const s = mapChars(text);
  const out: NumberMatch[] = [];
  let consumed = 0; // an exponent or "%" read with the previous number is not a number itself
  for (const run of s.matchAll(RUN)) {
    if (run.index < consumed) continue;
    const pieces = interpret(run[0], run.index);
    pieces.forEach((p, k) => {
      let { value, alternatives } = p;
      let start = p.start;
      let end = p.end;
      if (k === 0) {
        const sign = signAt(s, start);
        if (sign >= 0) {
          if (s[sign] !== '+') {
            value = -value;
            alternatives = alternatives.map((a) => -a);
          }
          start = sign;
        }
      }
      let percent = false;
      if (k === pieces.length - 1) {
        const exp = s.slice(p.start, p.end) === '10' ? powerAt(s, end) : null;
        if (exp) {
          value = (value < 0 ? -1 : 1) * scale(1, exp[0]);
          alternatives = [];
          end += exp[1];
        } else {
          const e = exponentAt(s, end);
          if (e) {
            value = scale(value, e[0]);
            alternatives = [];
            end += e[1];
          }
        }
        const pc = percentAt(s, end);
        if (pc) {
          percent = true;
          end += pc;
        }
      }
      consumed = end;
      out.push({ value, alternatives, text: s.slice(start, end).trim(), index: start, percent });
    });
  }
  // 2.148万 replaces the 2.148 read above; words and Chinese numerals fill the gaps.
  const extra = [...scaledChinese(s), ...findWordNumbers(s)];
  let merged = out;
  for (const w of extra) {
    const overlaps = (m: NumberMatch) => m.index < w.end && w.start < m.index + m.text.length;
    const isScaled = /[万萬亿億]$/.test(w.text) && /\d/.test(w.text);
    if (!isScaled && merged.some(overlaps)) continue;
    if (isScaled) merged = merged.filter((m) => !overlaps(m));
    let end = w.end;
    let percent = w.percent;
    const pc = percent ? 0 : percentAt(s, end);
    if (pc) {
      percent = true;
      end += pc;
    }
    merged.push({ value: w.value, alternatives: [], text: s.slice(w.start, end).trim(), index: w.start, percent });
  }
  return merged.sort((a, b) => a.index - b.index);
}
