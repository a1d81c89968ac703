// The rows of a (streaming) answer: sanitized and wrapped. While a reply streams only its tail is
// wrapped - the last characters that can fill the panel - so a long reply costs the same per
// frame as a short one.
import { sanitize } from '../../core/text/sanitize.js';
import { wrapLine } from '../../core/text/wrap.js';

export function wrapRows(text: string, width: number): string[] {
  const w = Math.max(1, Math.floor(width));
  const out: string[] = [];
  for (const line of sanitize(text).split('\n')) for (const seg of wrapLine(line, w)) out.push(seg.text);
  return out;
}

/** The last `rows` rows of `text` wrapped to `width`, wrapping only the tail. */
export function tailRows(text: string, width: number, rows: number): string[] {
  if (rows <= 0) return [];
  const budget = Math.max(256, rows * Math.max(1, width) * 2);
  let start = Math.max(0, text.length - budget);
  if (start > 0) {
    // Start at a line boundary when one is near, so wrapping matches the whole text's.
    const nl = text.lastIndexOf('\n', start);
    if (nl >= 0 && start - nl < budget) start = nl + 1;
  }
  const all = wrapRows(text.slice(start), width);
  return all.slice(Math.max(0, all.length - rows));
}
