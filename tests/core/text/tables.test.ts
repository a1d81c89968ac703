import { describe, expect, it } from 'vitest';
import { columnWidths, layoutTables, tableBlocks } from '../../../src/core/text/tables.js';
import { displayWidth } from '../../../src/core/text/width.js';
import { wrapText } from '../../../src/core/text/wrap.js';

const TABLE = [
  'Before the table.',
  '',
  '| Lamp | Meaning | What to do |',
  '|------|---------|------------|',
  '| GREEN, steady | RUN in progress. The bath is live and the lid is locked. | Never try to open the lid. Wait for the cycle to end and the lamp to go amber. |',
  '| 红灯 | 故障：浴槽温度超出范围，系统已停止加热。 | 记录代码，然后呼叫值班工程师。 |',
  '',
  'After the table.',
];

/** Column starts of the separators in a row ("│" positions, in display columns). */
function bars(row: string): number[] {
  const out: number[] = [];
  let col = 0;
  for (const ch of row) {
    if (ch === '│' || ch === '┼') out.push(col);
    col += displayWidth(ch);
  }
  return out;
}

describe('tables in the reader', () => {
  it('finds GFM tables by their delimiter row', () => {
    expect(tableBlocks(TABLE)).toEqual([[2, 6]]);
    expect(tableBlocks(['| not a table |', 'text'])).toEqual([]);
  });

  it.each([120, 60])('lays a wide 3-column table out in %i columns: aligned cells, wrapped inside their column, no row wider than the pane', (width) => {
    const doc = layoutTables(wrapText(TABLE.join('\n'), width));
    const rows = doc.lines.filter((l) => l.display).map((l) => l.text);
    expect(rows.length).toBeGreaterThan(4);
    for (const r of rows) expect(displayWidth(r)).toBeLessThanOrEqual(width);
    // Every row with all its separators has them in the same columns (CJK rows included).
    const full = rows.filter((r) => bars(r).length === 2);
    expect(full.length).toBeGreaterThan(3);
    for (const r of full) expect(bars(r)).toEqual(bars(full[0]!));
    // Each cell stays in its column: the start of the long first-column cell is on its first row.
    const green = doc.lines.findIndex((l) => l.text.startsWith('GREEN'));
    expect(doc.lines[green]!.src).toBe(4);
    expect(doc.lines.map((l) => l.text).join('\n')).toContain('Before the table.');
    // Rows of the table map back to their source lines (search and coverage keep working).
    expect(doc.firstRow[5]).toBeGreaterThan(doc.firstRow[4]!);
  });

  it('narrows the widest columns first and clips with a marker only when even narrow columns cannot fit', () => {
    expect(columnWidths([10, 40, 20], 60)).toEqual({ widths: [10, 24, 20], clipped: false });
    expect(columnWidths([30, 30, 30], 10).clipped).toBe(true);
    const doc = layoutTables(wrapText(TABLE.join('\n'), 16));
    expect(doc.lines.filter((l) => l.display).every((l) => displayWidth(l.text) <= 16)).toBe(true);
    expect(doc.lines.some((l) => l.display && l.clip)).toBe(true);
  });
});
