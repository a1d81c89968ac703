// A hostile or broken endpoint streams a reply without end: it is cut at the reply limit
// (default 2 MB of text), marked truncated, and the task recorded as answered-truncated.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChatClient } from '../../../src/core/model/client.js';
import type { Endpoint } from '../../../src/core/model/endpoint.js';
import { runBatch } from '../../../src/core/model/runner.js';
import { DEFAULT_LIMITS } from '../../../src/core/limits.js';
import { RunStore } from '../../../src/core/runs/store.js';
import { startFakeOpenAI, type FakeServer } from '../../helpers/fake-openai-server.js';
import { scenario, task } from '../../helpers/model-scenarios.js';

let srv: FakeServer;
beforeAll(async () => {
  srv = await startFakeOpenAI();
});
afterAll(async () => {
  await srv.close();
});
const ep = (): Endpoint => ({ baseUrl: srv.url, model: 'fake-model', apiKey: 'sk-x', keySource: 'OPENAI_API_KEY', params: { retries: 0, timeoutSeconds: 30 } });

describe('reply size limit', () => {
  it('the default: a 3 MB streamed reply is cut at 2 MB and marked truncated', async () => {
    srv.setScript({ text: 'y'.repeat(3 * 1024 * 1024), chunks: 300 });
    const client = await createChatClient(ep());
    const c = await client.complete([{ role: 'user', content: 'q' }]);
    expect(c.truncated).toBe(true);
    expect(c.text.length).toBe(DEFAULT_LIMITS.replyChars);
    expect(c.cutOff).toBeUndefined();
  });

  it('non-streamed replies are cut the same way', async () => {
    srv.setScript({ text: 'z'.repeat(5000) });
    const client = await createChatClient(ep(), { maxReplyChars: 1000 });
    const c = await client.complete([{ role: 'user', content: 'q' }], { stream: false });
    expect(c).toMatchObject({ truncated: true });
    expect(c.text).toBe('z'.repeat(1000));
  });

  it('in a batch: the task is answered, graded as it stands, and recorded truncated', async () => {
    srv.setScript({ text: `ANSWER ${'w'.repeat(50_000)}`, chunks: 50 });
    const dir = await mkdtemp(join(tmpdir(), 'clplay-reply-limit-'));
    try {
      const store = new RunStore(dir);
      const s = scenario('long', [task('t1', '[t1] q')]);
      const res = await runBatch([s], { endpoint: ep(), history: 'own', repeat: 1 }, {
        store,
        client: await createChatClient(ep(), { maxReplyChars: 10_000 }),
        concurrency: 1,
        existing: [],
      });
      const run = await store.load(res.runs[0]!.id);
      expect(run.tasks[0]).toMatchObject({ truncated: true });
      expect(run.tasks[0]!.answer!.length).toBe(10_000);
      expect(run.tasks[0]!.error).toBeUndefined();
      expect(run.status).toBe('finished');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
