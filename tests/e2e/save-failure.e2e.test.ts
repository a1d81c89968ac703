// Nothing typed is lost, ever: the saves folder stops working in the middle of a run (made
// read-only; as root, where modes do not bind, replaced by a file). The screen says so in plain
// words, the run - submitted answer and draft - goes to a recovery file in the config folder,
// quitting names that file and exits non-zero, and `clplay saves recover` brings the run back.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/core/runs/types.js';
import { runCli } from '../helpers/cli.js';
import { KEYS, PtySession, spawnClplay, tempDirs, type TempDirs } from '../helpers/pty.js';
import { waitForRun } from '../helpers/saved-runs.js';

let dirs: TempDirs;
let p: PtySession | undefined;
afterEach(() => {
  p?.dispose();
  if (dirs && existsSync(dirs.saves)) chmodSync(dirs.saves, 0o755);
  dirs?.cleanup();
});

const asRoot = process.getuid?.() === 0;

describe('saving fails during play', () => {
  it('the run is kept in a recovery file, quitting says where (exit 1), and saves recover brings it back', async () => {
    dirs = tempDirs('clplay-savefail-');
    mkdirSync(dirs.saves, { recursive: true });
    const env = { CLPLAY_SAVES: dirs.saves, CLPLAY_CONFIG_DIR: dirs.config, CLPLAY_CACHE_DIR: join(dirs.root, 'cache'), CLPLAY_SCENARIOS: '' };
    p = spawnClplay(['play', 'tidewater-rulebook', '--player', 'Cy', '--reveal', 'end'], { cols: 100, rows: 30, env });
    await p.ready('Task 1 of');
    p.write(KEYS.tab);
    await p.waitForText('Enter submits');
    await p.type('First answer', 20);
    await p.waitForText('First answer');
    p.write(KEYS.enter);
    await p.waitForText('Task 2 of');
    const saved = await waitForRun(dirs.saves, (r) => r.tasks[0]?.answer === 'First answer');

    // The saves folder stops working.
    if (asRoot) {
      renameSync(dirs.saves, `${dirs.saves}.moved`);
      writeFileSync(dirs.saves, 'not a folder any more');
    } else chmodSync(dirs.saves, 0o555);

    await p.waitForText('Enter submits');
    await p.type('Second draft', 20);
    const screen = await p.waitForText('NOT SAVED', 8000);
    expect(screen).toMatch(/NOT SAVED - your answers are safe in/);
    const keptAt = join(dirs.config, 'recovery', `${saved.id}.json`);
    await new Promise<void>((resolve, reject) => {
      const end = Date.now() + 5000;
      const poll = () => {
        if (existsSync(keptAt) && (JSON.parse(readFileSync(keptAt, 'utf8')) as RunRecord).tasks[1]?.draft === 'Second draft') return resolve();
        if (Date.now() > end) return reject(new Error('no recovery file with the draft'));
        setTimeout(poll, 50);
      };
      poll();
    });

    p.write(KEYS.ctrlC);
    await p.waitForText('Saving failed: your run is kept in');
    p.write('y');
    expect(await p.waitForExit(8000)).toBe(1);
    expect(p.raw.replace(/\r?\n/g, '')).toContain(`run ${saved.id} was NOT saved`);
    expect(p.raw.replace(/\s+/g, '')).toContain(keptAt.replace(/\s+/g, ''));

    const kept = JSON.parse(readFileSync(keptAt, 'utf8')) as RunRecord;
    expect(kept.tasks[0]!.answer).toBe('First answer');
    expect(kept.tasks[1]!.draft).toBe('Second draft');
    expect(kept.status).toBe('in-progress');

    // The folder works again: saves recover brings the run back, replacing the older saved copy.
    if (asRoot) {
      rmSync(dirs.saves);
      renameSync(`${dirs.saves}.moved`, dirs.saves);
    } else chmodSync(dirs.saves, 0o755);
    const r = runCli(['saves', 'recover'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`recovered run ${saved.id}`));
    expect(r.stdout).toMatch(/1 restored, 0 already there, 0 left in the recovery folder/);
    const back = JSON.parse(readFileSync(join(dirs.saves, `${saved.id}.json`), 'utf8')) as RunRecord;
    expect(back.tasks[0]!.answer).toBe('First answer');
    expect(back.tasks[1]!.draft).toBe('Second draft');
    expect(readdirSync(join(dirs.config, 'recovery')).filter((f) => f.endsWith('.json'))).toEqual([]);
    expect(runCli(['saves', 'recover'], { env }).stdout).toMatch(/nothing to recover/);
  }, 60_000);
});
