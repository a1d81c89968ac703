// A loopback OpenAI-compatible server for tests: node:http on 127.0.0.1, port 0.
// POST /v1/chat/completions with or without `stream: true` (SSE `data: {...}\n\n`, `data: [DONE]`).
// Each request is answered by the next queued reply, else by the script (a reply or a function of
// the request). Every request body is recorded, so tests can assert the exact messages sent.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeReply {
  /** The answer text (default "ok"). */
  text?: string;
  /** A non-200 status: the body is an OpenAI-style error unless `body` is given. */
  status?: number;
  /** Extra response headers, e.g. { 'retry-after': '1' }. */
  headers?: Record<string, string>;
  /** Raw error body (for non-200 statuses). */
  body?: unknown;
  /** Wait before the response head, ms. */
  latencyMs?: number;
  /** Streamed: wait between chunks, ms. */
  chunkDelayMs?: number;
  /** Streamed: how many pieces the text is split into (default: ~8 characters each). */
  chunks?: number;
  /** Streamed: send about half the text, then end the response without finish_reason or [DONE]. */
  cut?: boolean;
  /** With cut: destroy the socket instead of ending the response cleanly. */
  cutHard?: boolean;
  /** Never answer (the client must time out). */
  hang?: boolean;
  /** Streamed: send the head and a first chunk, then stall forever. */
  stall?: boolean;
  finishReason?: string;
  usage?: { prompt_tokens: number; completion_tokens: number };
}

export interface RecordedRequest {
  index: number;
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  raw: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  stream: boolean;
}

export type Script = FakeReply | ((req: RecordedRequest) => FakeReply | Promise<FakeReply>);

export interface FakeServer {
  /** Base URL, ending in /v1. */
  url: string;
  requests: RecordedRequest[];
  /** Chat completion requests only. */
  chats(): RecordedRequest[];
  setScript(script: Script): void;
  /** Replies used, in order, before the script. */
  queue(...replies: FakeReply[]): void;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function split(text: string, n?: number): string[] {
  if (text === '') return [];
  const count = n ?? Math.max(1, Math.ceil(text.length / 8));
  const size = Math.max(1, Math.ceil(text.length / count));
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

export interface FakeServerOptions {
  /**
   * Request body keys this server refuses with a 400, as a strict server does (e.g.
   * ['stream_options']): the request is recorded and no reply is used up.
   */
  rejectKeys?: string[];
}

export async function startFakeOpenAI(script: Script = {}, options: FakeServerOptions = {}): Promise<FakeServer> {
  let current: Script = script;
  const queued: FakeReply[] = [];
  const requests: RecordedRequest[] = [];
  let counter = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const parts: Buffer[] = [];
    for await (const c of req) parts.push(c as Buffer);
    const raw = Buffer.concat(parts).toString('utf8');
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = undefined;
    }
    const path = (req.url ?? '').split('?')[0]!;
    const rec: RecordedRequest = {
      index: counter++,
      method: req.method ?? '',
      path,
      headers: req.headers,
      raw,
      body,
      stream: Boolean((body as { stream?: boolean } | undefined)?.stream),
    };
    requests.push(rec);
    if (req.method === 'GET' && path.endsWith('/models')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ object: 'list', data: [{ id: 'fake-model', object: 'model' }] }));
      return;
    }
    if (req.method !== 'POST' || !path.endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `no route ${req.method} ${path}`, type: 'not_found' } }));
      return;
    }
    const refused = (options.rejectKeys ?? []).find((k) => body !== null && typeof body === 'object' && k in (body as object));
    if (refused) {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `Unrecognized request argument supplied: ${refused}`, type: 'invalid_request_error', param: refused, code: null } }));
      return;
    }
    const reply: FakeReply = queued.length > 0 ? queued.shift()! : typeof current === 'function' ? await current(rec) : current;
    if (reply.hang) return; // never answer; close() destroys the socket
    if (reply.latencyMs) await sleep(reply.latencyMs);
    if (reply.status && reply.status !== 200) {
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(JSON.stringify(reply.body ?? { error: { message: `fake error ${reply.status}`, type: 'server_error', code: null } }));
      return;
    }
    const text = reply.text ?? 'ok';
    const model = (body as { model?: string } | undefined)?.model ?? 'fake-model';
    const id = `chatcmpl-fake-${rec.index}`;
    const created = Math.floor(Date.now() / 1000);
    const usage = reply.usage ?? { prompt_tokens: Math.ceil(raw.length / 4), completion_tokens: Math.ceil(text.length / 4) };
    const finish = reply.finishReason ?? 'stop';
    if (!rec.stream) {
      res.writeHead(200, { 'content-type': 'application/json', ...reply.headers });
      res.end(
        JSON.stringify({
          id,
          object: 'chat.completion',
          created,
          model,
          choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: finish }],
          usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
        }),
      );
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', ...reply.headers });
    const send = (obj: unknown) => res.write(`data: ${JSON.stringify(obj)}\n\n`);
    const chunk = (delta: Record<string, unknown>, finish_reason: string | null = null) =>
      send({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason }] });
    chunk({ role: 'assistant', content: '' });
    const pieces = split(text, reply.chunks);
    if (reply.stall) {
      if (pieces[0]) chunk({ content: pieces[0] });
      return; // head and a first chunk sent, then nothing
    }
    const upTo = reply.cut ? Math.max(1, Math.floor(pieces.length / 2)) : pieces.length;
    for (let i = 0; i < upTo; i++) {
      if (reply.chunkDelayMs) await sleep(reply.chunkDelayMs);
      if (res.destroyed) return;
      chunk({ content: pieces[i] });
    }
    if (reply.cut) {
      if (reply.cutHard) {
        await sleep(30); // let the head and the first chunks reach the client
        res.socket?.destroy();
      }
      else res.end();
      return;
    }
    chunk({}, finish);
    const includeUsage = (body as { stream_options?: { include_usage?: boolean } }).stream_options?.include_usage;
    if (includeUsage) send({ id, object: 'chat.completion.chunk', created, model, choices: [], usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } });
    res.write('data: [DONE]\n\n');
    res.end();
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    chats: () => requests.filter((r) => r.path.endsWith('/chat/completions')),
    setScript(s) {
      current = s;
    },
    queue(...replies) {
      queued.push(...replies);
    },
    close() {
      return new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
