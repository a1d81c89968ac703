// `clplay config` run as a user would, with CLPLAY_CONFIG_DIR in a temp folder.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CLI_PATH, runCli } from '../helpers/cli.js';

let dir: string;
let env: Record<string, string | undefined>;
beforeAll(() => {
  if (!existsSync(CLI_PATH)) throw new Error('dist/clplay.js is missing: run `npm run build` first (npm test does)');
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'clplay-cli-cfg-'));
  env = { CLPLAY_CONFIG_DIR: dir, OPENAI_API_KEY: undefined, OPENAI_BASE_URL: undefined };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('clplay config', () => {
  it('path prints the file in CLPLAY_CONFIG_DIR and where runs are saved', () => {
    const r = runCli(['config', 'path'], { env: { ...env, CLPLAY_SAVES: join(dir, 'runs') } });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout.split('\n')[0]).toBe(`config:   ${join(dir, 'config.json')}`);
    expect(r.stdout.split('\n')[1]).toBe(`saves:    ${join(dir, 'runs')} (from CLPLAY_SAVES)`);
    const json = JSON.parse(runCli(['config', 'path', '--json'], { env }).stdout);
    expect(json.config).toBe(join(dir, 'config.json'));
    expect(json.saves).toMatch(/saves$/);
  });

  it('set, get, unset round trip', () => {
    expect(runCli(['config', 'set', 'model.temperature', '0.3'], { env })).toMatchObject({ code: 0, stdout: 'model.temperature = 0.3\n' });
    expect(runCli(['config', 'get', 'model.temperature'], { env })).toMatchObject({ code: 0, stdout: '0.3\n' });
    expect(runCli(['config', 'unset', 'model.temperature'], { env })).toMatchObject({ code: 0, stdout: 'model.temperature unset\n' });
    const r = runCli(['config', 'get', 'model.temperature'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('clplay: model.temperature is not set (set it with `clplay config set model.temperature VALUE`)\n');
  });

  it('a bad value or an unknown key is one line and exit 2', () => {
    const bad = runCli(['config', 'set', 'model.maxTokens', 'abc'], { env });
    expect(bad).toMatchObject({ code: 2, stdout: '', stderr: 'clplay: model.maxTokens must be a number, not "abc"\n' });
    const unknown = runCli(['config', 'get', 'model.nam'], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^clplay: unknown setting "model.nam"; the settings are: player.name, model.baseUrl, .*judge.apiKey, .*limits\.replyMB.*limits\.archiveRatio.*\n$/);
    expect(runCli(['config', 'frobnicate'], { env }).code).toBe(2);
  });

  it('stores a key only when asked, mode 0600, never printed in full', () => {
    const key = 'sk-secret-abcdefghijklmnop9876';
    const set = runCli(['config', 'set', 'model.apiKey', '-'], { env, input: `${key}\n` });
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('model.apiKey = sk-…9876');
    const file = join(dir, 'config.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8')).model.apiKey).toBe(key);
    for (const args of [['config', 'list'], ['config', 'list', '--json'], ['config', 'get', 'model.apiKey']]) {
      const r = runCli(args, { env });
      expect(r.code).toBe(0);
      expect(r.stdout + r.stderr).not.toContain('abcdefghijklmnop');
      expect(r.stdout).toContain('sk-…9876');
    }
  });

  it('list shows defaults and the environment, keys masked', () => {
    const r = runCli(['config', 'list'], { env: { ...env, OPENAI_API_KEY: 'sk-env-0123456789abcd', OPENAI_BASE_URL: 'http://localhost:9/v1' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^model\.baseUrl\s+http:\/\/localhost:9\/v1\s+\(OPENAI_BASE_URL\)$/m);
    expect(r.stdout).toMatch(/^model\.apiKey\s+\(not stored\) - using OPENAI_API_KEY: sk-…abcd\s+\(environment\)$/m);
    expect(r.stdout).not.toContain('0123456789');
    expect(existsSync(join(dir, 'config.json'))).toBe(false); // reading never creates the file
  });
});
