// Where a model (or a judge) lives and how it is asked. Resolution order: flags > environment
// (OPENAI_API_KEY, OPENAI_BASE_URL) > settings > defaults. The key is carried only in memory:
// `describeEndpoint` / `playerOf` never include it, so nothing saved can hold it. Credentials in
// the base URL (user:pass@, ?api-key=) are treated the same way: `baseUrl` is the redacted form
// that is printed and saved, `requestUrl` the real one only the HTTP client sees.
import type { ModelParams, Player } from '../runs/types.js';
import { UserError } from '../errors.js';
import { hasMaskedCredentials, redactCredentials, redactUrl } from '../text/redact-url.js';

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';
/**
 * Sent as the key to loopback servers (Ollama, vLLM, LM Studio on this machine) when no key is
 * set: they do not check it, and the SDK refuses to run without one.
 */
export const NO_KEY_PLACEHOLDER = 'clplay-no-key';

export const DEFAULT_TIMEOUT_SECONDS = 600;
export const DEFAULT_RETRIES = 3;

export interface Endpoint {
  /** Safe to print and save: credentials in the URL are masked. */
  baseUrl: string;
  /** The URL with its credentials, when it has any. Never printed or saved (like apiKey). */
  requestUrl?: string;
  model: string;
  /** Never saved. A placeholder for keyless loopback servers. */
  apiKey: string;
  /** Where the key came from, for messages (`OPENAI_API_KEY`, `settings`, `none (loopback)`). */
  keySource: string;
  params: ModelParams;
}

/** What a caller may pass: command-line flags already parsed, each optional. */
export interface EndpointFlags {
  model?: string;
  baseUrl?: string;
  temperature?: number;
  maxTokens?: number;
  reasoningEffort?: string;
  timeoutSeconds?: number;
  retries?: number;
}

/** The settings section for one endpoint (`model.*` or `judge.*`), read defensively. */
export interface EndpointSettings {
  model?: string;
  baseUrl?: string;
  apiKeyEnv?: string;
  apiKey?: string;
  temperature?: number;
  maxTokens?: number;
  reasoningEffort?: string;
  timeoutSeconds?: number;
  retries?: number;
}

export type EndpointRole = 'model' | 'judge';

export function isLoopback(baseUrl: string): boolean {
  let host: string;
  try {
    host = new URL(baseUrl).hostname.toLowerCase();
  } catch {
    return false;
  }
  host = host.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '0.0.0.0';
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}
function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

/** Pulls the `model` or `judge` section out of a loaded settings object, whatever else it holds. */
export function endpointSettings(settings: unknown, role: EndpointRole): EndpointSettings {
  const section = settings && typeof settings === 'object' ? (settings as Record<string, unknown>)[role] : undefined;
  if (!section || typeof section !== 'object') return {};
  const s = section as Record<string, unknown>;
  return {
    model: str(s.model) ?? str(s.name),
    baseUrl: str(s.baseUrl),
    apiKeyEnv: str(s.apiKeyEnv),
    apiKey: str(s.apiKey),
    temperature: num(s.temperature),
    maxTokens: num(s.maxTokens),
    reasoningEffort: str(s.reasoningEffort),
    timeoutSeconds: num(s.timeoutSeconds) ?? num(s.timeout),
    retries: num(s.retries),
  };
}

export interface ResolveEndpointOptions {
  role: EndpointRole;
  flags: EndpointFlags;
  env: NodeJS.ProcessEnv;
  settings?: EndpointSettings;
  /** For the judge: fall back to the model endpoint's base URL and key when none is set. */
  fallback?: Endpoint;
  /** For the judge without a model endpoint (grade): the model settings' base URL. */
  fallbackBaseUrl?: string;
}

/**
 * flags > env > settings. The key: the variable named by `apiKeyEnv` (settings) if set, else
 * OPENAI_API_KEY, else a key stored in settings, else (loopback only) a placeholder.
 * Throws a one-line UserError naming what to set.
 */
export function resolveEndpoint(opts: ResolveEndpointOptions): Endpoint {
  const { role, flags, env } = opts;
  const s = opts.settings ?? {};
  const flagName = role === 'model' ? '--model' : '--judge';
  const model = str(flags.model) ?? s.model ?? (role === 'judge' ? undefined : str(env.CLPLAY_MODEL));
  if (!model) {
    throw new UserError(`no ${role} given: pass ${flagName} NAME or \`clplay config set ${role}.name NAME\``, 2);
  }
  const baseUrlRaw =
    str(flags.baseUrl) ?? (role === 'model' ? str(env.OPENAI_BASE_URL) : undefined) ?? s.baseUrl ?? opts.fallback?.baseUrl ?? opts.fallbackBaseUrl ?? str(env.OPENAI_BASE_URL) ?? OPENAI_BASE_URL;
  const requestUrl = baseUrlRaw.replace(/\/+$/, '');
  const flag = role === 'model' ? '--base-url' : '--judge-base-url';
  try {
    const u = new URL(requestUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol');
  } catch {
    throw new UserError(`"${redactCredentials(baseUrlRaw)}" is not an http(s) URL: give ${flag} like http://localhost:11434/v1`, 2);
  }
  if (hasMaskedCredentials(requestUrl)) {
    // A base URL read back from a run file: its credentials were never saved.
    throw new UserError(`the base URL ${requestUrl} had credentials, which clplay does not save; give ${flag} with them again`, 2);
  }
  const baseUrl = redactUrl(requestUrl);

  let apiKey: string | undefined;
  let keySource = '';
  if (s.apiKeyEnv && str(env[s.apiKeyEnv])) {
    apiKey = str(env[s.apiKeyEnv]);
    keySource = s.apiKeyEnv;
  }
  if (!apiKey && str(env.OPENAI_API_KEY)) {
    apiKey = str(env.OPENAI_API_KEY);
    keySource = 'OPENAI_API_KEY';
  }
  if (!apiKey && s.apiKey) {
    apiKey = s.apiKey;
    keySource = `settings (${role}.apiKey)`;
  }
  if (!apiKey && opts.fallback && (opts.fallback.requestUrl ?? opts.fallback.baseUrl) === requestUrl) {
    apiKey = opts.fallback.apiKey;
    keySource = opts.fallback.keySource;
  }
  if (!apiKey) {
    if (!isLoopback(baseUrl)) {
      const named = s.apiKeyEnv ? `${s.apiKeyEnv} (${role}.apiKeyEnv) or ` : '';
      throw new UserError(`no API key for ${baseUrl}: set ${named}OPENAI_API_KEY or \`clplay config set ${role}.apiKeyEnv NAME\``, 2);
    }
    apiKey = NO_KEY_PLACEHOLDER;
    keySource = 'none (loopback)';
  }

  const params: ModelParams = {};
  const temperature = flags.temperature ?? s.temperature;
  const maxTokens = flags.maxTokens ?? s.maxTokens;
  const reasoningEffort = str(flags.reasoningEffort) ?? s.reasoningEffort;
  const timeoutSeconds = flags.timeoutSeconds ?? s.timeoutSeconds;
  const retries = flags.retries ?? s.retries;
  if (temperature !== undefined) params.temperature = temperature;
  if (maxTokens !== undefined) params.maxTokens = maxTokens;
  if (reasoningEffort !== undefined) params.reasoningEffort = reasoningEffort;
  if (timeoutSeconds !== undefined) params.timeoutSeconds = timeoutSeconds;
  if (retries !== undefined) params.retries = retries;
  return { baseUrl, ...(requestUrl !== baseUrl ? { requestUrl } : {}), model, apiKey, keySource, params };
}

/**
 * The judge's settings, with the model's key settings (apiKeyEnv, apiKey) as fallbacks - the same order `clplay config list` shows (settings.ts resolveApiKey).
 */
export function judgeSettings(settings: unknown): EndpointSettings {
  const j = endpointSettings(settings, 'judge');
  const m = endpointSettings(settings, 'model');
  return {
    ...j,
    apiKeyEnv: j.apiKeyEnv ?? (j.apiKey ? undefined : m.apiKeyEnv),
    apiKey: j.apiKey ?? (j.apiKeyEnv ? undefined : m.apiKey),
  };
}

/**
 * What the SDK is given: the real base URL (with its credentials), its query moved to
 * `defaultQuery` - the SDK appends paths to baseURL as text, so `/v1?api-key=x` would otherwise
 * become `/v1?api-key=x/chat/completions`.
 */
export function sdkTarget(ep: Pick<Endpoint, 'baseUrl' | 'requestUrl'>): { baseURL: string; defaultQuery?: Record<string, string> } {
  const real = ep.requestUrl ?? ep.baseUrl;
  let u: URL;
  try {
    u = new URL(real);
  } catch {
    return { baseURL: real };
  }
  if (!u.search) return { baseURL: real };
  const defaultQuery = Object.fromEntries(u.searchParams);
  u.search = '';
  return { baseURL: u.toString().replace(/\/+$/, ''), defaultQuery };
}

/** The player record of a model run: never the key. */
export function modelPlayer(ep: Endpoint): Player {
  return { kind: 'model', model: ep.model, baseUrl: ep.baseUrl, params: { ...ep.params } };
}

/** `gpt-4o @ https://api.openai.com/v1` */
export function describeEndpoint(ep: Pick<Endpoint, 'model' | 'baseUrl'>): string {
  return `${ep.model} @ ${ep.baseUrl}`;
}

/** Parameters that change what a model answers (not timeout/retries): used for cache and resume keys. */
export function answerParams(params: ModelParams): Pick<ModelParams, 'temperature' | 'maxTokens' | 'reasoningEffort'> {
  const out: Pick<ModelParams, 'temperature' | 'maxTokens' | 'reasoningEffort'> = {};
  if (params.temperature !== undefined) out.temperature = params.temperature;
  if (params.maxTokens !== undefined) out.maxTokens = params.maxTokens;
  if (params.reasoningEffort !== undefined) out.reasoningEffort = params.reasoningEffort;
  return out;
}
