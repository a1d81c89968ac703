import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCacheDir } from '../../../src/core/scenario/cache.js';
import { loadLibrary } from '../../../src/core/scenario/library.js';
import { tempDir, VALID_YAML, write } from './helpers.js';

/** Changes a cached title behind clplay's back: only a load served from the cache shows it. */
function tamper(cacheDir: string, from: string, to: string): void {
  const path = join(cacheDir, 'scenarios-v1.json');
  writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
}

describe('scenario cache', () => {
  it('reuses a validated scenario while the file is unchanged, and re-reads it once it changes', async () => {
    const dir = tempDir();
    const cacheDir = tempDir();
    const file = write(dir, 'a.yaml', VALID_YAML);
    const first = await loadLibrary([dir], { optionalDirs: [], cacheDir });
    expect(first.scenarios[0]!.title).toBe('Tiny levy');
    tamper(cacheDir, '"title":"Tiny levy"', '"title":"From the cache"');
    const second = await loadLibrary([dir], { optionalDirs: [], cacheDir });
    expect(second.scenarios[0]!.title).toBe('From the cache');
    expect(second.scenarios[0]!.hash).toBe(first.scenarios[0]!.hash);
    writeFileSync(file, VALID_YAML.replace('title: Tiny levy', 'title: Tiny levy 2'));
    const third = await loadLibrary([dir], { optionalDirs: [], cacheDir });
    expect(third.scenarios[0]!.title).toBe('Tiny levy 2');
    const uncached = await loadLibrary([dir], { optionalDirs: [], cacheDir: false });
    expect(uncached.scenarios[0]!.hash).toBe(third.scenarios[0]!.hash);
  });

  it('re-reads a scenario whose context file changed', async () => {
    const dir = tempDir();
    const cacheDir = tempDir();
    const ctx = write(dir, 'm.md', 'First material.');
    write(dir, 'a.yaml', VALID_YAML.replace(/context: \|\n.*\n/, 'contextFile: m.md\n'));
    expect((await loadLibrary([dir], { optionalDirs: [], cacheDir })).scenarios[0]!.context).toBe('First material.');
    writeFileSync(ctx, 'Second material, longer.');
    expect((await loadLibrary([dir], { optionalDirs: [], cacheDir })).scenarios[0]!.context).toBe('Second material, longer.');
  });

  it('never caches an invalid file, and survives a corrupt cache', async () => {
    const dir = tempDir();
    const cacheDir = tempDir();
    write(dir, 'bad.yaml', VALID_YAML.replace('estimatedMinutes: 3', 'estimatedMinutes: x'));
    expect((await loadLibrary([dir], { optionalDirs: [], cacheDir })).problems).toHaveLength(1);
    expect((await loadLibrary([dir], { optionalDirs: [], cacheDir })).problems).toHaveLength(1);
    writeFileSync(join(cacheDir, 'scenarios-v1.json'), '{ broken');
    write(dir, 'good.yaml', VALID_YAML.replace('id: tiny-levy', 'id: good'));
    const lib = await loadLibrary([dir], { optionalDirs: [], cacheDir });
    expect(lib.scenarios.map((s) => s.id)).toEqual(['good']);
    expect(JSON.parse(readFileSync(join(cacheDir, 'scenarios-v1.json'), 'utf8')).entries).toHaveProperty([join(dir, 'good.yaml')]);
  });

  it('is off when running from sources unless CLPLAY_CACHE_DIR says where, and CLPLAY_NO_CACHE turns it off', () => {
    expect(defaultCacheDir({})).toBeUndefined();
    expect(defaultCacheDir({ CLPLAY_CACHE_DIR: '/tmp/x' })).toBe('/tmp/x');
    expect(defaultCacheDir({ CLPLAY_CACHE_DIR: '/tmp/x', CLPLAY_NO_CACHE: '1' })).toBeUndefined();
  });

  it('writes the cache with mode 0600 in a folder of mode 0700', async () => {
    const dir = tempDir();
    const cacheDir = join(tempDir(), 'clplay');
    write(dir, 'a.yaml', VALID_YAML);
    await loadLibrary([dir], { optionalDirs: [], cacheDir });
    expect(statSync(cacheDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(cacheDir, 'scenarios-v1.json')).mode & 0o777).toBe(0o600);
  });

  it('remembers a YAML alias bomb as unparsable by its hash, so later calls do not parse it again', async () => {
    const dir = tempDir();
    const cacheDir = tempDir();
    let bomb = 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 1; i <= 9; i++) bomb += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]\n`;
    write(dir, 'bomb.yaml', bomb);
    write(dir, 'ok.yaml', VALID_YAML);
    const first = await loadLibrary([dir], { optionalDirs: [], cacheDir });
    expect(first.scenarios.map((s) => s.id)).toEqual(['tiny-levy']);
    expect(first.problems.map((p) => p.message)).toEqual([
      'YAML: the aliases (*name) expand to too much data (refused, as a resource exhaustion attack would)',
    ]);
    // Only a cached failure can show the tampered message: the file was not parsed again.
    tamper(cacheDir, 'expand to too much data', 'FROM THE CACHE');
    const second = await loadLibrary([dir], { optionalDirs: [], cacheDir });
    expect(second.problems.map((p) => [p.file, p.message])).toEqual([[join(dir, 'bomb.yaml'), expect.stringContaining('FROM THE CACHE')]]);
    // The same bytes under another name are known too; other bytes are parsed.
    write(dir, 'copy.yaml', bomb);
    const third = await loadLibrary([dir], { optionalDirs: [], cacheDir });
    expect(third.problems.filter((p) => p.message.includes('FROM THE CACHE'))).toHaveLength(2);
    write(dir, 'bomb.yaml', VALID_YAML.replace('id: tiny-levy', 'id: fixed'));
    const fourth = await loadLibrary([dir], { optionalDirs: [], cacheDir });
    expect(fourth.scenarios.map((s) => s.id).sort()).toEqual(['fixed', 'tiny-levy']);
  });

  it('refuses more than 100 aliases before resolving any (resolving them is quadratic)', async () => {
    const dir = tempDir();
    let yaml = 'x:\n';
    for (let i = 0; i < 150; i++) yaml += `  - &a${i} [1, 2]\n`;
    yaml += 'y:\n';
    for (let i = 0; i < 150; i++) yaml += `  - *a${i}\n`;
    write(dir, 'many.yaml', yaml);
    const lib = await loadLibrary([dir], { optionalDirs: [], cacheDir: false });
    expect(lib.problems.map((p) => [p.line, p.message])).toEqual([
      [153 + 100, 'YAML: more than 100 aliases (*name); a scenario file may use at most 100'],
    ]);
  });
});
