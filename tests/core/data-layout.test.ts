// Data lives where upgrades cannot reach it: an installed clplay (no .git) keeps runs and imported
// scenarios in the user's data folder and moves what an older version left inside the package,
// once; a git working copy keeps saves/ at the top level. And a saves folder that cannot be made
// says why (a read-only file system is not "ENOENT").
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeMigration, migrateLegacyData } from '../../src/core/data-migration.js';
import { describeMkdirFailure } from '../../src/core/fs/mkdir-failure.js';
import { dataLayout } from '../../src/core/paths.js';

const made: string[] = [];
afterEach(() => {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
});
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'clplay-layout-'));
  made.push(d);
  return d;
}

/** A package folder: package.json + scenarios/, with .git when `git` (a working copy). */
function packageAt(root: string, git: boolean): string {
  mkdirSync(join(root, 'scenarios'), { recursive: true });
  writeFileSync(join(root, 'package.json'), '{"name":"clplay","type":"module"}');
  if (git) mkdirSync(join(root, '.git'));
  return root;
}

describe('dataLayout', () => {
  it('a git working copy keeps saves/ and scenarios/imported/ at the top level', () => {
    const root = packageAt(tmp(), true);
    const asked: string[] = [];
    const l = dataLayout(root, () => (asked.push('data'), '/nowhere'));
    expect(l).toMatchObject({ installed: false, saves: join(root, 'saves'), importDir: join(root, 'scenarios', 'imported') });
    expect(asked).toEqual([]);
  });

  it('an installed package keeps them in the user data folder', () => {
    const root = packageAt(tmp(), false);
    const data = tmp();
    const l = dataLayout(root, () => data);
    expect(l).toMatchObject({ installed: true, saves: join(data, 'saves'), importDir: join(data, 'scenarios', 'imported') });
    expect(l.legacy).toEqual({ saves: join(root, 'saves'), importDir: join(root, 'scenarios', 'imported') });
  });
});

describe('migrateLegacyData', () => {
  it('moves runs and imported scenarios out of the package once, saying so, and never overwrites', async () => {
    const root = packageAt(tmp(), false);
    const data = tmp();
    const l = dataLayout(root, () => data);
    mkdirSync(l.legacy.saves, { recursive: true });
    writeFileSync(join(l.legacy.saves, 'run-a.json'), '{"id":"a"}');
    writeFileSync(join(l.legacy.saves, 'run-b.json'), '{"id":"b"}');
    writeFileSync(join(l.legacy.saves, 'clash.json'), '{"id":"old"}');
    mkdirSync(l.saves, { recursive: true });
    writeFileSync(join(l.saves, 'clash.json'), '{"id":"new"}');
    mkdirSync(join(l.legacy.importDir, 'chain-1'), { recursive: true });
    writeFileSync(join(l.legacy.importDir, 'chain-1', 'c.yaml'), 'id: c');

    const first = await migrateLegacyData(l);
    expect(first.map(describeMigration)).toEqual([
      `moved 2 saved runs from ${l.legacy.saves} to ${l.saves}, where upgrades cannot delete them; left 1 in ${l.legacy.saves} because ${l.saves} already holds different files of the same name (clash.json); compare and move them by hand`,
      `moved 1 imported scenario file from ${l.legacy.importDir} to ${l.importDir}, where upgrades cannot delete them`,
    ]);
    expect(readdirSync(l.saves).sort()).toEqual(['clash.json', 'run-a.json', 'run-b.json']);
    expect(readFileSync(join(l.saves, 'clash.json'), 'utf8')).toBe('{"id":"new"}');
    expect(readFileSync(join(l.legacy.saves, 'clash.json'), 'utf8')).toBe('{"id":"old"}');
    expect(readFileSync(join(l.importDir, 'chain-1', 'c.yaml'), 'utf8')).toBe('id: c');
    expect(existsSync(l.legacy.importDir)).toBe(false);

    // Once: resolving the clash by hand leaves nothing to say.
    rmSync(join(l.legacy.saves, 'clash.json'));
    expect(await migrateLegacyData(l)).toEqual([]);
    expect(existsSync(l.legacy.saves)).toBe(false);
  });

  it('does nothing in a working copy', async () => {
    const root = packageAt(tmp(), true);
    mkdirSync(join(root, 'saves'));
    writeFileSync(join(root, 'saves', 'r.json'), '{}');
    expect(await migrateLegacyData(dataLayout(root, () => tmp()))).toEqual([]);
    expect(existsSync(join(root, 'saves', 'r.json'))).toBe(true);
  });
});

describe('an installed clplay, end to end (built CLI copied into a package folder without .git)', () => {
  const dist = resolve(import.meta.dirname, '..', '..', 'dist');

  it('config path names the data folder, and old in-package runs are moved over once', () => {
    if (!existsSync(join(dist, 'clplay.js'))) throw new Error('dist/clplay.js is missing: run `npm run build` first (npm test does)');
    const root = packageAt(tmp(), false);
    cpSync(dist, join(root, 'dist'), { recursive: true });
    const home = tmp();
    mkdirSync(join(root, 'saves'));
    writeFileSync(join(root, 'saves', 'old-run.json'), '{"id":"old-run"}');
    const env = { ...process.env, HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'cfg'), CLPLAY_SAVES: '', CLPLAY_CONFIG_DIR: '' };
    const cli = (...args: string[]) => spawnSync(process.execPath, [join(root, 'dist', 'clplay.js'), ...args], { encoding: 'utf8', env, cwd: home });
    const saves = join(home, 'data', 'clplay', 'saves');
    const first = cli('config', 'path');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`saves:    ${saves}\n`);
    expect(first.stdout).toContain(`imported: ${join(home, 'data', 'clplay', 'scenarios', 'imported')}\n`);
    expect(first.stderr).toBe(`clplay: moved 1 saved run from ${join(root, 'saves')} to ${saves}, where upgrades cannot delete them\n`);
    expect(readFileSync(join(saves, 'old-run.json'), 'utf8')).toBe('{"id":"old-run"}');
    const second = cli('saves', 'path');
    expect(second).toMatchObject({ status: 0, stdout: `${saves}\n`, stderr: '' });
  });
});

/** Runs `script` with `dir` mounted as a read-only tmpfs, in a private mount namespace. */
function withReadOnlyMount(dir: string, script: string): { ok: boolean; out: string } {
  const r = spawnSync('unshare', ['-rm', 'sh', '-c', `mount -t tmpfs -o ro tmpfs "$0" && exec "$1" -e "$2"`, dir, process.execPath, script], { encoding: 'utf8' });
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}

function canMountReadOnly(): boolean {
  try {
    const d = mkdtempSync(join(tmpdir(), 'clplay-ro-probe-'));
    const r = withReadOnlyMount(d, 'process.exit(0)');
    rmSync(d, { recursive: true, force: true });
    return r.ok;
  } catch {
    return false;
  }
}

describe('a saves folder that cannot be created says why', () => {
  it('a file in the way, and a name that is a file', () => {
    const d = tmp();
    writeFileSync(join(d, 'f'), '');
    let err: unknown;
    try {
      mkdirSync(join(d, 'f', 'saves'), { recursive: true });
    } catch (e) {
      err = e;
    }
    expect(describeMkdirFailure(join(d, 'f', 'saves'), err)).toBe(`${join(d, 'f')} is a file, not a folder`);
  });

  it.skipIf(!canMountReadOnly())('a read-only file system is named, not reported as ENOENT', () => {
    const ro = tmp();
    // What Node itself reports on a read-only file system: ENOENT for mkdir -p, EROFS for mkdir.
    const script = `
      const fs = require('node:fs');
      const dir = ${JSON.stringify(join(ro, 'saves'))};
      try { fs.mkdirSync(dir, { recursive: true }); console.log('made'); } catch (e) { console.log(e.code); }
      try { fs.mkdirSync(dir); } catch (e) { console.log(e.code); }`;
    const r = withReadOnlyMount(ro, script);
    expect(r.out.trim().split('\n')).toEqual(['ENOENT', 'EROFS']);
    // The CLI's message names the read-only file system.
    const cli = resolve(import.meta.dirname, '..', '..', 'dist', 'clplay.js');
    const e2e = spawnSync('unshare', ['-rm', 'sh', '-c', `mount -t tmpfs -o ro tmpfs "$0" && exec "$1" "$2" saves path --saves "$0/saves"`, ro, process.execPath, cli], { encoding: 'utf8' });
    expect(e2e.status).toBe(1);
    expect(e2e.stderr).toBe(`clplay: cannot use ${join(ro, 'saves')} (from --saves) for saved runs: ${ro} is on a read-only file system; choose another folder with --saves DIR or CLPLAY_SAVES\n`);
  });
});
