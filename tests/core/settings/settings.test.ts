import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  configPath,
  describeSettings,
  loadSettings,
  maskKey,
  parseSettingValue,
  resolveApiKey,
  saveSetting,
  unsetSetting,
} from '../../../src/core/settings/settings.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});
function temp(): string {
  const d = mkdtempSync(join(tmpdir(), 'clplay-cfg-'));
  dirs.push(d);
  return d;
}
const mode = (p: string) => statSync(p).mode & 0o777;

describe('settings', () => {
  it('starts empty, stores validated values, and reads them back once as a plain object', async () => {
    const cwd = temp();
    const env = {};
    expect(loadSettings({ cwd, env })).toMatchObject({ player: {}, model: {}, judge: {}, problems: [] });
    await saveSetting('player.name', 'Ada', { cwd, env });
    await saveSetting('model.temperature', '0.2', { cwd, env });
    await saveSetting('model.baseUrl', 'http://localhost:11434/v1/', { cwd, env });
    await saveSetting('judge.retries', '5', { cwd, env });
    const s = loadSettings({ cwd, env });
    expect(s.player.name).toBe('Ada');
    expect(s.model).toEqual({ temperature: 0.2, baseUrl: 'http://localhost:11434/v1' });
    expect(s.judge).toEqual({ retries: 5 });
    expect(s.path).toBe(join(cwd, 'config.json'));
    expect(JSON.parse(readFileSync(s.path, 'utf8')).model.temperature).toBe(0.2);
  });

  it('uses CLPLAY_CONFIG_DIR as the folder', () => {
    const dir = temp();
    expect(configPath({ env: { CLPLAY_CONFIG_DIR: dir } })).toBe(join(dir, 'config.json'));
    expect(configPath({ env: { XDG_CONFIG_HOME: '/x' } })).toBe(process.platform === 'linux' ? '/x/clplay/config.json' : expect.any(String));
  });

  it('rejects bad values and unknown keys with one line', () => {
    expect(() => parseSettingValue('model.temperature', 'abc')).toThrow('model.temperature must be a number, not "abc"');
    expect(() => parseSettingValue('model.temperature', '3')).toThrow('model.temperature must be at most 2');
    expect(() => parseSettingValue('model.maxTokens', '1.5')).toThrow('model.maxTokens must be a whole number');
    expect(() => parseSettingValue('model.timeoutSeconds', '0')).toThrow('model.timeoutSeconds must be greater than 0');
    expect(() => parseSettingValue('model.baseUrl', 'ftp://x')).toThrow(/must be an http\(s\) URL/);
    expect(() => parseSettingValue('model.reasoningEffort', 'max')).toThrow(/must be one of none, minimal, low, medium, high, xhigh/);
    expect(() => parseSettingValue('model.apiKeyEnv', 'MY-KEY')).toThrow(/variable name/);
    expect(() => parseSettingValue('model.nme', 'x')).toThrow(/^unknown setting "model.nme"; the settings are: player.name, model.baseUrl, /);
  });

  it('stores a key only when asked, then the file has mode 0600; it is always shown masked', async () => {
    const cwd = temp();
    const env = {};
    await saveSetting('player.name', 'Ada', { cwd, env });
    expect(loadSettings({ cwd, env }).model.apiKey).toBeUndefined();
    await saveSetting('model.apiKey', 'sk-test-abcdefghij1234', { cwd, env });
    const path = configPath({ cwd, env });
    expect(mode(path)).toBe(0o600);
    const s = loadSettings({ cwd, env });
    expect(s.model.apiKey).toBe('sk-test-abcdefghij1234');
    const rows = describeSettings(s, env);
    const row = rows.find((r) => r.key === 'model.apiKey')!;
    expect(row.shown).toBe('sk-…1234');
    expect(JSON.stringify(rows)).not.toContain('abcdefghij');
  });

  it('tightens an existing group-readable file to 0600 when a key is stored', async () => {
    const cwd = temp();
    const path = join(cwd, 'config.json');
    writeFileSync(path, '{"player":{"name":"Bo"}}', { mode: 0o644 });
    await saveSetting('judge.apiKey', 'sk-judge-0000009999', { cwd, env: {} });
    expect(mode(path)).toBe(0o600);
    expect(loadSettings({ cwd, env: {} }).player.name).toBe('Bo');
  });

  it('unsets a key', async () => {
    const cwd = temp();
    await saveSetting('model.name', 'gpt-x', { cwd, env: {} });
    expect(await unsetSetting('model.name', { cwd, env: {} })).toBe(true);
    expect(await unsetSetting('model.name', { cwd, env: {} })).toBe(false);
    expect(loadSettings({ cwd, env: {} }).model.name).toBeUndefined();
  });

  it('reports a corrupt file instead of crashing, and refuses to overwrite it', async () => {
    const cwd = temp();
    const path = join(cwd, 'config.json');
    writeFileSync(path, '{ not json');
    const s = loadSettings({ cwd, env: {} });
    expect(s.problems).toEqual([expect.stringMatching(/config\.json: not valid JSON .*fix or delete the file$/)]);
    await expect(saveSetting('player.name', 'Ada', { cwd, env: {} })).rejects.toThrow(/is not a valid settings file; fix it or delete it/);
    expect(readFileSync(path, 'utf8')).toBe('{ not json');
  });

  it('ignores values of the wrong type in the file, each named', () => {
    const cwd = temp();
    writeFileSync(join(cwd, 'config.json'), JSON.stringify({ model: { temperature: 'hot', name: 'm' } }));
    const s = loadSettings({ cwd, env: {} });
    expect(s.model).toEqual({ name: 'm' });
    expect(s.problems).toEqual([expect.stringMatching(/model\.temperature ignored: model\.temperature must be a number$/)]);
  });
});

describe('keys', () => {
  it('masks keys', () => {
    expect(maskKey('sk-proj-abcdefgh1234')).toBe('sk-…1234');
    expect(maskKey('short')).not.toContain('short');
  });

  it('resolves the key: apiKeyEnv variable, then OPENAI_API_KEY, then the stored key; the judge falls back to the model', () => {
    const base = { player: {}, model: {}, judge: {} };
    expect(resolveApiKey('model', base, {})).toEqual({ source: 'none' });
    expect(resolveApiKey('model', base, { OPENAI_API_KEY: 'k1' })).toEqual({ key: 'k1', source: 'OPENAI_API_KEY' });
    const named = { ...base, model: { apiKeyEnv: 'MY_KEY', apiKey: 'stored' } };
    expect(resolveApiKey('model', named, { MY_KEY: 'k2', OPENAI_API_KEY: 'k1' })).toEqual({ key: 'k2', source: 'MY_KEY' });
    expect(resolveApiKey('model', named, {})).toEqual({ key: 'stored', source: 'config (model.apiKey)' });
    expect(resolveApiKey('judge', named, {})).toEqual({ key: 'stored', source: 'config (model.apiKey), via the model settings' });
  });

  it('shows where each value comes from, honouring OPENAI_BASE_URL', () => {
    const s = { player: { name: 'Ada' }, model: { name: 'm' }, judge: {} };
    const rows = Object.fromEntries(describeSettings(s, { OPENAI_BASE_URL: 'http://127.0.0.1:8000/v1' }).map((r) => [r.key, r]));
    expect(rows['model.baseUrl']).toMatchObject({ shown: 'http://127.0.0.1:8000/v1', from: 'OPENAI_BASE_URL' });
    expect(rows['judge.baseUrl']).toMatchObject({ shown: 'http://127.0.0.1:8000/v1', from: 'OPENAI_BASE_URL' });
    expect(rows['model.name']).toMatchObject({ shown: 'm', from: 'config' });
    expect(rows['model.apiKeyEnv']).toMatchObject({ shown: 'OPENAI_API_KEY', from: 'default' });
    const plain = Object.fromEntries(describeSettings(s, {}).map((r) => [r.key, r]));
    expect(plain['model.baseUrl']).toMatchObject({ shown: 'https://api.openai.com/v1', from: 'default' });
  });
});
