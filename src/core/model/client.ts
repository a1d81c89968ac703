// A thin layer over the openai SDK (v6) for any OpenAI-compatible chat completion endpoint.
// The SDK is loaded only here, through a dynamic import, so the human path never pays for it.
// The SDK's own retries are off (maxRetries 0): this loop counts tries, backs off with jitter,
// honours retry-after, and retries 429, 5xx, connection errors, cut streams and timeouts.
import { DEFAULT_LIMITS } from '../limits.js';
import type { Endpoint } from './endpoint.js';
import { DEFAULT_RETRIES, DEFAULT_TIMEOUT_SECONDS, sdkTarget } from './endpoint.js';
import { ModelError, classifyError } from './errors.js';
import { HTML_REPLY, isHtmlContentType, looksLikeHtml } from './html-reply.js';
import { DEFAULT_BACKOFF, backoffDelay, retryAfterMs, sleep, type BackoffOptions } from './retry.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** A message as sent: an imported CL-bench row's messages keep every key and content parts as written. */
export type WireMessage = ChatMessage | { role: string; content: unknown; [key: string]: unknown };

export interface Usage {
  promptTokens?: number;
  completionTokens?: number;
}

export interface RetryInfo {
  /** Tries made so far (the failed one included). */
  tries: number;
  error: ModelError;
  delayMs: number;
}

export interface CompleteOptions {
  /** Each piece of answer text as it arrives. After a retry the text starts again (see onRetry). */
  onDelta?: (text: string) => void;
  /** A failed try that will be retried: a live view should clear the partial text. */
  onRetry?: (info: RetryInfo) => void;
  /** Aborting keeps what arrived: the result is marked cutOff, not an error. */
  signal?: AbortSignal;
  /**
   * Default true. false sends upstream infer.py's request: {model, messages} and the parameters
   * the user set, no stream and no stream_options. Non-streamed requests are still bounded by the timeout.
   */
  stream?: boolean;
}

export interface Completion {
  text: string;
  tries: number;
  usage?: Usage;
  /** Wall time from the first request to the end, retries and waits included. */
  latencyMs: number;
  /** Stopped by the caller (signal) before the model finished. */
  cutOff?: boolean;
  /** The reply passed the reply size limit: the stream was cut there and `text` ends at the limit. */
  truncated?: boolean;
  finishReason?: string;
}

/** Thrown when every try failed; carries the tries made and the longest partial text seen. */
export class ModelCallError extends ModelError {
  constructor(
    readonly last: ModelError,
    readonly tries: number,
    readonly latencyMs: number,
    readonly partialText?: string,
  ) {
    super(tries > 1 ? `${last.message} (after ${tries} tries)` : last.message, last.kind, false, last.status);
    this.name = 'ModelCallError';
  }
}

export interface ChatClient {
  readonly endpoint: Endpoint;
  complete(messages: readonly WireMessage[], opts?: CompleteOptions): Promise<Completion>;
}

export interface ClientOptions {
  backoff?: BackoffOptions;
  /** Characters of one reply (default limits: 2 MB); beyond it the stream is cut, the reply marked truncated. */
  maxReplyChars?: number;
  /** For tests: a random source for jitter. */
  random?: () => number;
}

/** A 200 reply that is a web page: a wrong base URL, not something a retry fixes. */
function htmlReplyError(baseUrl: string): ModelError {
  return new ModelError(`${baseUrl}: ${HTML_REPLY} (check --base-url; OpenAI-compatible APIs usually end in /v1)`, 'not-an-api', false);
}

type OpenAIModule = typeof import('openai');
/** The SDK's APIPromise, as far as it is used here: the parsed body and the HTTP response. */
type WithResponse = { withResponse(): Promise<{ data: unknown; response: Response }> };
let sdkPromise: Promise<OpenAIModule> | undefined;
/** Loads the openai SDK once, on first use. */
export function loadSdk(): Promise<OpenAIModule> {
  sdkPromise ??= import('openai');
  return sdkPromise;
}

function isOpenAIHost(baseUrl: string): boolean {
  try {
    return new URL(baseUrl).hostname.endsWith('openai.com');
  } catch {
    return false;
  }
}

/** The request body: only the parameters that were set (upstream sets none). */
export function requestBody(ep: Endpoint, messages: readonly WireMessage[], stream: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = { model: ep.model, messages };
  const p = ep.params;
  if (p.temperature !== undefined) body.temperature = p.temperature;
  if (p.maxTokens !== undefined) {
    // OpenAI's newer models accept only max_completion_tokens; other servers know max_tokens.
    body[isOpenAIHost(ep.baseUrl) ? 'max_completion_tokens' : 'max_tokens'] = p.maxTokens;
  }
  if (p.reasoningEffort !== undefined) body.reasoning_effort = p.reasoningEffort;
  if (stream) {
    body.stream = true;
    body.stream_options = { include_usage: true };
  }
  return body;
}

export async function createChatClient(ep: Endpoint, options: ClientOptions = {}): Promise<ChatClient> {
  const sdk = await loadSdk();
  const timeoutMs = Math.max(1, (ep.params.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000);
  const retries = Math.max(0, Math.floor(ep.params.retries ?? DEFAULT_RETRIES));
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const random = options.random ?? Math.random;
  const maxReply = Math.max(1, Math.floor(options.maxReplyChars ?? DEFAULT_LIMITS.replyChars));
  const client = new sdk.OpenAI({
    apiKey: ep.apiKey,
    ...sdkTarget(ep),
    maxRetries: 0,
    // Our idle timer (below) is the one that fires; this only bounds the SDK's own wait.
    timeout: timeoutMs + 5_000,
    logLevel: 'off',
  });
  const ctx = { baseUrl: ep.baseUrl, model: ep.model, apiKey: ep.apiKey, keySource: ep.keySource };
  const classify = (err: unknown) => classifyError(err, ctx, sdk, (h) => retryAfterMs(h));

  async function once(
    messages: readonly WireMessage[],
    opts: CompleteOptions,
    partial: { text: string },
  ): Promise<Omit<Completion, 'tries' | 'latencyMs'>> {
    const stream = opts.stream ?? true;
    const ctl = new AbortController();
    let why: 'user' | 'timeout' | 'too-long' | undefined;
    const onUserAbort = () => {
      why ??= 'user';
      ctl.abort();
    };
    opts.signal?.addEventListener('abort', onUserAbort, { once: true });
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        why ??= 'timeout';
        ctl.abort();
      }, timeoutMs);
    };
    const timeoutError = () =>
      new ModelError(`no reply from ${ep.baseUrl} for ${timeoutMs / 1000}s (raise --timeout)`, 'timeout', true);
    arm();
    let text = '';
    let usage: Usage | undefined;
    let finishReason: string | undefined;
    try {
      if (opts.signal?.aborted) return { text: '', cutOff: true };
      if (!stream) {
        const { data: res, response } = await (
          client.chat.completions.create(requestBody(ep, messages, false) as never, { signal: ctl.signal }) as unknown as WithResponse
        ).withResponse();
        // The SDK hands back non-JSON bodies as text.
        if (isHtmlContentType(response.headers.get('content-type')) || (typeof res === 'string' && looksLikeHtml(res))) throw htmlReplyError(ep.baseUrl);
        const r = res as {
          choices?: { message?: { content?: string | null }; finish_reason?: string | null }[];
          usage?: { prompt_tokens?: number; completion_tokens?: number };
        };
        const choice = r.choices?.[0];
        if (!choice) throw new ModelError(`${ep.baseUrl} sent a reply without choices`, 'bad-reply', true);
        text = choice.message?.content ?? '';
        const truncated = text.length > maxReply;
        if (truncated) text = text.slice(0, maxReply);
        partial.text = text;
        finishReason = choice.finish_reason ?? undefined;
        if (r.usage) usage = { promptTokens: r.usage.prompt_tokens, completionTokens: r.usage.completion_tokens };
        if (text) opts.onDelta?.(text);
        return { text, usage, finishReason, ...(truncated ? { truncated } : {}) };
      }
      const { data: s, response } = await (
        client.chat.completions.create(requestBody(ep, messages, true) as never, { signal: ctl.signal }) as unknown as WithResponse
      ).withResponse();
      if (isHtmlContentType(response.headers.get('content-type'))) {
        ctl.abort(); // do not read the page
        throw htmlReplyError(ep.baseUrl);
      }
      for await (const chunk of s as unknown as AsyncIterable<{
        choices?: { delta?: { content?: string | null }; finish_reason?: string | null }[];
        usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
      }>) {
        arm();
        const choice = chunk.choices?.[0];
        const piece = choice?.delta?.content;
        if (piece) {
          // A reply past the limit is cut there: the request is aborted, nothing more is held.
          const room = maxReply - text.length;
          const kept = piece.length > room ? piece.slice(0, room) : piece;
          text += kept;
          if (text.length > partial.text.length) partial.text = text;
          if (kept) opts.onDelta?.(kept);
          if (piece.length > room) {
            why ??= 'too-long';
            ctl.abort();
            break;
          }
        }
        if (choice?.finish_reason) finishReason = choice.finish_reason;
        if (chunk.usage) usage = { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens };
      }
      // The SDK ends the iteration quietly when its request is aborted.
      if (why === 'too-long') return { text, usage, truncated: true, finishReason: 'length' };
      if (why === 'user') return { text, usage, cutOff: true, finishReason };
      if (why === 'timeout') throw timeoutError();
      if (!finishReason) {
        throw new ModelError(`the reply stream from ${ep.baseUrl} ended before the model finished`, 'cut', true);
      }
      return { text, usage, finishReason };
    } catch (err) {
      if (why === 'too-long') return { text, usage, truncated: true, finishReason: 'length' };
      if (why === 'user') return { text, usage, cutOff: true, finishReason };
      if (why === 'timeout') throw timeoutError();
      throw classify(err);
    } finally {
      if (timer) clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onUserAbort);
    }
  }

  return {
    endpoint: ep,
    async complete(messages, opts = {}) {
      const started = performance.now();
      const partial = { text: '' };
      let tries = 0;
      for (;;) {
        tries++;
        try {
          const r = await once(messages, opts, partial);
          return { ...r, tries, latencyMs: Math.round(performance.now() - started) };
        } catch (err) {
          const e = err instanceof ModelError ? err : classify(err);
          const latencyMs = Math.round(performance.now() - started);
          if (!e.retryable || tries > retries) {
            throw new ModelCallError(e, tries, latencyMs, partial.text || undefined);
          }
          const delayMs = backoffDelay(tries, e.retryAfterMs, backoff, random);
          opts.onRetry?.({ tries, error: e, delayMs });
          const slept = await sleep(delayMs, opts.signal);
          if (!slept) {
            // Stopped while waiting to retry: keep what the last try sent, marked cut off.
            return { text: partial.text, tries, latencyMs: Math.round(performance.now() - started), cutOff: true };
          }
        }
      }
    },
  };
}
