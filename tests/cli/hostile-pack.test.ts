// The attack from the issue, end to end with the built CLI: a downloaded pack whose scenarios
// name /proc/self/environ, ../secret and a symlink out of the folder as their context, and a FIFO.
// `clplay list` and `validate` neither hang nor read them, and nothing of them reaches the
// scenario cache, which is private to the user.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI_PATH, runCli } from '../helpers/cli.js';
import { VALID_YAML } from '../core/scenario/helpers.js';

const made: string[] = [];
afterEach(() => {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
});

const scenario = (id: string, contextFile: string) =>
  VALID_YAML.replace('id: tiny-levy', `id: ${id}`).replace(/context: \|\n.*\n/, `contextFile: ${JSON.stringify(contextFile)}\n`);

describe('a hostile scenario pack', () => {
  it('list and validate refuse every file reference out of the folder, and the cache holds none of it', () => {
    if (!existsSync(CLI_PATH)) throw new Error('dist/clplay.js is missing: run `npm run build` first (npm test does)');
    const root = mkdtempSync(join(tmpdir(), 'clplay-hostile-'));
    made.push(root);
    const pack = join(root, 'pack');
    mkdirSync(pack);
    writeFileSync(join(root, 'secret.txt'), 'TOP-SECRET-OUTSIDE');
    writeFileSync(join(pack, 'environ.yaml'), scenario('environ', '/proc/self/environ'));
    writeFileSync(join(pack, 'up.yaml'), scenario('up', '../secret.txt'));
    symlinkSync(join(root, 'secret.txt'), join(pack, 'notes.md'));
    writeFileSync(join(pack, 'link.yaml'), scenario('link', 'notes.md'));
    execFileSync('mkfifo', [join(pack, 'pipe.md')]);
    writeFileSync(join(pack, 'fifo.yaml'), scenario('fifo', 'pipe.md'));
    writeFileSync(join(pack, 'zero.yaml'), scenario('zero', '/dev/zero'));
    writeFileSync(join(pack, 'material.md'), 'Honest material.');
    writeFileSync(join(pack, 'fine.yaml'), scenario('fine', 'material.md'));
    const cache = join(root, 'cache');
    const env = { CLPLAY_CONFIG_DIR: join(root, 'config'), CLPLAY_CACHE_DIR: cache, CLPLAY_SCENARIOS: '', PROBE_SECRET: 'ENV-SECRET-VALUE' };

    const list = runCli(['list', '--json', '--scenarios', pack], { env, cwd: root });
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).map((s: { id: string }) => s.id)).toContain('fine');
    expect(JSON.parse(list.stdout).map((s: { id: string }) => s.id)).not.toContain('environ');
    const lines = list.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^clplay: pack\/environ\.yaml:8:14 contextFile: "\/proc\/self\/environ" is an absolute path/),
      expect.stringMatching(/^clplay: pack\/fifo\.yaml:8:14 contextFile: "pipe\.md" is a named pipe \(FIFO\)/),
      expect.stringMatching(/^clplay: pack\/link\.yaml:8:14 contextFile: "notes\.md" is a symlink to .*secret\.txt, outside the scenario's folder/),
      expect.stringMatching(/^clplay: pack\/up\.yaml:8:14 contextFile: "\.\.\/secret\.txt" leads outside the scenario's folder/),
      expect.stringMatching(/^clplay: pack\/zero\.yaml:8:14 contextFile: "\/dev\/zero" is an absolute path/),
    ]);

    const cached = readFileSync(join(cache, 'scenarios-v1.json'), 'utf8');
    expect(cached).toContain('Honest material.');
    expect(cached).not.toContain('TOP-SECRET-OUTSIDE');
    expect(cached).not.toContain('ENV-SECRET-VALUE');
    expect(statSync(join(cache, 'scenarios-v1.json')).mode & 0o777).toBe(0o600);
    expect(statSync(cache).mode & 0o777).toBe(0o700);

    const validate = runCli(['validate', pack], { env, cwd: root });
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain('5 problems in 5 files (1 scenario valid)');
    expect(validate.stdout).not.toContain('TOP-SECRET-OUTSIDE');
  });
});
