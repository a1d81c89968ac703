// The Markdown reader's blocks in ink-testing-library: tables laid out to the pane, a table too
// wide even for that opened whole with sideways scrolling, code never reflowed, lists and quotes.
import React from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { Reader } from '../../src/ui/components/reader/Reader.js';
import { useReader, type ReaderController } from '../../src/ui/components/reader/use-reader.js';
import { displayWidth } from '../../src/core/text/width.js';
import { KEYS, press, waitForFrame } from './ink-helpers.js';

afterEach(() => cleanup());

function Harness({ text, width, height, grab }: { text: string; width: number; height: number; grab?: (r: ReaderController) => void }) {
  const reader = useReader({ text, width, height });
  grab?.(reader);
  return <Reader reader={reader} focus />;
}

const rows = (f: string) => f.split('\n');

/** Display columns of the cell separators in a row. */
function bars(row: string): number[] {
  const out: number[] = [];
  let col = 0;
  for (const ch of row) {
    if (ch === '│' || ch === '┼') out.push(col);
    col += displayWidth(ch);
  }
  return out;
}

const LAMPS = [
  '# Lamps',
  '',
  '| Lamp | Meaning | What to do |',
  '|------|---------|------------|',
  '| GREEN, steady | RUN in progress. The bath is live and the lid is locked while the cycle runs. | Never try to open the lid. Wait for the cycle to end and for the lamp to turn amber. |',
  '| 红灯 | 故障：浴槽温度超出范围，系统已停止加热。 | 记录代码，然后呼叫值班工程师。 |',
  '',
  'The end.',
].join('\n');

describe('tables in the reader', () => {
  it.each([120, 60])('a 3-column table wider than the pane renders aligned, no split rows, at %i columns', async (width) => {
    const { lastFrame } = render(<Harness text={LAMPS} width={width} height={20} />);
    const f = await waitForFrame(lastFrame, (x) => x.includes('lines'));
    const table = rows(f).filter((l) => l.includes(' │ ') || l.includes('─┼─'));
    expect(table.length).toBeGreaterThan(3);
    for (const l of table) expect(displayWidth(l)).toBeLessThanOrEqual(width);
    for (const l of table) expect(bars(l)).toEqual(bars(table[0]!));
    expect(table.find((l) => l.startsWith('GREEN'))).toMatch(/^GREEN,? .*│ RUN .*│ Never/);
    expect(f).not.toContain('› clipped');
  });

  const WIDE = [
    'Dosing by weight band:',
    '',
    '| Band | Mon | Tue | Wed | Thu | Fri | Sat | Sun | Notes |',
    '|---|---|---|---|---|---|---|---|---|',
    '| 10-14 kg | 120 mg | 120 mg | 120 mg | 120 mg | 120 mg | 120 mg | 120 mg | halve on day three |',
    '| 15-19 kg | 160 mg | 160 mg | 160 mg | 160 mg | 160 mg | 160 mg | 160 mg | CALL-THE-WARD-NURSE |',
    '',
    'After the table.',
  ].join('\n');

  it('clips a table that cannot fit with a marker; w opens it whole, ←→ scroll it, Esc closes', async () => {
    const { lastFrame, stdin } = render(<Harness text={WIDE} width={40} height={12} />);
    let f = await waitForFrame(lastFrame, (x) => x.includes('lines'));
    const cut = rows(f).filter((l) => l.includes('│'));
    expect(cut.length).toBeGreaterThan(2);
    expect(cut.every((l) => l.endsWith('›') && displayWidth(l) <= 40)).toBe(true);
    expect(f).not.toContain('CALL-THE-WARD-NURSE');
    expect(f).toContain('w shows it whole');
    await press(stdin, 'w');
    f = await waitForFrame(lastFrame, (x) => x.includes('table, whole'));
    expect(f).toMatch(/columns 1-38 of \d+/);
    // Header and rows on one line each at full width; the right edge says there is more.
    expect(rows(f).filter((l) => l.includes('10-14 kg'))).toHaveLength(1);
    expect(rows(f)[0]!.endsWith('›')).toBe(true);
    await press(stdin, KEYS.end);
    f = await waitForFrame(lastFrame, (x) => x.includes('CALL-THE-WARD-NURSE'));
    expect(rows(f).find((l) => l.includes('CALL-THE'))!.startsWith('‹')).toBe(true);
    await press(stdin, KEYS.left ?? '\x1b[D');
    f = lastFrame()!;
    expect(f).toMatch(/columns \d+-\d+ of/);
    await press(stdin, KEYS.escape);
    f = await waitForFrame(lastFrame, (x) => !x.includes('table, whole'));
    expect(f).toContain('› clipped');
    expect(f).toContain('Dosing by weight band');
  });

  it('w with no clipped block on screen is not taken by the reader', async () => {
    let ctl: ReaderController | undefined;
    const { lastFrame, stdin } = render(<Harness text={'Short text only.'} width={40} height={5} grab={(r) => (ctl = r)} />);
    await waitForFrame(lastFrame, (x) => x.includes('lines'));
    expect(ctl!.handleKey('w', { ctrl: false, meta: false, shift: false } as never)).toBe(false);
    ctl!.dispatch({ type: 'wideOpen' });
    await waitForFrame(lastFrame, (x) => x.includes('no clipped table or code on screen'));
    void stdin;
  });
});

describe('code, lists and quotes in the reader', () => {
  const TEXT = [
    'Run it like this:',
    '',
    '```sh',
    'clplay play qv20 --player Ada --reveal end --scenarios ./more-scenarios --saves ./saves-for-the-study',
    '    indented continuation line that is also far too long for a forty-column pane',
    '```',
    '',
    '- first bullet item with words enough to wrap onto another row',
    '  - a nested bullet',
    '1. numbered step',
    '',
    '> A quoted warning that goes on long enough to wrap onto a second row.',
  ].join('\n');

  it('keeps code lines and their indentation, clipped with a marker; w scrolls them sideways', async () => {
    const { lastFrame, stdin } = render(<Harness text={TEXT} width={40} height={22} />);
    let f = await waitForFrame(lastFrame, (x) => x.includes('lines'));
    const code = rows(f).filter((l) => l.startsWith('clplay play') || l.startsWith('    indented'));
    expect(code).toHaveLength(2);
    for (const l of code) expect(l.endsWith('›') && displayWidth(l) === 40).toBe(true);
    expect(f).not.toContain('saves-for-the-study');
    await press(stdin, 'w');
    f = await waitForFrame(lastFrame, (x) => x.includes('code, whole'));
    expect(f).toContain('```sh');
    await press(stdin, KEYS.end);
    await waitForFrame(lastFrame, (x) => x.includes('saves-for-the-study'));
    await press(stdin, 'w');
    await waitForFrame(lastFrame, (x) => !x.includes('code, whole'));
  });

  it('draws bullets, nesting with a hanging indent, numbers and a quote bar', async () => {
    const { lastFrame } = render(<Harness text={TEXT} width={40} height={22} />);
    const f = await waitForFrame(lastFrame, (x) => x.includes('lines'));
    const r = rows(f);
    const item = r.findIndex((l) => l.startsWith('• first bullet'));
    expect(item).toBeGreaterThan(0);
    expect(r[item + 1]).toMatch(/^ {2}\S/); // under the item's text, not under the bullet
    expect(r).toContain('  ◦ a nested bullet');
    expect(r).toContain('1. numbered step');
    const quote = r.filter((l) => l.startsWith('│ '));
    expect(quote.length).toBe(2);
    expect(quote[0]).toContain('A quoted warning');
    expect(f).not.toContain('> A quoted');
  });

  it('search finds text inside tables and lists', async () => {
    let ctl: ReaderController | undefined;
    const { lastFrame, stdin } = render(<Harness text={`${TEXT}\n\n${LAMPS}`} width={60} height={8} grab={(r) => (ctl = r)} />);
    await waitForFrame(lastFrame, (x) => x.includes('lines'));
    await press(stdin, '/', ...'nested', KEYS.enter);
    let f = await waitForFrame(lastFrame, (x) => x.includes('"nested" 1/1'));
    expect(f).toContain('◦ a nested bullet');
    const src = ctl!.state.doc.wrapped.sourceLines;
    const m = ctl!.state.search.result.matches[0]!;
    expect(src[m.src]!.slice(m.offset, m.offset + m.length)).toBe('nested');
    await press(stdin, '/', ...'lid is locked', KEYS.enter);
    f = await waitForFrame(lastFrame, (x) => x.includes('"lid is locked" 1/1'));
    expect(f).toContain('GREEN');
    const t = ctl!.state.search.result.matches[0]!;
    expect(src[t.src]!.slice(t.offset, t.offset + t.length)).toBe('lid is locked');
  });
});
