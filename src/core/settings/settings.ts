// Settings: player name, model and judge endpoints, key handling. Stored with conf in
// <config dir>/config.json (CLPLAY_CONFIG_DIR overrides the folder; tests use temp folders).
// Reading is done ONCE, directly from the file (conf re-reads the file on every get() and pulls
// in a JSON-schema validator, which start-up does not need); conf is loaded only to write.
import { existsSync, readFileSync } from 'node:fs';
import { chmod } from 'node:fs/promises';
import { homedir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { DEFAULT_LIMITS, formatBytes, LIMIT_SETTING_DEFAULTS, type LimitsSection } from '../limits.js';
import { redactUrl } from '../text/redact-url.js';

export const REASONING_EFFORTS = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh'] as const;
export const DEFAULT_BASE_URL = 'https://api.openai.com/v1';
export const DEFAULT_API_KEY_ENV = 'OPENAI_API_KEY';
// Same figures as the model client's defaults (src/core/model/endpoint.ts), shown by `config list`.
const DEFAULT_TIMEOUT_SECONDS = 600;
const DEFAULT_RETRIES = 3;

export interface EndpointSection {
  baseUrl?: string;
  name?: string;
  temperature?: number;
  maxTokens?: number;
  reasoningEffort?: string;
  timeoutSeconds?: number;
  retries?: number;
  /** Name of the environment variable that holds the key (default OPENAI_API_KEY). */
  apiKeyEnv?: string;
  /** Stored only when a user sets it explicitly; the file is then mode 0600. */
  apiKey?: string;
  /** Judge only: the user's copy of CL-bench's eval.py (the clbench judge protocol reads its prompt). */
  clbenchEval?: string;
}

/** What is stored (no defaults folded in), read once. */
export interface Settings {
  player: { name?: string };
  model: EndpointSection;
  judge: EndpointSection;
  /** Size limits (src/core/limits.ts); absent = the defaults. */
  limits?: LimitsSection;
}

export interface LoadedSettings extends Settings {
  /** The config file (it may not exist yet). */
  path: string;
  /** Values that were ignored (corrupt file, wrong types), one line each. */
  problems: string[];
}

export type Section = 'model' | 'judge';

type Kind = 'string' | 'url' | 'number' | 'int' | 'enum' | 'envName' | 'secret';
interface KeySpec {
  kind: Kind;
  description: string;
  min?: number;
  max?: number;
  /** min is exclusive */
  positive?: boolean;
  values?: readonly string[];
}

const endpointKeys = (who: string): Record<string, KeySpec> => ({
  baseUrl: { kind: 'url', description: `Base URL of the ${who}'s OpenAI-compatible API (default: OPENAI_BASE_URL, else ${DEFAULT_BASE_URL})` },
  name: { kind: 'string', description: `The ${who} name, e.g. gpt-5.1` },
  temperature: { kind: 'number', min: 0, max: 2, description: 'Sampling temperature, 0-2 (default: the server\'s)' },
  maxTokens: { kind: 'int', min: 1, description: 'Maximum tokens per reply (default: the server\'s)' },
  reasoningEffort: { kind: 'enum', values: REASONING_EFFORTS, description: `Reasoning effort: ${REASONING_EFFORTS.join(', ')}` },
  timeoutSeconds: { kind: 'number', min: 0, positive: true, description: `Seconds to wait for one reply (default ${DEFAULT_TIMEOUT_SECONDS})` },
  retries: { kind: 'int', min: 0, max: 20, description: `Retries after a failed request (default ${DEFAULT_RETRIES})` },
  apiKeyEnv: { kind: 'envName', description: `Environment variable holding the key (default ${DEFAULT_API_KEY_ENV})` },
  apiKey: { kind: 'secret', description: 'A key stored in the config file (mode 0600); prefer apiKeyEnv' },
});

export const SETTING_KEYS: Record<string, KeySpec> = {
  'player.name': { kind: 'string', max: 60, description: 'Your name in saved runs and results' },
  ...Object.fromEntries(Object.entries(endpointKeys('model')).map(([k, v]) => [`model.${k}`, v])),
  ...Object.fromEntries(Object.entries(endpointKeys('judge')).map(([k, v]) => [`judge.${k}`, v])),
  'judge.clbenchEval': { kind: 'string', description: "Your copy of CL-bench's eval.py: the clbench judge protocol reads its grading prompt (else CLPLAY_CLBENCH_EVAL)" },
  'limits.replyMB': { kind: 'number', min: 0, positive: true, description: `Largest model reply, MB of text; a longer one is cut and marked truncated (default ${formatBytes(DEFAULT_LIMITS.replyChars)})` },
  'limits.answerFileMB': { kind: 'number', min: 0, positive: true, description: `Largest answer file for \`check --answer-file\`, MB (default ${formatBytes(DEFAULT_LIMITS.answerFileBytes)})` },
  'limits.scenarioMB': { kind: 'number', min: 0, positive: true, description: `Largest scenario file, and largest context file it names, MB; a larger one is refused unread (default ${formatBytes(DEFAULT_LIMITS.scenarioFileBytes)})` },
  'limits.archiveEntries': { kind: 'int', min: 1, description: `Most entries in an archive given to \`saves merge\` (default ${DEFAULT_LIMITS.archive.entries})` },
  'limits.archiveEntryMB': { kind: 'number', min: 0, positive: true, description: `Largest run file in an archive or folder given to \`saves merge\`, MB (default ${formatBytes(DEFAULT_LIMITS.archive.entryBytes)})` },
  'limits.archiveTotalMB': { kind: 'number', min: 0, positive: true, description: `Largest unpacked size of one archive, MB (default ${formatBytes(DEFAULT_LIMITS.archive.totalBytes)})` },
  'limits.archiveRatio': { kind: 'number', min: 1, description: `Largest unpacked/packed size ratio of an archive (default ${DEFAULT_LIMITS.archive.ratio})` },
};

export function isSecretKey(key: string): boolean {
  return SETTING_KEYS[key]?.kind === 'secret';
}

/** The folder holding config.json: CLPLAY_CONFIG_DIR, else the platform's config folder. */
export function configDir(env: NodeJS.ProcessEnv, cwd?: string): string {
  if (cwd) return resolve(cwd);
  if (env.CLPLAY_CONFIG_DIR && env.CLPLAY_CONFIG_DIR.trim() !== '') return resolve(env.CLPLAY_CONFIG_DIR);
  // the same folder conf (env-paths) would pick for projectName "clplay" without a suffix
  const home = homedir();
  if (process.platform === 'darwin') return join(home, 'Library', 'Preferences', 'clplay');
  if (process.platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'clplay', 'Config');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'clplay');
}

export function configPath(opts: { cwd?: string; env: NodeJS.ProcessEnv }): string {
  return join(configDir(opts.env, opts.cwd), 'config.json');
}

/** Reads the settings once. Never throws: a corrupt file or bad value becomes a problem line. */
export function loadSettings(opts: { cwd?: string; env: NodeJS.ProcessEnv }): LoadedSettings {
  const path = configPath(opts);
  const out: LoadedSettings = { player: {}, model: {}, judge: {}, limits: {}, path, problems: [] };
  if (!existsSync(path)) return out;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    out.problems.push(`${path}: not valid JSON (${(err as Error).message}); settings ignored - fix or delete the file`);
    return out;
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    out.problems.push(`${path}: expected a JSON object; settings ignored - fix or delete the file`);
    return out;
  }
  for (const [key, spec] of Object.entries(SETTING_KEYS)) {
    const [section, field] = key.split('.') as [keyof Settings, string];
    const sec = (raw as Record<string, unknown>)[section];
    if (!sec || typeof sec !== 'object') continue;
    const value = (sec as Record<string, unknown>)[field];
    if (value === undefined) continue;
    const checked = checkValue(key, spec, value);
    if (typeof checked === 'string') out.problems.push(`${path}: ${key} ignored: ${checked}`);
    else (out[section] as Record<string, unknown>)[field] = checked.value;
  }
  return out;
}

function checkValue(key: string, spec: KeySpec, value: unknown): { value: unknown } | string {
  switch (spec.kind) {
    case 'number':
    case 'int': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${key} must be a number`;
      if (spec.kind === 'int' && !Number.isInteger(value)) return `${key} must be a whole number`;
      if (spec.min !== undefined && (spec.positive ? value <= spec.min : value < spec.min)) {
        return `${key} must be ${spec.positive ? 'greater than' : 'at least'} ${spec.min}`;
      }
      if (spec.max !== undefined && value > spec.max) return `${key} must be at most ${spec.max}`;
      return { value };
    }
    default: {
      if (typeof value !== 'string') return `${key} must be text`;
      const v = value.trim();
      if (v === '') return `${key} must not be empty (use \`clplay config unset ${key}\`)`;
      if (/[\r\n]/.test(v)) return `${key} must be one line`;
      if (spec.max !== undefined && v.length > spec.max) return `${key} may have at most ${spec.max} characters`;
      if (spec.kind === 'url') {
        let u: URL | undefined;
        try {
          u = new URL(v);
        } catch {
          u = undefined;
        }
        if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) return `${key} must be an http(s) URL such as http://localhost:11434/v1`;
        return { value: v.replace(/\/+$/, '') };
      }
      if (spec.kind === 'enum' && !spec.values!.includes(v)) return `${key} must be one of ${spec.values!.join(', ')}`;
      if (spec.kind === 'envName' && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(v)) return `${key} must be a variable name such as MY_API_KEY`;
      return { value: spec.kind === 'secret' ? value : v };
    }
  }
}

/** Checks a key name; UserError listing the keys when unknown. */
export function assertKey(key: string): KeySpec {
  const spec = SETTING_KEYS[key];
  if (!spec) {
    throw new UserError(`unknown setting "${key}"; the settings are: ${Object.keys(SETTING_KEYS).join(', ')}`, 2);
  }
  return spec;
}

/** Parses a value given on the command line for `key`; one-line UserError when it does not fit. */
export function parseSettingValue(key: string, raw: string): unknown {
  const spec = assertKey(key);
  let value: unknown = raw;
  if (spec.kind === 'number' || spec.kind === 'int') {
    const t = raw.trim();
    value = t === '' ? NaN : Number(t);
    if (!Number.isFinite(value as number)) throw new UserError(`${key} must be a number, not "${raw}"`, 2);
  }
  const checked = checkValue(key, spec, value);
  if (typeof checked === 'string') throw new UserError(checked, 2);
  return checked.value;
}

async function openConf(opts: { cwd?: string; env: NodeJS.ProcessEnv }) {
  const path = configPath(opts);
  if (existsSync(path)) {
    try {
      const raw = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
      if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('not an object');
    } catch {
      throw new UserError(`${path} is not a valid settings file; fix it or delete it, then try again (nothing was changed)`);
    }
  }
  const { default: Conf } = await import('conf');
  return new Conf<Record<string, unknown>>({
    projectName: 'clplay',
    projectSuffix: '',
    cwd: configDir(opts.env, opts.cwd),
    configFileMode: 0o600,
    clearInvalidConfig: false,
  });
}

/** Stores one setting (validated). A stored key leaves the file with mode 0600. */
export async function saveSetting(key: string, raw: string, opts: { cwd?: string; env: NodeJS.ProcessEnv }): Promise<unknown> {
  const value = parseSettingValue(key, raw);
  const conf = await openConf(opts);
  conf.set(key, value);
  await chmod(conf.path, 0o600).catch(() => undefined);
  return value;
}

/** Removes one setting; returns false when it was not set. */
export async function unsetSetting(key: string, opts: { cwd?: string; env: NodeJS.ProcessEnv }): Promise<boolean> {
  assertKey(key);
  if (!existsSync(configPath(opts))) return false;
  const conf = await openConf(opts);
  if (!conf.has(key)) return false;
  conf.delete(key);
  return true;
}

/** `sk-…1234`: enough to recognise a key, never enough to use it. */
export function maskKey(key: string): string {
  const k = key.trim();
  if (k.length >= 12) return `${k.slice(0, 3)}…${k.slice(-4)}`;
  return '…'.padEnd(Math.min(4, Math.max(1, k.length)), '*');
}

export interface ResolvedKey {
  key?: string;
  /** `OPENAI_API_KEY`, `MY_VAR`, `config (model.apiKey)`, or `none`. */
  source: string;
}

/**
 * The key an endpoint uses, in the model client's order: the variable named by `apiKeyEnv` (if
 * set), else OPENAI_API_KEY, else a key stored in the config; the judge falls back to the model's.
 */
export function resolveApiKey(section: Section, settings: Settings, env: NodeJS.ProcessEnv): ResolvedKey {
  const s = settings[section] ?? {};
  const val = (v: string | undefined): string | undefined => (v && v.trim() !== '' ? v.trim() : undefined);
  if (s.apiKeyEnv) {
    const k = val(env[s.apiKeyEnv]);
    if (k) return { key: k, source: s.apiKeyEnv };
  }
  const fromDefault = val(env[DEFAULT_API_KEY_ENV]);
  if (fromDefault) return { key: fromDefault, source: DEFAULT_API_KEY_ENV };
  if (s.apiKey) return { key: s.apiKey, source: `config (${section}.apiKey)` };
  if (section === 'judge') {
    const m = resolveApiKey('model', settings, env);
    if (m.key) return { key: m.key, source: `${m.source}, via the model settings` };
  }
  return { source: 'none' };
}

/** The name runs are saved under when none is set: the login name, else "player". */
export function playerName(settings: Settings, env: NodeJS.ProcessEnv): string {
  if (settings.player.name) return settings.player.name;
  const fromEnv = env.USER || env.USERNAME;
  if (fromEnv) return fromEnv;
  try {
    return userInfo().username || 'player';
  } catch {
    return 'player';
  }
}

export interface SettingRow {
  key: string;
  /** What is shown (keys masked). */
  shown: string;
  /** `config`, `default`, `OPENAI_BASE_URL`, `unset`, ... */
  from: string;
  description: string;
}

/** Every setting with its effective value and where it comes from; keys and credentials in URLs masked. */
export function describeSettings(settings: Settings, env: NodeJS.ProcessEnv): SettingRow[] {
  return describeSettingsRaw(settings, env).map((r) => (SETTING_KEYS[r.key]?.kind === 'url' ? { ...r, shown: redactUrl(r.shown) } : r));
}

function describeSettingsRaw(settings: Settings, env: NodeJS.ProcessEnv): SettingRow[] {
  return Object.entries(SETTING_KEYS).map(([key, spec]) => {
    const [section, field] = key.split('.') as [keyof Settings, string];
    const stored = ((settings[section] ?? {}) as Record<string, unknown>)[field];
    const row = (shown: string, from: string): SettingRow => ({ key, shown, from, description: spec.description });
    if (spec.kind === 'secret') {
      const sec = section as Section;
      if (stored !== undefined) return row(maskKey(String(stored)), 'config (file mode 0600)');
      const r = resolveApiKey(sec, settings, env);
      return r.key ? row(`(not stored) - using ${r.source}: ${maskKey(r.key)}`, 'environment') : row('(not stored)', 'unset');
    }
    // The model client lets OPENAI_BASE_URL override model.baseUrl (flags > env > settings).
    if (key === 'model.baseUrl' && env.OPENAI_BASE_URL) {
      return row(env.OPENAI_BASE_URL, stored !== undefined ? 'OPENAI_BASE_URL (overrides the config)' : 'OPENAI_BASE_URL');
    }
    if (key === 'judge.clbenchEval' && env.CLPLAY_CLBENCH_EVAL) return row(env.CLPLAY_CLBENCH_EVAL, stored !== undefined ? 'CLPLAY_CLBENCH_EVAL (overrides the config)' : 'CLPLAY_CLBENCH_EVAL');
    if (stored !== undefined) return row(String(stored), 'config');
    if (field === 'baseUrl') {
      if (section === 'judge' && settings.model.baseUrl && !env.OPENAI_BASE_URL) return row(settings.model.baseUrl, 'model.baseUrl');
      return env.OPENAI_BASE_URL ? row(env.OPENAI_BASE_URL, 'OPENAI_BASE_URL') : row(DEFAULT_BASE_URL, 'default');
    }
    if (field === 'apiKeyEnv') return row(DEFAULT_API_KEY_ENV, 'default');
    if (field === 'timeoutSeconds') return row(String(DEFAULT_TIMEOUT_SECONDS), 'default');
    if (field === 'retries') return row(String(DEFAULT_RETRIES), 'default');
    if (key === 'player.name') return row(playerName(settings, env), 'login name');
    if (section === 'limits') return row(String(LIMIT_SETTING_DEFAULTS[field as keyof typeof LIMIT_SETTING_DEFAULTS] ?? ''), 'default');
    return row('', 'unset');
  });
}
