// A hostile or misconfigured endpoint: a web page instead of an API is named as such (not "the
// stream ended before the model finished"), and credentials in the base URL are never printed or
// saved - only the HTTP request carries them.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runBatch } from '../../../src/core/model/runner.js';
import { RunStore } from '../../../src/core/runs/store.js';
import { scenario, task } from '../../helpers/model-scenarios.js';
import { createChatClient, ModelCallError } from '../../../src/core/model/client.js';
import { describeEndpoint, modelPlayer, resolveEndpoint, type Endpoint } from '../../../src/core/model/endpoint.js';

const PAGE = '<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body>Please sign in</body></html>';
const FAST = { baseMs: 1, capMs: 2, maxRetryAfterMs: 10 };

let server: Server | undefined;
const seen: { url: string; auth?: string }[] = [];
afterEach(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
  seen.length = 0;
});

/** A loopback server answering every request with `status` and an HTML page. */
async function htmlServer(status: number): Promise<string> {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', auth: req.headers.authorization });
    req.resume();
    req.on('end', () => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/v1`;
}

function ep(baseUrl: string): Endpoint {
  return resolveEndpoint({ role: 'model', flags: { model: 'm', baseUrl, retries: 2, timeoutSeconds: 5 }, env: { OPENAI_API_KEY: 'sk-test-abcdef' } });
}

async function failure(endpoint: Endpoint, stream: boolean): Promise<ModelCallError> {
  const c = await createChatClient(endpoint, { backoff: FAST });
  const err = await c.complete([{ role: 'user', content: 'hi' }], { stream }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ModelCallError);
  return err as ModelCallError;
}

describe('an endpoint that returns an HTML page', () => {
  it('a 200 page, streamed or not, is named as such and not retried', async () => {
    const url = await htmlServer(200);
    for (const stream of [true, false]) {
      seen.length = 0;
      const e = await failure(ep(url), stream);
      expect(e.message).toBe(`${url}: the endpoint returned an HTML page, not an OpenAI-compatible response (check --base-url; OpenAI-compatible APIs usually end in /v1)`);
      expect(e.message).not.toContain('stream ended');
      expect(e.tries).toBe(1);
      expect(seen).toHaveLength(1);
    }
  });

  it("a proxy's 502 page is retried and reported without its markup", async () => {
    const url = await htmlServer(502);
    const e = await failure(ep(url), true);
    expect(e.message).toBe(`${url} failed with 502: the endpoint returned an HTML page, not an OpenAI-compatible response (after 3 tries)`);
    expect(e.message).not.toContain('<');
  });
});

describe('a batch against a web page', () => {
  it('stops at once with one line, as a refused key does, and records no model result', async () => {
    const url = await htmlServer(200);
    const dir = await mkdtemp(join(tmpdir(), 'clplay-html-batch-'));
    const scen = Array.from({ length: 3 }, (_, k) => scenario(`s${k}`, [task('t1', '[t1] q'), task('t2', '[t2] q')]));
    const endpoint = ep(url);
    const res = await runBatch(scen, { endpoint, history: 'own', repeat: 1 }, {
      store: new RunStore(dir),
      client: await createChatClient(endpoint, { backoff: FAST }),
      concurrency: 1,
      existing: [],
    });
    expect(res.fatal).toBe(`${url}: the endpoint returned an HTML page, not an OpenAI-compatible response (check --base-url; OpenAI-compatible APIs usually end in /v1)`);
    expect(seen).toHaveLength(1); // nothing more was asked after the page
    for (const run of res.runs) for (const t of run.tasks) expect(t.status).toBe('pending');
    expect(res.runs.flatMap((r) => r.tasks).some((t) => t.answer !== undefined || t.error !== undefined)).toBe(false);
  });
});

describe('credentials in the base URL', () => {
  it('are masked in what is printed and saved, and still sent with the request', async () => {
    const url = await htmlServer(200);
    const withKey = `${url}?api-version=1&api-key=SECRET-QUERY`;
    const endpoint = ep(withKey);
    expect(endpoint.baseUrl).toBe(`${url}?api-version=1&api-key=***`);
    expect(describeEndpoint(endpoint)).toBe(`m @ ${url}?api-version=1&api-key=***`);
    expect(JSON.stringify(modelPlayer(endpoint))).not.toContain('SECRET');
    const e = await failure(endpoint, true);
    expect(e.message).not.toContain('SECRET');
    expect(seen[0]!.url).toBe('/v1/chat/completions?api-version=1&api-key=SECRET-QUERY');
  });

  it('user:pass@ is masked everywhere, errors included', async () => {
    const url = await htmlServer(200);
    const endpoint = ep(url.replace('http://', 'http://ada:hunter2@'));
    expect(endpoint.baseUrl).toBe(url.replace('http://', 'http://***@'));
    const e = await failure(endpoint, true);
    expect(e.message).not.toContain('hunter2');
  });

  it('a masked base URL read back from a run file is refused with what to do', () => {
    expect(() => ep('https://gw.example/v1?api-key=***')).toThrow(
      'the base URL https://gw.example/v1?api-key=*** had credentials, which clplay does not save; give --base-url with them again',
    );
    expect(() => ep('ftp://ada:hunter2@x')).toThrow('"ftp://***@x" is not an http(s) URL');
  });
});
