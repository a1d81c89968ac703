// Command-line options for model and judge endpoints, shared by run, watch, grade and play --vs.
// Flags > environment (OPENAI_API_KEY, OPENAI_BASE_URL) > settings (`clplay config`).
import { UserError } from '../core/errors.js';
import { CLBENCH_EVAL_ENV, loadGradingTemplate } from '../core/clbench/eval-template.js';
import { JUDGE_PROTOCOLS, type JudgeProtocol } from '../core/grading/verdict.js';
import { NO_EVAL_PY, type JudgeOptions } from '../core/judge/judge.js';
import { endpointSettings, judgeSettings, resolveEndpoint, type Endpoint, type EndpointFlags } from '../core/model/endpoint.js';
import type { OptionSpec, ParsedArgs } from './types.js';
import type { Scenario, Task } from '../core/scenario/schema.js';

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
  'judge-protocol': {
    type: 'string',
    valueName: 'P',
    description: 'clbench (upstream eval.py: its prompt, parsing and counting; needs --clbench-eval) or clplay (per-item verdicts with reasons). Default: clbench for imported CL-bench tasks when eval.py is configured, else clplay',
  },
  'clbench-eval': { type: 'string', valueName: 'FILE', description: `Your copy of CL-bench's eval.py; its grading prompt is read from it (else ${CLBENCH_EVAL_ENV}, else settings judge.clbenchEval)` },
  'judge-checks': { type: 'boolean', description: 'Also ask the judge about items a machine check decided, and record where it disagrees (see `clplay results`, judge agreement)' },
};

/**
 * One line when imported CL-bench tasks will be graded by clplay's protocol only because no
 * eval.py is configured (the user may expect eval.py's counting), else undefined.
 */
export function clbenchProtocolHint(judge: { protocolFor(t: Task): string } | undefined, args: ParsedArgs, scenarios: readonly Scenario[]): string | undefined {
  if (!judge || args.values['judge-protocol'] !== undefined) return undefined;
  const imported = scenarios.some((s) => s.tasks.some((t) => t.sourceId !== undefined && judge.protocolFor(t) === 'clplay'));
  return imported
    ? `imported CL-bench tasks are graded by clplay's judge protocol; to grade and count them as upstream eval.py does, point --clbench-eval (or ${CLBENCH_EVAL_ENV}) at your copy of eval.py`
    : undefined;
}

/**
 * How the judge grades, from --judge-protocol, --clbench-eval / CLPLAY_CLBENCH_EVAL / settings,
 * --judge-checks and --judge-with-task. Reads eval.py when it will be used; a one-line UserError
 * when it cannot be, or when clbench is asked for without it.
 */
export function judgeModeOptions(args: ParsedArgs, env: NodeJS.ProcessEnv, settings: unknown, cwd: string): Pick<JudgeOptions, 'protocol' | 'clbenchTemplate' | 'judgeChecks' | 'withTask'> {
  const raw = str(args, 'judge-protocol');
  let protocol: JudgeProtocol | undefined;
  if (raw !== undefined) {
    if (!(JUDGE_PROTOCOLS as readonly string[]).includes(raw.trim())) throw new UserError(`--judge-protocol "${raw}" is not known; use ${JUDGE_PROTOCOLS.join(' or ')}`, 2);
    protocol = raw.trim() as JudgeProtocol;
  }
  const fromSettings = (settings as { judge?: { clbenchEval?: unknown } } | undefined)?.judge?.clbenchEval;
  const file = str(args, 'clbench-eval') ?? (env[CLBENCH_EVAL_ENV]?.trim() || undefined) ?? (typeof fromSettings === 'string' ? fromSettings : undefined);
  if (protocol === 'clbench' && !file) throw new UserError(NO_EVAL_PY, 2);
  const clbenchTemplate = protocol !== 'clplay' && file ? loadGradingTemplate(file, cwd) : undefined;
  return {
    ...(protocol ? { protocol } : {}),
    ...(clbenchTemplate ? { clbenchTemplate } : {}),
    judgeChecks: Boolean(args.values['judge-checks']),
    withTask: Boolean(args.values['judge-with-task']),
  };
}

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
