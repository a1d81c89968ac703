// A downloaded scenario pack tries to read files outside its folder, or files that never end or
// block: every attempt is a validation error at contextFile, and nothing outside is read.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRegularFileCapped } from '../../../src/core/fs/read-capped.js';
import { loadLibrary } from '../../../src/core/scenario/library.js';
import { formatProblem, loadScenarioFile } from '../../../src/core/scenario/load.js';
import { tempDir, VALID_YAML, write } from './helpers.js';

const withContextFile = (given: string): string => VALID_YAML.replace(/context: \|\n.*\n/, `contextFile: ${JSON.stringify(given)}\n`);

/** Loads a scenario in its own pack folder whose contextFile is `given`; `setup` adds files. */
async function loadWith(given: string, setup: (pack: string, outside: string) => void = () => undefined) {
  const outside = tempDir();
  const pack = join(outside, 'pack');
  mkdirSync(pack);
  writeFileSync(join(outside, 'secret.txt'), 'OPENAI_API_KEY=sk-outside-secret');
  setup(pack, outside);
  const path = write(pack, 's.yaml', withContextFile(given));
  const r = await loadScenarioFile(path);
  return { ...r, path, pack, outside, lines: r.problems.map((p) => formatProblem(p)) };
}

function expectRefused(r: Awaited<ReturnType<typeof loadWith>>, message: RegExp): void {
  expect(r.scenario).toBeUndefined();
  expect(r.lines).toHaveLength(1);
  expect(r.lines[0]!.startsWith(`${r.path}:8:14 contextFile: `)).toBe(true);
  expect(r.lines[0]).toMatch(message);
  expect(r.lines[0]).not.toContain('sk-outside-secret');
}

describe('contextFile is confined to the scenario folder', () => {
  it('reads a file in the folder or a subfolder, and a symlink that stays inside', async () => {
    const r = await loadWith('docs/../docs/material.md', (pack) => write(pack, 'docs/material.md', 'Inside.'));
    expect(r.lines).toEqual([]);
    expect(r.scenario?.context).toBe('Inside.');
    const link = await loadWith('alias.md', (pack) => {
      write(pack, 'real.md', 'Through a link.');
      symlinkSync(join(pack, 'real.md'), join(pack, 'alias.md'));
    });
    expect(link.scenario?.context).toBe('Through a link.');
  });

  it('refuses ../secret.txt, naming the file, line and field', async () => {
    expectRefused(await loadWith('../secret.txt'), /"\.\.\/secret\.txt" leads outside the scenario's folder; contextFile must be a path relative/);
  });

  it('refuses absolute paths: /proc/self/environ, /dev/zero, /etc/passwd', async () => {
    for (const p of ['/proc/self/environ', '/dev/zero', '/etc/passwd']) {
      expectRefused(await loadWith(p), /is an absolute path/);
    }
  });

  it('refuses ~ paths (the key folder of the user), unexpanded and unread', async () => {
    expectRefused(await loadWith('~/.ssh/id_ed25519'), /starts with "~", which is not expanded/);
    expect(homedir()).toBeTruthy();
  });

  it('refuses a symlink out of the folder, and one to /proc/self/environ', async () => {
    const r = await loadWith('notes.md', (pack, outside) => symlinkSync(join(outside, 'secret.txt'), join(pack, 'notes.md')));
    expectRefused(r, /"notes\.md" is a symlink to .*secret\.txt, outside the scenario's folder/);
    const env = await loadWith('env.md', (pack) => symlinkSync('/proc/self/environ', join(pack, 'env.md')));
    expectRefused(env, /is a symlink to \/proc\/\d+\/environ, outside/);
    const dir = await loadWith('up/secret.txt', (pack, outside) => symlinkSync(outside, join(pack, 'up')));
    expectRefused(dir, /is a symlink to .*secret\.txt, outside/);
  });

  it('refuses a directory and a FIFO without blocking', async () => {
    expectRefused(await loadWith('docs', (pack) => mkdirSync(join(pack, 'docs'))), /"docs" is a directory; contextFile names a regular text file/);
    const fifo = await loadWith('pipe.md', (pack) => execFileSync('mkfifo', [join(pack, 'pipe.md')]));
    expectRefused(fifo, /"pipe\.md" is a named pipe \(FIFO\)/);
  });

  it('refuses a context file over the limit', async () => {
    const r = await loadWith('big.md', (pack) => write(pack, 'big.md', Buffer.alloc(10 * 1024 * 1024 + 1, 0x61)));
    expectRefused(r, /"big\.md" is 10 MB; a context file may be at most 10 MB/);
  });
});

describe('readRegularFileCapped: sizes come from the bytes read, never from stat', () => {
  it('/proc/self/environ reports size 0, yet is cut at the cap', async () => {
    const r = await readRegularFileCapped('/proc/self/environ', 8);
    expect(r).toEqual({ error: 'too-large' });
  });

  it('/dev/zero is a device and is not read', async () => {
    expect(await readRegularFileCapped('/dev/zero', 1024)).toEqual({ error: 'not-regular', kind: 'a device' });
  });

  it('a file of exactly the cap is read whole', async () => {
    const p = write(tempDir(), 'f.txt', 'abcdefgh');
    const r = await readRegularFileCapped(p, 8);
    expect('bytes' in r && r.bytes.toString()).toBe('abcdefgh');
  });
});

describe('scenario files themselves', () => {
  it('a scenario "file" that is a FIFO or a link to /dev/zero is a problem, not a hang', async () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
    write(dir, 'ok.yaml', VALID_YAML);
    const lib = await loadLibrary([dir], { optionalDirs: [], cacheDir: false });
    expect(lib.scenarios.map((s) => s.id)).toEqual(['tiny-levy']);
    expect(lib.problems.map((p) => formatProblem(p))).toEqual([`${join(dir, 'zero.yaml')}:1:1 is a device, not a scenario file`]);
    const direct = await loadScenarioFile(join(dir, 'pipe.yaml'));
    expect(direct.problems.map((p) => p.message)).toEqual(['is a named pipe (FIFO), not a scenario file']);
  });

  it('the secret outside is untouched and never part of a loaded scenario', async () => {
    const r = await loadWith('../secret.txt');
    expect(readFileSync(join(r.outside, 'secret.txt'), 'utf8')).toBe('OPENAI_API_KEY=sk-outside-secret');
    expect(JSON.stringify(r)).not.toContain('sk-outside-secret');
  });
});
