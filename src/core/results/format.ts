// How results print: percentages, durations, and fixed-width plain-text tables.
// Plain text on purpose: the same strings serve the terminal screen, pipes and the README.
// Cells hold names from merged saves (a player's name, a scenario title), so each is made inert
// before it is measured: an escape sequence shows as text and the columns still line up.
import { sanitizeInline } from '../text/sanitize.js';

export function pct(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined ? '-' : `${(x * 100).toFixed(digits)}%`;
}

export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '-';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

export function table(header: readonly string[], dirtyRows: readonly (readonly string[])[], alignRight: readonly boolean[] = []): string {
  const rows = dirtyRows.map((r) => r.map(sanitizeInline));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (alignRight[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
