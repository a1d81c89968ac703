// The Markdown reader in a real pseudo-terminal (issue 10), at 120x36 and 80x24: a table too
// wide for the pane even with wrapped cells is clipped with a marker, Alt+W from the editor opens
// it whole and ←→ scroll it sideways; a code block keeps its lines; lists and quotes are drawn.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { playLayout } from '../../src/ui/screens/Play.js';
import { displayWidth } from '../../src/core/text/width.js';
import { CLI, KEYS, PtySession, spawnClplay, tempDirs, type TempDirs } from '../helpers/pty.js';

let dirs: TempDirs;
const sessions: PtySession[] = [];

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
});

afterEach(() => {
  while (sessions.length) sessions.pop()!.dispose();
  dirs?.cleanup();
});

const SCENARIO = `id: dosing-table
title: Dosing table (test)
category: rule-system-application
subcategory: procedures
origin: fictional
language: en
estimatedMinutes: 3
context: |
  # Dosing

  | Band | Mon | Tue | Wed | Thu | Fri | Sat | Sun | Mon2 | Tue2 | Wed2 | Thu2 | Fri2 | Sat2 | Sun2 | Notes |
  |---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
  | 10-14 kg | 120 mg | 120 mg | 120 mg | 120 mg | 120 mg | 120 mg | 120 mg | 120 mg | 120 mg | 120 mg | 120 mg | 120 mg | 120 mg | 120 mg | CALL-THE-WARD |

  - a bullet item
    - a nested one
  > A quoted warning.

  \`\`\`
      indented(code) stays indented
  \`\`\`

  The end.
tasks:
  - id: t1
    prompt: What is the dose for 12 kg?
    rubric:
      - text: Says 120 mg.
        check: { type: includes, value: '120' }
`;

describe.each([
  [120, 36],
  [80, 24],
])('the Markdown reader at %ix%i', (cols, rows) => {
  it('clips a too-wide table with a marker; Alt+W opens it whole, → scrolls, Esc returns to the editor', async () => {
    dirs = tempDirs();
    const extra = join(dirs.root, 'more');
    mkdirSync(extra, { recursive: true });
    writeFileSync(join(extra, 'dosing.yaml'), SCENARIO);
    const p = spawnClplay(['play', 'dosing-table', '--player', 'Ada'], {
      cols,
      rows,
      env: { CLPLAY_SAVES: dirs.saves, CLPLAY_CONFIG_DIR: dirs.config, CLPLAY_CACHE_DIR: join(dirs.root, 'cache'), CLPLAY_SCENARIOS: extra },
    });
    sessions.push(p);
    const screen = await p.ready('Task 1 of', 15_000);
    const layout = playLayout(cols, rows - 2);
    const pane = p.lines().map((l) => [...l].slice(0, layout.readerWidth).join(''));
    const table = pane.filter((l) => l.includes('│ Mon'));
    expect(table.length).toBeGreaterThan(0);
    expect(table.every((l) => l.trimEnd().endsWith('›') && displayWidth(l.trimEnd()) <= layout.readerWidth)).toBe(true);
    expect(screen).not.toContain('CALL-THE-WARD');
    expect(screen).toContain('Alt+W shows it whole');
    // Lists, the quote and the code block (below the table: on screen at 120x36).
    if (rows >= 36) {
      expect(screen).toContain('• a bullet item');
      expect(screen).toContain('◦ a nested one');
      expect(screen).toContain('│ A quoted warning.');
      expect(screen).toContain('    indented(code) stays indented');
    }
    // From the editor (it has focus): Alt+W, then the reader's keys scroll the table sideways.
    p.write('\x1bw');
    await p.waitForText('table, whole', 8000);
    p.write(KEYS.end);
    await p.waitForText('CALL-THE-WARD', 8000);
    p.write(KEYS.home);
    await p.waitForGone('CALL-THE-WARD', 8000);
    p.write(KEYS.right);
    await p.waitFor((s) => /columns \d{2,}-/.test(s), 8000, 'scrolled right');
    p.write(KEYS.escape);
    await p.waitForGone('table, whole', 8000);
    // Back in the editor: typing lands in the answer.
    p.write('120 mg');
    await p.waitForText('120 mg', 8000);
    expect(p.screen()).toContain('Your answer (Enter submits');
  });
});
