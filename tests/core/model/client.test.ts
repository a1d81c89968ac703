import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChatClient, ModelCallError } from '../../../src/core/model/client.js';
import { resolveEndpoint, NO_KEY_PLACEHOLDER, type Endpoint } from '../../../src/core/model/endpoint.js';
import { backoffDelay, retryAfterMs } from '../../../src/core/model/retry.js';
import { startFakeOpenAI, type FakeServer } from '../../helpers/fake-openai-server.js';

const FAST = { baseMs: 5, capMs: 20, maxRetryAfterMs: 5_000 };
let srv: FakeServer;
beforeEach(async () => {
  srv = await startFakeOpenAI();
});
afterEach(async () => {
  await srv.close();
});

function ep(over: Partial<Endpoint['params']> = {}): Endpoint {
  return { baseUrl: srv.url, model: 'fake-model', apiKey: 'sk-test-SECRET-123456', keySource: 'OPENAI_API_KEY', params: { retries: 3, timeoutSeconds: 5, ...over } };
}

describe('chat client', () => {
  it('streams deltas, reports usage, tries and the exact body', async () => {
    srv.setScript({ text: 'The lantern moves two squares.', chunks: 5 });
    const c = await createChatClient(ep({ temperature: 0.2, maxTokens: 100 }), { backoff: FAST });
    const deltas: string[] = [];
    const r = await c.complete([{ role: 'user', content: 'hi' }], { onDelta: (d) => deltas.push(d) });
    expect(r.text).toBe('The lantern moves two squares.');
    expect(deltas.length).toBeGreaterThanOrEqual(5);
    expect(deltas.join('')).toBe(r.text);
    expect(r.tries).toBe(1);
    expect(r.usage?.completionTokens).toBeGreaterThan(0);
    const body = srv.chats()[0]!.body;
    expect(body.messages).toEqual([{ role: 'user', content: 'hi' }]);
    expect(body.temperature).toBe(0.2);
    expect(body.max_tokens).toBe(100);
    expect(body.stream).toBe(true);
    expect(srv.chats()[0]!.headers.authorization).toBe('Bearer sk-test-SECRET-123456');
  });

  it('works without streaming', async () => {
    srv.setScript({ text: 'plain' });
    const c = await createChatClient(ep(), { backoff: FAST });
    const r = await c.complete([{ role: 'user', content: 'x' }], { stream: false });
    expect(r.text).toBe('plain');
    expect(srv.chats()[0]!.body.stream).toBeUndefined();
  });

  it('retries 500s and counts tries', async () => {
    srv.queue({ status: 500 }, { status: 503 });
    srv.setScript({ text: 'finally' });
    const c = await createChatClient(ep(), { backoff: FAST });
    const retries: number[] = [];
    const r = await c.complete([{ role: 'user', content: 'x' }], { onRetry: (i) => retries.push(i.tries) });
    expect(r.text).toBe('finally');
    expect(r.tries).toBe(3);
    expect(retries).toEqual([1, 2]);
    expect(srv.chats()).toHaveLength(3);
  });

  it('honours retry-after on 429', async () => {
    srv.queue({ status: 429, headers: { 'retry-after': '0.3' } });
    srv.setScript({ text: 'ok after wait' });
    const c = await createChatClient(ep(), { backoff: FAST });
    const t0 = Date.now();
    let delay = -1;
    const r = await c.complete([{ role: 'user', content: 'x' }], { onRetry: (i) => (delay = i.delayMs) });
    expect(r.tries).toBe(2);
    expect(delay).toBeGreaterThanOrEqual(300);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
  });

  it('retries a stream cut halfway (clean end and socket destroyed)', async () => {
    srv.queue({ text: 'aaaaaaaaaaaaaaaaaaaaaaaa', cut: true }, { text: 'bbbbbbbbbbbbbbbbbbbbbbbbb', cut: true, cutHard: true });
    srv.setScript({ text: 'whole answer' });
    const c = await createChatClient(ep(), { backoff: FAST });
    const kinds: string[] = [];
    const r = await c.complete([{ role: 'user', content: 'x' }], { onRetry: (i) => kinds.push(i.error.kind) });
    expect(r.text).toBe('whole answer');
    expect(r.tries).toBe(3);
    expect(kinds).toEqual(['cut', 'cut']);
  });

  it('times out a request that never answers, and one that stalls mid-stream', async () => {
    srv.queue({ hang: true }, { stall: true, text: 'partial text here' });
    srv.setScript({ text: 'third time' });
    const c = await createChatClient(ep({ timeoutSeconds: 0.3 }), { backoff: FAST });
    const kinds: string[] = [];
    const r = await c.complete([{ role: 'user', content: 'x' }], { onRetry: (i) => kinds.push(i.error.kind) });
    expect(kinds).toEqual(['timeout', 'timeout']);
    expect(r.tries).toBe(3);
    expect(r.text).toBe('third time');
  });

  it('gives up after the retries with one clear line, tries and partial text kept', async () => {
    srv.setScript({ status: 500 });
    const c = await createChatClient(ep({ retries: 2 }), { backoff: FAST });
    const err = await c.complete([{ role: 'user', content: 'x' }]).catch((e) => e);
    expect(err).toBeInstanceOf(ModelCallError);
    expect(err.tries).toBe(3);
    expect(err.message).toMatch(/failed with 500.*after 3 tries/);
    expect(err.message).not.toMatch(/\n/);
  });

  it('does not retry 401 and never echoes the key', async () => {
    srv.setScript({ status: 401, body: { error: { message: 'Incorrect API key provided: sk-test-SECRET-123456' } } });
    const c = await createChatClient(ep(), { backoff: FAST });
    const err = await c.complete([{ role: 'user', content: 'x' }]).catch((e) => e);
    expect(err.tries).toBe(1);
    expect(err.kind).toBe('auth');
    expect(err.message).toMatch(/refused the API key \(401\)/);
    expect(err.message).not.toContain('SECRET');
  });

  it('names a refused connection', async () => {
    const url = srv.url;
    await srv.close();
    const c = await createChatClient({ ...ep({ retries: 1 }), baseUrl: url }, { backoff: FAST });
    const err = await c.complete([{ role: 'user', content: 'x' }]).catch((e) => e);
    expect(err.message).toBe(`cannot reach ${url}: connection refused - is the server running? (after 2 tries)`);
    srv = await startFakeOpenAI();
  });

  it('an abort keeps the text so far, marked cut off', async () => {
    srv.setScript({ text: 'x'.repeat(200), chunks: 40, chunkDelayMs: 10 });
    const c = await createChatClient(ep(), { backoff: FAST });
    const ctl = new AbortController();
    let got = '';
    const r = await c.complete([{ role: 'user', content: 'x' }], {
      signal: ctl.signal,
      onDelta: (d) => {
        got += d;
        if (got.length >= 50) ctl.abort();
      },
    });
    expect(r.cutOff).toBe(true);
    expect(r.text.length).toBeGreaterThanOrEqual(50);
    expect(r.text.length).toBeLessThan(200);
    expect(r.tries).toBe(1);
  });
});

describe('endpoint resolution', () => {
  it('flags beat env beat settings', () => {
    const e = resolveEndpoint({
      role: 'model',
      flags: { model: 'flag-model' },
      env: { OPENAI_API_KEY: 'k1', OPENAI_BASE_URL: 'http://env.example/v1' },
      settings: { model: 's-model', baseUrl: 'http://settings.example/v1' },
    });
    expect(e).toMatchObject({ model: 'flag-model', baseUrl: 'http://env.example/v1', apiKey: 'k1' });
    const f = resolveEndpoint({ role: 'model', flags: { baseUrl: 'http://flag.example/v1/' }, env: { OPENAI_API_KEY: 'k' }, settings: { model: 's' } });
    expect(f.baseUrl).toBe('http://flag.example/v1');
    expect(f.model).toBe('s');
  });
  it('needs a key unless the endpoint is loopback', () => {
    expect(() => resolveEndpoint({ role: 'model', flags: { model: 'm' }, env: {} })).toThrow(/no API key.*OPENAI_API_KEY.*apiKeyEnv/);
    const e = resolveEndpoint({ role: 'model', flags: { model: 'm', baseUrl: 'http://localhost:11434/v1' }, env: {} });
    expect(e.apiKey).toBe(NO_KEY_PLACEHOLDER);
  });
  it('reads the key from the variable named in settings', () => {
    const e = resolveEndpoint({ role: 'model', flags: { model: 'm' }, env: { MY_KEY: 'abc', OPENAI_API_KEY: 'other' }, settings: { apiKeyEnv: 'MY_KEY' } });
    expect(e.apiKey).toBe('abc');
    expect(() => resolveEndpoint({ role: 'model', flags: { model: 'm' }, env: {}, settings: { apiKeyEnv: 'MY_KEY' } })).toThrow(/set MY_KEY \(model.apiKeyEnv\) or OPENAI_API_KEY/);
    expect(resolveEndpoint({ role: 'model', flags: { model: 'm' }, env: { OPENAI_API_KEY: 'o' }, settings: { apiKeyEnv: 'MY_KEY' } }).apiKey).toBe('o');
  });
  it('asks for a model by name', () => {
    expect(() => resolveEndpoint({ role: 'judge', flags: {}, env: {} })).toThrow(/--judge NAME/);
  });
});

describe('backoff', () => {
  it('grows exponentially with jitter and honours retry-after', () => {
    const opts = { baseMs: 1000, capMs: 30_000, maxRetryAfterMs: 60_000 };
    expect(backoffDelay(1, undefined, opts, () => 0)).toBe(500);
    expect(backoffDelay(1, undefined, opts, () => 1)).toBe(1000);
    expect(backoffDelay(3, undefined, opts, () => 1)).toBe(4000);
    expect(backoffDelay(10, undefined, opts, () => 1)).toBe(30_000);
    expect(backoffDelay(1, 7000, opts, () => 0)).toBe(7000);
    expect(backoffDelay(1, 600_000, opts, () => 0)).toBe(60_000);
    const h = (m: Record<string, string>) => ({ get: (k: string) => m[k] ?? null });
    expect(retryAfterMs(h({ 'retry-after': '2' }))).toBe(2000);
    expect(retryAfterMs(h({ 'retry-after-ms': '150', 'retry-after': '9' }))).toBe(150);
    expect(retryAfterMs(h({ 'retry-after': new Date(10_000).toUTCString() }), 4_000)).toBe(6000);
    expect(retryAfterMs(h({}))).toBeUndefined();
  });
});
