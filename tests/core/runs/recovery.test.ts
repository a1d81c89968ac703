// Where an unsaved run goes: the first writable recovery folder (mode 0600 files in a 0700
// folder); the autosaver keeps the newest unsaved version there and removes it once saving works.
import { mkdtempSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Autosaver } from '../../../src/core/play/autosave.js';
import { recovery } from '../../../src/core/runs/recovery.js';
import type { RunRecord } from '../../../src/core/runs/types.js';
import { humanRun, task } from '../../helpers/runs.js';

describe('recovery files', () => {
  it('falls back to the next folder when the first cannot be written', async () => {
    const root = mkdtempSync(join(tmpdir(), 'clplay-recovery-'));
    writeFileSync(join(root, 'blocked'), 'a file where the config folder should be');
    const rec = recovery({}, [join(root, 'blocked', 'recovery'), join(root, 'second')]);
    const run = humanRun('r1', 'ana', 'quarry', [task('t1', ['pass'])]);
    const path = await rec.keep(run);
    expect(path).toBe(join(root, 'second', 'r1.json'));
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(run);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(root, 'second')).mode & 0o777).toBe(0o700);
  });

  it('the autosaver keeps each unsaved version and removes the file once a save succeeds', async () => {
    const root = mkdtempSync(join(tmpdir(), 'clplay-recovery-auto-'));
    let failing = true;
    const errors: (string | undefined)[] = [];
    const saver = new Autosaver({
      save: async () => {
        if (failing) throw Object.assign(new Error('read-only'), { code: 'EROFS' });
      },
      delayMs: 1,
      recovery: recovery({}, [root]),
      onError: (_err, keptAt) => errors.push(keptAt),
    });
    const v1: RunRecord = humanRun('r1', 'ana', 'quarry', [task('t1', ['pass'], { draft: 'one' })]);
    await saver.saveNow(v1);
    const v2: RunRecord = { ...v1, tasks: [{ ...v1.tasks[0]!, draft: 'one two' }] };
    await saver.saveNow(v2);
    expect(errors).toEqual([join(root, 'r1.json'), join(root, 'r1.json')]);
    expect(JSON.parse(readFileSync(join(root, 'r1.json'), 'utf8')).tasks[0].draft).toBe('one two');
    failing = false;
    await saver.saveNow(v2);
    expect(saver.keptAt).toBeUndefined();
    expect(existsSync(join(root, 'r1.json'))).toBe(false);
  });
});
