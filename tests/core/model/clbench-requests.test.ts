// What a model is sent for an imported CL-bench scenario, against a strict loopback server that
// refuses what upstream's infer.py never sends: the request is {model, messages}, and the messages
// are the fixture row's messages, key for key (name keys, content parts, key order, CJK).
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importClbench } from '../../../src/core/clbench/import.js';
import { createChatClient } from '../../../src/core/model/client.js';
import type { Endpoint } from '../../../src/core/model/endpoint.js';
import { runBatch, type BatchEvent } from '../../../src/core/model/runner.js';
import { RunStore } from '../../../src/core/runs/store.js';
import { loadLibrary } from '../../../src/core/scenario/library.js';
import type { Scenario } from '../../../src/core/scenario/schema.js';
import { startFakeOpenAI, type FakeServer } from '../../helpers/fake-openai-server.js';

const FIXTURE = join(__dirname, '../../fixtures/clbench-rows.jsonl');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const rows: any[] = readFileSync(FIXTURE, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const FAST = { baseMs: 5, capMs: 20, maxRetryAfterMs: 2000 };

let srv: FakeServer;
let dir: string;
let scenarios: Scenario[];
beforeAll(async () => {
  srv = await startFakeOpenAI({ text: 'an answer' }, { rejectKeys: ['stream_options', 'stream', 'temperature', 'max_tokens', 'max_completion_tokens'] });
});
afterAll(async () => {
  await srv.close();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clplay-clbench-req-'));
  await importClbench(FIXTURE, join(dir, 'scenarios'));
  scenarios = (await loadLibrary([join(dir, 'scenarios')])).scenarios;
  srv.requests.length = 0;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ep = (): Endpoint => ({ baseUrl: srv.url, model: 'fake-model', apiKey: 'sk-test', keySource: 'OPENAI_API_KEY', params: { retries: 0, timeoutSeconds: 5 } });

async function batch(history: 'auto' | 'own', stream?: boolean) {
  const events: BatchEvent[] = [];
  const client = await createChatClient(ep(), { backoff: FAST });
  const res = await runBatch(scenarios, { endpoint: ep(), history, repeat: 1, ...(stream ? { stream } : {}) }, {
    store: new RunStore(join(dir, 'saves')),
    client,
    concurrency: 2,
    existing: [],
    onEvent: (e) => events.push(e),
  });
  return { res, events };
}

describe('requests for imported CL-bench scenarios', () => {
  it('are upstream infer.py\'s {model, messages}, the messages equal to the rows (history given, the default)', async () => {
    const { res } = await batch('auto');
    expect(res.stats.failedToAnswer).toBe(0);
    const bodies = srv.chats().map((r) => r.raw);
    const distinct = new Map(rows.map((r) => [r.metadata.task_id, r]));
    expect(bodies).toHaveLength(distinct.size);
    for (const req of srv.chats()) expect(Object.keys(req.body)).toEqual(['model', 'messages']);
    const sent = srv
      .chats()
      .map((r) => JSON.stringify(r.body.messages))
      .sort();
    const expected = [...distinct.values()].map((r) => JSON.stringify(r.messages)).sort();
    expect(sent).toEqual(expected);
    expect(res.runs.every((r) => r.stream === false)).toBe(true);
  });

  it('stream only when asked (--stream), and then a strict server refuses stream_options, as it would', async () => {
    const { res } = await batch('auto', true);
    expect(res.stats.failedToAnswer).toBe(res.stats.total);
    expect(srv.chats().every((r) => r.body.stream === true && r.body.stream_options)).toBe(true);
    const errors = res.runs.flatMap((r) => r.tasks.map((t) => t.error ?? ''));
    expect(errors.every((e) => /stream_options/.test(e))).toBe(true);
  });

  it('under --history own, say that the turns before an orphan row have no own answers, use the given ones and record it', async () => {
    const { res, events } = await batch('own');
    const notes = events.filter((e) => e.type === 'note').map((e) => (e as { line: string }).line);
    const kettle = scenarios.find((s) => s.tasks.some((t) => t.sourceId === 'kettle-3'))!;
    expect(notes).toEqual([expect.stringMatching(new RegExp(`scenario ${kettle.id}: the model's own answers to the 2 turns before its first task are not available.*given answers are used`))]);
    const run = res.runs.find((r) => r.scenarioId === kettle.id)!;
    expect(run.givenTurns).toBe(2);
    expect(run.history).toBe('own');
    const first = srv.chats().find((r) => r.body.messages.at(-1).content === 'Where is the pressure logged?')!;
    expect(first.body.messages).toEqual(rows.find((r) => r.metadata.task_id === 'kettle-3').messages);
  });
});
