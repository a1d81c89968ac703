// The batch/run lock: one holder at a time; the one waiting is told who holds it (pid), and gets
// the lock once it is released.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, describeOwner, type LockOwner } from '../../../src/core/runs/lock.js';

describe('acquireLock', () => {
  it('a second taker waits, told who holds the lock, and gets it after the release', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clplay-lock-'));
    const first = await acquireLock(dir, 'batch-b-1', 'clplay run, batch b-1');
    expect(first).toBeDefined();
    let owner: LockOwner | undefined;
    let got = false;
    const second = acquireLock(dir, 'batch-b-1', 'clplay run, batch b-1', { pollMs: 20, onWait: (o) => (owner = o) }).then((l) => {
      got = true;
      return l;
    });
    while (!owner) await new Promise((r) => setTimeout(r, 10));
    expect(owner.pid).toBe(process.pid);
    expect(describeOwner(owner)).toMatch(new RegExp(`^process ${process.pid} \\(clplay run, batch b-1, since \\d{4}-`));
    expect(got).toBe(false);
    await first!.release();
    const l2 = await second;
    expect(l2).toBeDefined();
    await l2!.release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('an aborted wait gives up without the lock', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clplay-lock-abort-'));
    const first = await acquireLock(dir, 'run-x', 'clplay');
    const ac = new AbortController();
    ac.abort();
    expect(await acquireLock(dir, 'run-x', 'clplay', { signal: ac.signal })).toBeUndefined();
    await first!.release();
  });
  it('a lock left by a process that no longer runs (killed mid-play) is taken over at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clplay-lock-'));
    const dead = spawnSync(process.execPath, ['-e', '']).pid!; // exited: its pid runs nothing now
    mkdirSync(join(dir, '.run-x.lock'));
    writeFileSync(join(dir, '.run-x.owner'), JSON.stringify({ pid: dead, host: hostname(), since: new Date().toISOString(), what: 'clplay, playing this run' }));
    let waited = false;
    const lock = await acquireLock(dir, 'run-x', 'test', { onWait: () => (waited = true) });
    expect(lock).toBeDefined();
    expect(waited).toBe(false);
    await lock!.release();
  });
});
