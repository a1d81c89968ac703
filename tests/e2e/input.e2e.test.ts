// Reading and typing as a person expects, in a real pseudo-terminal (issue 10): keys come from
// the terminal, not from timing - bracketed paste marks pastes, a read of many keys is handled
// key by key, and the editor has focus when a task opens. At 120x36 and 80x24.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/core/runs/types.js';
import { displayWidth } from '../../src/core/text/width.js';
import { playLayout } from '../../src/ui/screens/Play.js';
import { CLI, KEYS, PtySession, spawnClplay, tempDirs, type TempDirs } from '../helpers/pty.js';
import { waitForRun as waitForSavedRun } from '../helpers/saved-runs.js';

const SCENARIO = 'tidewater-rulebook';
let dirs: TempDirs;
const sessions: PtySession[] = [];

function start(cols: number, rows: number, args: string[] = ['play', SCENARIO, '--player', 'Ada'], scenarios = ''): PtySession {
  const p = spawnClplay(args, {
    cols,
    rows,
    env: { CLPLAY_SAVES: dirs.saves, CLPLAY_CONFIG_DIR: dirs.config, CLPLAY_CACHE_DIR: join(dirs.root, 'cache'), CLPLAY_SCENARIOS: scenarios },
  });
  sessions.push(p);
  return p;
}

const waitForRun = (pred: (r: RunRecord) => boolean) => waitForSavedRun(dirs.saves, pred, 8000);
const pastedChars = (r: RunRecord, i = 0) => (r.tasks[i]?.pastes ?? []).map((x) => x.chars);

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
});

afterEach(() => {
  while (sessions.length) sessions.pop()!.dispose();
  dirs?.cleanup();
});

describe.each([
  [120, 36],
  [80, 24],
])('input at %ix%i', (cols, rows) => {
  it('typing at the first frame lands in the editor; text + Enter in one read submits', async () => {
    dirs = tempDirs();
    const p = start(cols, rows);
    await p.waitForText('Task 1 of', 15_000);
    // No Tab: the editor has focus when the task opens. One read: the text, then Enter.
    p.write('S3 first\r');
    await p.waitForText('Rubric:', 8000);
    const run = await waitForRun((r) => r.tasks[0]?.answer !== undefined);
    expect(run.tasks[0]!.answer).toBe('S3 first');
    expect(pastedChars(run)).toEqual([]);
    expect(run.tasks[0]!.searches ?? []).toEqual([]);
  });

  it('a bracketed paste of 300 characters with newlines is one paste of 300; no marker reaches the answer', async () => {
    dirs = tempDirs();
    const p = start(cols, rows);
    await p.ready('Task 1 of', 15_000);
    const text = Array.from({ length: 10 }, (_, i) => `line ${String(i).padStart(2, '0')} ${'x'.repeat(21)}`).join('\n');
    expect([...text].length).toBe(299);
    const paste = `${text}\n`; // 300 characters, the newlines kept
    // Cut in the middle of both markers, as a terminal may deliver it.
    const wire = `\x1b[200~${paste}\x1b[201~`;
    p.write(wire.slice(0, 3));
    p.write(wire.slice(3, wire.length - 2));
    p.write(wire.slice(wire.length - 2));
    const run = await waitForRun((r) => (r.tasks[0]?.draft ?? '').includes('line 09'));
    expect(run.tasks[0]!.draft).toBe(paste);
    expect(pastedChars(run)).toEqual([300]);
    expect(p.screen()).not.toContain('[200~');
    expect(p.screen()).not.toContain('[201~');
  });

  it('hand typing with 30 ms gaps records no paste', async () => {
    dirs = tempDirs();
    const p = start(cols, rows);
    await p.ready('Task 1 of', 15_000);
    const typed = 'The answer is done';
    await p.type(typed, 30);
    const run = await waitForRun((r) => r.tasks[0]?.draft === typed);
    expect(pastedChars(run)).toEqual([]);
    // Not one of these keys was taken as a reader command (space, o, n would have been).
    expect(run.tasks[0]!.searches ?? []).toEqual([]);
  });

  it('Tab and ten j in one read: focus moves to the reader and it scrolls as far as ten j typed one by one', async () => {
    dirs = tempDirs();
    const p = start(cols, rows);
    await p.ready('Task 1 of', 15_000);
    p.write(`${KEYS.tab}${'j'.repeat(10)}`);
    const oneRead = await afterAllKeys(p);
    expect(oneRead).toContain('▶ lines');
    p.write('g');
    await p.waitForText(/▶ lines 1-/);
    const atTop = readerTop(p.screen());
    await p.type('j'.repeat(10), 30);
    const oneByOne = await afterAllKeys(p);
    expect(readerTop(oneRead)).toBe(readerTop(oneByOne));
    expect(readerTop(oneRead)).not.toBe(atTop);
  });
});

/** The screen once every key sent so far is handled: keys are handled in order, so when the
 *  search prompt opened after them is on screen (and closed again), they all are. */
async function afterAllKeys(p: PtySession): Promise<string> {
  p.write('/');
  await p.waitFor((s) => s.split('\n').some((l) => /^\/\s*(│|$)/.test(l)), 8000, 'the search prompt');
  p.write(KEYS.escape);
  return p.waitForText('▶ lines', 8000);
}

/** The reader's status label and its first rows (what scrolling changes). */
function readerTop(screen: string): string {
  const lines = screen.split('\n');
  return [/lines \d+-\d+ of \d+ · \d+%/.exec(screen)?.[0], lines[1], lines[2]].join('\n');
}

describe('the Markdown reader', () => {
  it('draws headings and bold without their markers (120x36)', async () => {
    dirs = tempDirs();
    const p = start(120, 36);
    const screen = await p.ready('Task 1 of', 15_000);
    expect(screen).toContain('Tidewater - Official Rulebook');
    expect(screen).not.toMatch(/^# Tidewater/m);
    expect(screen).toContain('1. The board');
    expect(screen).not.toContain('## 1. The board');
    expect(screen).toContain('right-hand');
    expect(screen).not.toContain('**right-hand**');
    // The styles are in what was sent: bold for the heading and the strong text.
    expect(p.raw).toMatch(/\x1b\[1m[^\x1b]*(?:\x1b\[[0-9;]*m)*right-hand/);
  });
});

const TABLE_SCENARIO = `id: lamp-table
title: Lamp table (test)
category: rule-system-application
subcategory: procedures
origin: fictional
language: en
estimatedMinutes: 3
context: |
  # Lamps

  | Lamp | Meaning | What to do |
  |------|---------|------------|
  | GREEN, steady | RUN in progress. The bath is live and the lid is locked while the cycle runs. | Never try to open the lid. Wait for the cycle to end and for the lamp to turn amber. |
  | AMBER, blinking | Cooling down after a cycle; the lid unlocks when the bath is below forty degrees. | Wait, then open the lid slowly and lift the rack out with both hands. |

  The end.
tasks:
  - id: t1
    prompt: What does a steady green lamp mean?
    rubric:
      - text: Says a run is in progress.
        check: { type: includes, value: run }
`;

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

describe.each([
  [120, 36],
  [60, 30],
])('a table wider than the pane at %ix%i', (cols, rows) => {
  it('renders with aligned cells and no split rows', async () => {
    dirs = tempDirs();
    const extra = join(dirs.root, 'more');
    mkdirSync(extra, { recursive: true });
    writeFileSync(join(extra, 'lamp.yaml'), TABLE_SCENARIO);
    const p = start(cols, rows, ['play', 'lamp-table', '--player', 'Ada'], extra);
    await p.ready('Task 1 of', 15_000);
    const layout = playLayout(cols, rows - 2);
    const pane = p.lines().map((l) => [...l].slice(0, layout.readerWidth).join(''));
    const table = pane.filter((l) => l.includes(' │ ') || l.includes('─┼─'));
    expect(table.length).toBeGreaterThan(4);
    // The long source line is wider than the pane: its cells are wrapped inside their columns.
    expect(Math.max(...table.map((l) => displayWidth(l.trimEnd())))).toBeLessThanOrEqual(layout.readerWidth);
    for (const l of table) expect(bars(l)).toEqual(bars(table[0]!));
    const green = table.findIndex((l) => l.startsWith('GREEN'));
    expect(green).toBeGreaterThan(0);
    // No prose-style split: the row's three cells start on the same screen row.
    expect(table[green]).toMatch(/^GREEN,? .*│ RUN .*│ Never/);
  });
});
