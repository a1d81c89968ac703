// Display width of text in terminal columns, consistent with string-width (what Ink measures
// with), with an ASCII fast path and a per-code-point cache for everything else.
import stringWidth from 'string-width';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/**
 * Characters that make a line need grapheme segmentation: combining marks, joiners, variation
 * selectors, surrogate pairs (emoji, rare CJK), regional indicators, Hangul jamo.
 */
// eslint-disable-next-line no-misleading-character-class -- the class lists joiners and combining marks on purpose: any one of them makes a line complex
const COMPLEX = /[\p{M}\u200c\u200d\ufe00-\ufe0f\u1160-\u11ff\u{10000}-\u{10ffff}\ud800-\udfff]/u;

const bmpWidth = new Uint8Array(0x10000).fill(255);

/** Width of one BMP code unit that is not part of a cluster (cached). */
export function unitWidth(code: number): number {
  if (code >= 0x20 && code < 0x7f) return 1;
  let w = bmpWidth[code];
  if (w === 255) {
    w = stringWidth(String.fromCharCode(code));
    bmpWidth[code] = w;
  }
  return w;
}

/** True for text made only of printable ASCII (width = length). */
export function isPrintableAscii(text: string): boolean {
  return PRINTABLE_ASCII.test(text);
}

/** True when `text` needs grapheme segmentation to be measured or broken correctly. */
export function isComplex(text: string): boolean {
  return COMPLEX.test(text);
}

let segmenter: Intl.Segmenter | undefined;

/** Grapheme clusters of `text` (user-perceived characters). */
export function graphemes(text: string): string[] {
  if (!isComplex(text)) return Array.from(text);
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const out: string[] = [];
  for (const s of segmenter.segment(text)) out.push(s.segment);
  return out;
}

/** Width of a single grapheme cluster. */
export function graphemeWidth(g: string): number {
  if (g.length === 1) return unitWidth(g.charCodeAt(0));
  return stringWidth(g);
}

/** Display width of `text` in terminal columns (no newlines expected). */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  if (COMPLEX.test(text)) return stringWidth(text);
  let w = 0;
  for (let i = 0; i < text.length; i++) w += unitWidth(text.charCodeAt(i));
  return w;
}

/** Cut `text` to at most `width` columns, adding `ellipsis` when it was cut. */
export function truncateToWidth(text: string, width: number, ellipsis = '…'): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  const ew = displayWidth(ellipsis);
  const room = Math.max(0, width - ew);
  let w = 0;
  let out = '';
  for (const g of graphemes(text)) {
    const gw = graphemeWidth(g);
    if (w + gw > room) break;
    out += g;
    w += gw;
  }
  return ew <= width ? out + ellipsis : out;
}

/** Pad `text` with spaces on the right to exactly `width` columns (truncating when longer). */
export function padToWidth(text: string, width: number): string {
  const w = displayWidth(text);
  if (w > width) return truncateToWidth(text, width);
  return text + ' '.repeat(width - w);
}

/** Display column of UTF-16 offset `offset` inside `text`. */
export function columnAt(text: string, offset: number): number {
  return displayWidth(text.slice(0, offset));
}
