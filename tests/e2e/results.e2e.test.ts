// The results screen in a real terminal: open it over saves, read the table, switch to the chart.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, spawnClplay, type PtySession } from '../helpers/pty.js';
import { humanRun, modelRun, task } from '../helpers/runs.js';

let session: PtySession | undefined;
afterEach(() => session?.dispose());

describe('results screen (pseudo-terminal)', () => {
  it('shows humans beside a model and draws the category chart', async () => {
    const saves = mkdtempSync(join(tmpdir(), 'clplay-results-e2e-'));
    const runs = [
      humanRun('h1', 'ana', 'quarry', [task('t1', ['pass']), task('t2', ['pass'])]),
      humanRun('h2', 'ben', 'quarry', [task('t1', ['pass']), task('t2', ['fail'])]),
      modelRun('m1', 'gpt-x', 'quarry', [task('t1', ['fail']), task('t2', ['fail'])]),
    ];
    for (const r of runs) writeFileSync(join(saves, `${r.id}.json`), JSON.stringify(r));
    session = spawnClplay(['results', '--saves', saves], { cols: 110, rows: 30, env: { NO_COLOR: '1' } });
    const overview = await session.waitForText('Overview', 10_000);
    expect(overview).toMatch(/humans\s+2\s+2\s+3\/4\s+75\.0%/);
    session.write(KEYS.right);
    const chart = await session.waitForText('Solve rate by category');
    expect(chart).toMatch(/humans\s+█{23}·{7}\s+75\.0%\s+\(3\/4 solved\)/);
    expect(chart).toMatch(/gpt-x\s+·{30}\s+0\.0%\s+\(0\/2 solved\)/);
    session.write('q');
    expect(await session.waitForExit()).toBe(0);
  });
});
