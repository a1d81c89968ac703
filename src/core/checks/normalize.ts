// Text normalization shared by the text checks: Unicode NFKC, typographic quotes and dashes
// folded to ASCII, case folded (unless caseSensitive) and whitespace runs folded to one space.
// So `Ｎｏｔ   “exempt”` and `not "exempt"` compare equal.

export interface NormalizeOptions {
  caseSensitive?: boolean;
}

const QUOTES: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"',
  '\u00AB': '"',
  '\u00BB': '"',
};
// Hyphen, non-breaking hyphen, figure dash, en dash, minus sign, small/full-width hyphen-minus.
const DASHES = /[\u2010\u2011\u2012\u2013\u2212\uFE63\uFF0D]/g;
// Zero-width characters and the soft hyphen never matter when comparing text.
// eslint-disable-next-line no-misleading-character-class -- each invisible character is removed on its own, joiners included
const INVISIBLE = /[\u00AD\u200B\u200C\u200D\u2060\uFEFF]/g;

export function normalize(text: string, options: NormalizeOptions = {}): string {
  let s = text.normalize('NFKC').replace(INVISIBLE, '');
  s = s.replace(/[\u2018\u2019\u201A\u201B\u2032\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, (c) => QUOTES[c] ?? c);
  s = s.replace(DASHES, '-');
  if (!options.caseSensitive) s = s.toLowerCase();
  return s.replace(/\s+/gu, ' ').trim();
}

/** A short, one-line quotation of (part of) an answer for a reason: `"..."`, at most `max` chars. */
export function quote(text: string, max = 60): string {
  const one = text.replace(/\s+/g, ' ').trim();
  const cut = one.length > max ? one.slice(0, max - 1).trimEnd() + '…' : one;
  return `"${cut}"`;
}

/** `a`, `a and b`, `a, b and c` - for listing values in a reason. */
export function listing(items: readonly string[], max = 4): string {
  if (items.length === 0) return '';
  if (items.length > max) return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
  if (items.length === 1) return items[0]!;
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A number as a person writes it: no float noise (0.1 + 0.2 -> 0.3). */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return String(Number(n.toPrecision(12)));
}
