// Backoff for our own retry loop (the SDK's is switched off so that tries are counted here).
// Pure: the random source and clock are parameters.

export interface BackoffOptions {
  /** First delay, ms (doubled each try). */
  baseMs: number;
  /** Largest delay, ms. */
  capMs: number;
  /** Largest wait we accept from a retry-after header, ms. */
  maxRetryAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, capMs: 30_000, maxRetryAfterMs: 300_000 };

/**
 * Delay before try `attempt + 1` (attempt = tries made so far, >= 1): exponential with "equal
 * jitter" (half fixed, half random), so a burst of 429s does not come back in lockstep. A
 * server's retry-after wins when given (plus a little jitter), capped at maxRetryAfterMs.
 */
export function backoffDelay(attempt: number, retryAfterMs: number | undefined, opts: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  if (retryAfterMs !== undefined && retryAfterMs >= 0) {
    return Math.min(opts.maxRetryAfterMs, retryAfterMs + Math.floor(random() * Math.min(250, opts.baseMs)));
  }
  const exp = Math.min(opts.capMs, opts.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

/** Reads `retry-after-ms` (OpenAI) or `retry-after` (seconds or an HTTP date). */
export function retryAfterMs(headers: { get(name: string): string | null } | undefined, now: number = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const ra = headers.get('retry-after');
  if (ra === null || ra.trim() === '') return undefined;
  if (Number.isFinite(Number(ra))) return Math.max(0, Number(ra) * 1000);
  const at = Date.parse(ra);
  if (Number.isFinite(at)) return Math.max(0, at - now);
  return undefined;
}

/** A sleep that wakes early (resolving false) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      resolve(false);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
