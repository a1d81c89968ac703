// Small terminals (issue 10): at 80x24 the whole prompt of a long task is reachable by scrolling
// the task pane (Alt+↓), while the context stays on screen; Ctrl+G swaps which pane is large;
// 60x20 stays usable. Real pseudo-terminal, the built clplay.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_SCENARIOS } from '../../src/core/paths.js';
import { loadLibrary } from '../../src/core/scenario/library.js';
import { reflowPrompt } from '../../src/core/text/reflow.js';
import { sanitize } from '../../src/core/text/sanitize.js';
import { CLI, PtySession, spawnClplay, tempDirs, type TempDirs } from '../helpers/pty.js';

const ALT_DOWN = '\x1b[1;3B';
const CTRL_G = '\x07';

// The bundled English scenario whose first task has the longest prompt.
const library = await loadLibrary([BUNDLED_SCENARIOS]);
const LONG = library.scenarios
  .filter((s) => s.language.startsWith('en'))
  .map((s) => ({ s, prompt: reflowPrompt(s.tasks[0]!.prompt) }))
  .sort((a, b) => b.prompt.length - a.prompt.length)[0]!;

let dirs: TempDirs;
const sessions: PtySession[] = [];
function start(cols: number, rows: number, args: string[]): PtySession {
  const p = spawnClplay(args, {
    cols,
    rows,
    env: { CLPLAY_SAVES: dirs.saves, CLPLAY_CONFIG_DIR: dirs.config, CLPLAY_CACHE_DIR: join(dirs.root, 'cache'), CLPLAY_SCENARIOS: '' },
  });
  sessions.push(p);
  return p;
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
});
afterEach(() => {
  while (sessions.length) sessions.pop()!.dispose();
  dirs?.cleanup();
});

/** The task pane's prompt rows on screen (between its title and the answer bar). */
function promptRows(screen: string): string[] {
  const lines = screen.split('\n');
  const from = lines.findIndex((l) => l.startsWith('Task 1 of'));
  const to = lines.findIndex((l, i) => i > from && /Your answer/.test(l));
  return lines.slice(from + 1, to);
}

const words = (text: string) => sanitize(text).split(/\s+/).map((w) => w.replace(/[^\p{L}\p{N}]/gu, '')).filter((w) => w.length > 0);

describe('small terminals', () => {
  it('at 80x24 the whole prompt of a long task is reachable while the context stays visible', async () => {
    expect(LONG.prompt.length).toBeGreaterThan(400);
    dirs = tempDirs();
    const p = start(80, 24, ['play', LONG.s.id, '--player', 'Ada']);
    let screen = await p.ready('Task 1 of', 15_000);
    expect(screen).toMatch(/▼ 1-\d+ of \d+ rows · Alt\+↑↓ scroll/);
    const seen: string[] = [];
    for (let i = 0; i < 40; i++) {
      expect(screen).toMatch(/lines \d+-\d+ of \d+/); // the context is still there
      const rows = promptRows(screen);
      seen.push(...rows.filter((r) => !/ rows · Alt\+↑↓ scroll$/.test(r)));
      if (/^▲ \d+-\d+ of \d+ rows/m.test(rows.join('\n'))) break;
      const before = rows.join('\n');
      p.write(ALT_DOWN);
      screen = await p.waitFor((s) => promptRows(s).join('\n') !== before, 5000, 'the task to scroll');
    }
    const shown = new Set(words(seen.join(' ')));
    const missing = words(LONG.prompt).filter((w) => !shown.has(w));
    expect(missing).toEqual([]);
  });

  it('Ctrl+G swaps which pane is large, and 60x20 keeps the context, the task and the editor on screen', async () => {
    dirs = tempDirs();
    const p = start(60, 20, ['play', LONG.s.id, '--player', 'Ada']);
    const screen = await p.ready('Task 1 of', 15_000);
    expect(screen).toMatch(/lines \d+-\d+ of \d+/);
    expect(screen).toContain('▶ Your answer');
    for (const line of p.lines()) expect(line.length).toBeLessThanOrEqual(60);
    const before = promptRows(screen).length;
    p.write(CTRL_G);
    const after = await p.waitFor((s) => promptRows(s).length > before, 5000, 'the task pane to grow');
    expect(after).toMatch(/lines \d+-\d+ of \d+/);
  });
});
