// Command-line options for model and judge endpoints, shared by run, watch, grade and play --vs.
// Flags > environment (OPENAI_API_KEY, OPENAI_BASE_URL) > settings (`clplay config`).
import { UserError } from '../core/errors.js';
import { endpointSettings, judgeSettings, resolveEndpoint, type Endpoint, type EndpointFlags } from '../core/model/endpoint.js';
import type { OptionSpec, ParsedArgs } from './types.js';

export const modelOptions: Record<string, OptionSpec> = {
  model: { type: 'string', valueName: 'M', description: 'Model name (else settings model.name)' },
  'base-url': { type: 'string', valueName: 'URL', description: 'OpenAI-compatible base URL, e.g. http://localhost:11434/v1 (else OPENAI_BASE_URL, settings, OpenAI)' },
  temperature: { type: 'string', valueName: 'T', description: 'Sampling temperature (default: the server\'s)' },
  'max-tokens': { type: 'string', valueName: 'N', description: 'Maximum tokens per reply (default: the server\'s)' },
  'reasoning-effort': { type: 'string', valueName: 'E', description: 'Reasoning effort (none, minimal, low, medium, high, xhigh)' },
  timeout: { type: 'string', valueName: 'S', description: 'Give up a try when the server sends nothing for S seconds (default 600)' },
  retries: { type: 'string', valueName: 'N', description: 'Retries after a failed request: 429, 5xx, connection errors, cut streams, timeouts (default 3)' },
};

export const judgeOptions: Record<string, OptionSpec> = {
  judge: { type: 'string', valueName: 'J', description: 'LLM judge model for rubric items without a machine check' },
  'judge-base-url': { type: 'string', valueName: 'URL', description: 'Base URL of the judge (default: the model\'s)' },
  'judge-with-task': { type: 'boolean', description: 'Show the judge the task prompt too (CL-bench shows only rubric and answer)' },
};

function str(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function numberFlag(args: ParsedArgs, name: string, opts: { int?: boolean; min?: number; max?: number; positive?: boolean } = {}): number | undefined {
  const raw = str(args, name);
  if (raw === undefined) return undefined;
  const n = Number(raw.trim());
  const bad = (what: string) => new UserError(`--${name} ${what}, not "${raw}"`, 2);
  if (raw.trim() === '' || !Number.isFinite(n)) throw bad('must be a number');
  if (opts.int && !Number.isInteger(n)) throw bad('must be a whole number');
  if (opts.positive && n <= 0) throw bad('must be greater than 0');
  if (opts.min !== undefined && n < opts.min) throw bad(`must be at least ${opts.min}`);
  if (opts.max !== undefined && n > opts.max) throw bad(`must be at most ${opts.max}`);
  return n;
}

function modelFlags(args: ParsedArgs): EndpointFlags {
  return {
    model: str(args, 'model'),
    baseUrl: str(args, 'base-url'),
    temperature: numberFlag(args, 'temperature', { min: 0, max: 2 }),
    maxTokens: numberFlag(args, 'max-tokens', { int: true, min: 1 }),
    reasoningEffort: str(args, 'reasoning-effort'),
    timeoutSeconds: numberFlag(args, 'timeout', { positive: true }),
    retries: numberFlag(args, 'retries', { int: true, min: 0, max: 20 }),
  };
}

/** The model endpoint from flags, env and settings (a UserError naming what to set). */
export function modelEndpoint(args: ParsedArgs, env: NodeJS.ProcessEnv, settings: unknown): Endpoint {
  return resolveEndpoint({ role: 'model', flags: modelFlags(args), env, settings: endpointSettings(settings, 'model') });
}

/**
 * The judge endpoint, or undefined when no judge is named (flag or settings judge.name). It
 * shares the model's timeout and retries flags; its base URL defaults to the model's.
 */
export function judgeEndpoint(args: ParsedArgs, env: NodeJS.ProcessEnv, settings: unknown, model?: Endpoint, opts: { required?: boolean } = {}): Endpoint | undefined {
  const js = judgeSettings(settings);
  const name = str(args, 'judge') ?? js.model;
  if (!name) {
    if (opts.required) throw new UserError('no judge given: pass --judge MODEL (or `clplay config set judge.name MODEL`), or grade by hand with --manual', 2);
    return undefined;
  }
  return resolveEndpoint({
    role: 'judge',
    flags: {
      model: name,
      baseUrl: str(args, 'judge-base-url'),
      timeoutSeconds: numberFlag(args, 'timeout', { positive: true }),
      retries: numberFlag(args, 'retries', { int: true, min: 0, max: 20 }),
    },
    env,
    settings: js,
    fallback: model,
    fallbackBaseUrl: model ? undefined : endpointSettings(settings, 'model').baseUrl,
  });
}
