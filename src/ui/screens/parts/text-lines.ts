// Small texts (prompts, answers, rubric items) as display rows: sanitized, wrapped to a width,
// cut to a number of rows. Long contexts go through the reader instead.
import { sanitize, sanitizeInline } from '../../../core/text/sanitize.js';
import { truncateToWidth } from '../../../core/text/width.js';
import { wrapLine } from '../../../core/text/wrap.js';

/** `text` sanitized and wrapped to `width` columns, one string per row. */
export function wrapPlain(text: string, width: number): string[] {
  const w = Math.max(1, Math.floor(width));
  const out: string[] = [];
  for (const line of sanitize(text).split('\n')) {
    for (const seg of wrapLine(line, w)) out.push(seg.text);
  }
  return out;
}

/** At most `max` rows; when cut, the last row ends with `more` (e.g. "…"). */
export function clampRows(rows: string[], max: number, width: number, more = '…'): string[] {
  if (max <= 0) return [];
  if (rows.length <= max) return rows;
  const kept = rows.slice(0, max);
  kept[max - 1] = truncateToWidth(`${kept[max - 1]} ${more}`.trimStart(), width, '…');
  if (kept[max - 1]!.trim() === '…') kept[max - 1] = more;
  return kept;
}

/**
 * A window of `max` rows starting at `top` (clamped). When the rows do not fit, the last row
 * says where the window is and which keys scroll it, so the whole text is reachable.
 */
export function scrollRows(rows: string[], top: number, max: number, width: number, keys: string): { rows: string[]; top: number; maxTop: number } {
  if (max <= 0) return { rows: [], top: 0, maxTop: 0 };
  if (rows.length <= max) return { rows, top: 0, maxTop: 0 };
  const body = Math.max(1, max - 1);
  const maxTop = Math.max(0, rows.length - body);
  const t = Math.max(0, Math.min(top, maxTop));
  const shown = rows.slice(t, t + body);
  const where = `${t + 1}-${t + shown.length} of ${rows.length} rows`;
  const arrow = t === 0 ? '▼' : t >= maxTop ? '▲' : '▲▼';
  shown.push(truncateToWidth(`${arrow} ${where} · ${keys}`, Math.max(1, width)));
  return { rows: shown, top: t, maxTop };
}

/** One row: sanitized, newlines shown as ⏎, cut to `width`. */
export function oneRow(text: string, width: number): string {
  return truncateToWidth(sanitizeInline(text.trim()).replace(/\s+/g, ' '), Math.max(1, width));
}

/** Trims trailing blank rows. */
export function trimEnd(rows: string[]): string[] {
  let n = rows.length;
  while (n > 0 && rows[n - 1]!.trim() === '') n--;
  return rows.slice(0, n);
}

/** "12.3k" / "850" / "1.2M" characters. */
export function shortCount(n: number): string {
  if (n < 1000) return String(n);
  if (n < 1_000_000) return `${(n / 1000).toFixed(n < 10_000 ? 1 : 0)}k`;
  return `${(n / 1_000_000).toFixed(1)}M`;
}
