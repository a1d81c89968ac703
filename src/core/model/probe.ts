// Before an interactive screen opens with a model beside the person (play --vs): one cheap
// request (GET {baseUrl}/models) tells a refused key or an unreachable server apart from a
// working endpoint, so the person gets one line to act on instead of a match that fails task by
// task. Servers without a /models route (404), rate limits and 5xx are not held against the
// endpoint: the tasks themselves retry those and show what went wrong.
import { UserError } from '../errors.js';
import { loadSdk } from './client.js';
import { sdkTarget, type Endpoint } from './endpoint.js';
import { classifyError } from './errors.js';
import { retryAfterMs } from './retry.js';

/** Longest wait for the probe (the endpoint's own --timeout when shorter). */
export const PROBE_TIMEOUT_MS = 10_000;

/**
 * Throws a one-line UserError (exit 2) when the key is refused (401/403) or the server cannot be
 * reached or does not answer in time.
 */
export async function probeEndpoint(ep: Endpoint, opts: { timeoutMs?: number } = {}): Promise<void> {
  const sdk = await loadSdk();
  const timeout = Math.min(opts.timeoutMs ?? PROBE_TIMEOUT_MS, Math.max(1, (ep.params.timeoutSeconds ?? Infinity) * 1000));
  const client = new sdk.OpenAI({ apiKey: ep.apiKey, ...sdkTarget(ep), maxRetries: 0, timeout, logLevel: 'off' });
  try {
    await client.models.list();
  } catch (err) {
    const e = classifyError(err, { baseUrl: ep.baseUrl, model: ep.model, apiKey: ep.apiKey, keySource: ep.keySource }, sdk, (h) => retryAfterMs(h));
    if (e.kind === 'auth' || e.kind === 'connection' || e.kind === 'timeout') throw new UserError(e.message, 2);
  }
}
