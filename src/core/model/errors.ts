// Model call failures, mapped to one line a person can act on. The key is never part of a
// message: servers sometimes echo a (partly masked) key back, so messages are redacted.
import { redactCredentials } from '../text/redact-url.js';
import { sanitizeInline } from '../text/sanitize.js';
import { HTML_REPLY, looksLikeHtml } from './html-reply.js';

export type ModelErrorKind =
  | 'connection'
  | 'timeout'
  | 'rate-limit'
  | 'server'
  | 'cut'
  | 'bad-reply'
  /** A 200 reply that is a web page: the base URL is not an OpenAI-compatible API. */
  | 'not-an-api'
  | 'auth'
  | 'not-found'
  | 'bad-request'
  | 'aborted';

export class ModelError extends Error {
  constructor(
    message: string,
    readonly kind: ModelErrorKind,
    readonly retryable: boolean,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ModelError';
  }
}

/** Errors that say the endpoint itself is misconfigured (a refused key, no such model or URL, a web
 *  page where an API should answer): no task can succeed until it is fixed. */
export function isConfigError(err: unknown): boolean {
  return err instanceof ModelError && (err.kind === 'auth' || err.kind === 'not-found' || err.kind === 'not-an-api');
}

/** Removes the key and anything that looks like one (sk-..., Bearer ..., credentials in URLs). */
export function redact(text: string, apiKey?: string): string {
  let out = redactCredentials(text);
  if (apiKey && apiKey.length >= 4) out = out.split(apiKey).join('[key]');
  out = out.replace(/\bsk-[A-Za-z0-9_*-]{4,}/g, 'sk-[redacted]');
  out = out.replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi, '$1[redacted]');
  return out;
}

/** One line: newlines folded, long server messages shortened. */
export function oneLine(text: string, max = 300): string {
  const flat = sanitizeInline(text.replace(/\s+/g, ' ')).trim();
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}

function codeOf(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 6 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
    const errors = (e as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0) {
      const inner = codeOf(errors[0]);
      if (inner) return inner;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The innermost cause's message ("bad port", "getaddrinfo ENOTFOUND x"), for errors without a code. */
function rootMessage(err: unknown): string | undefined {
  let e: unknown = err;
  let msg: string | undefined;
  for (let i = 0; i < 6 && e && typeof e === 'object'; i++) {
    const m = (e as { message?: unknown }).message;
    if (typeof m === 'string' && m.trim() !== '') msg = m;
    e = (e as { cause?: unknown }).cause;
  }
  return msg;
}

const CONNECTION_HINTS: Record<string, string> = {
  ECONNREFUSED: 'connection refused - is the server running?',
  ENOTFOUND: 'host not found - check the base URL',
  EAI_AGAIN: 'host name lookup failed - check the network and the base URL',
  ECONNRESET: 'connection reset by the server',
  EHOSTUNREACH: 'host unreachable - check the network',
  ENETUNREACH: 'network unreachable - check the network',
  ETIMEDOUT: 'connection timed out - check the base URL and the network',
  UND_ERR_SOCKET: 'the connection was closed by the server',
};

export interface ClassifyContext {
  baseUrl: string;
  model: string;
  apiKey?: string;
  keySource?: string;
}

interface ApiErrorLike {
  status?: number;
  headers?: { get(name: string): string | null };
  message?: string;
  error?: unknown;
}

function serverMessage(e: ApiErrorLike): string {
  const body = e.error as { message?: unknown } | undefined;
  if (body && typeof body.message === 'string') return body.message;
  return (e.message ?? '').replace(/^\d{3}\s*/, '');
}

/**
 * Maps an SDK or network error to a ModelError. `sdk` is the loaded openai module (its error
 * classes); `retryAfter` reads the headers of a 429/503.
 */
/** The SDK's error classes, as `instanceof` needs them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- an error class's constructor arguments are the SDK's own business
type ErrorClass = abstract new (...args: any[]) => unknown;

export function classifyError(
  err: unknown,
  ctx: ClassifyContext,
  sdk: { APIError: ErrorClass; APIConnectionError: ErrorClass; APIConnectionTimeoutError: ErrorClass; APIUserAbortError: ErrorClass },
  retryAfter: (h: ApiErrorLike['headers']) => number | undefined,
): ModelError {
  if (err instanceof ModelError) return err;
  const where = ctx.baseUrl;
  const r = (s: string) => oneLine(redact(s, ctx.apiKey));
  if (err instanceof sdk.APIConnectionTimeoutError) {
    return new ModelError(`no reply from ${where} in time (--timeout)`, 'timeout', true);
  }
  if (err instanceof sdk.APIConnectionError) {
    const code = codeOf(err);
    const hint = code ? (CONNECTION_HINTS[code] ?? code) : r(rootMessage(err) || 'connection error');
    return new ModelError(`cannot reach ${where}: ${hint}`, 'connection', true);
  }
  if (err instanceof sdk.APIUserAbortError) {
    return new ModelError('stopped', 'aborted', false);
  }
  if (err instanceof sdk.APIError) {
    const e = err as ApiErrorLike;
    const status = e.status;
    // A proxy's or portal's error page: say so instead of quoting its markup.
    const raw = serverMessage(e);
    const msg = looksLikeHtml(raw) ? HTML_REPLY : r(raw);
    if (status === undefined) {
      // An error event inside an SSE stream.
      return new ModelError(`${where} sent an error in the reply stream: ${msg || 'no message'}`, 'server', true);
    }
    if (status === 401) {
      return new ModelError(
        `${where} refused the API key (401): check ${ctx.keySource && !ctx.keySource.startsWith('none') ? ctx.keySource : 'OPENAI_API_KEY'} or \`clplay config set model.apiKeyEnv NAME\``,
        'auth',
        false,
        status,
      );
    }
    if (status === 403) return new ModelError(`${where} denied access (403): ${msg || 'forbidden'}`, 'auth', false, status);
    if (status === 404) {
      return new ModelError(
        `${where} answered 404 for model "${ctx.model}": check --model and --base-url (it usually ends in /v1)${msg ? ` (${msg})` : ''}`,
        'not-found',
        false,
        status,
      );
    }
    if (status === 429) {
      return new ModelError(`rate limited by ${where} (429)${msg ? `: ${msg}` : ''}`, 'rate-limit', true, status, retryAfter(e.headers));
    }
    if (status === 408 || status === 409) {
      return new ModelError(`${where} answered ${status}${msg ? `: ${msg}` : ''}`, 'server', true, status, retryAfter(e.headers));
    }
    if (status >= 500) {
      return new ModelError(`${where} failed with ${status}${msg ? `: ${msg}` : ''}`, 'server', true, status, retryAfter(e.headers));
    }
    return new ModelError(`${where} rejected the request (${status})${msg ? `: ${msg}` : ''}`, 'bad-request', false, status);
  }
  if (err instanceof SyntaxError) {
    return new ModelError(`${where} sent a reply that is not valid JSON: ${r(err.message)}`, 'bad-reply', true);
  }
  // Network failures while reading a body (undici "terminated", socket closed) end up here.
  const code = codeOf(err);
  const detail = code ? (CONNECTION_HINTS[code] ?? code) : r(err instanceof Error ? err.message : String(err));
  return new ModelError(`the reply from ${where} was cut off: ${detail}`, 'cut', true);
}
