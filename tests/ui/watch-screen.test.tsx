// The watch screen against a loopback OpenAI-compatible server (real HTTP, SSE, the real SDK):
// the answer streams in, Esc stops a reply (kept, cut off), Enter asks the next task, verdicts show.
import React from 'react';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { WatchScreen } from '../../src/ui/screens/Watch.js';
import { WatchSession } from '../../src/core/model/watch-session.js';
import { createChatClient } from '../../src/core/model/client.js';
import { newModelRun } from '../../src/core/model/player.js';
import { RunStore } from '../../src/core/runs/store.js';
import type { Endpoint } from '../../src/core/model/endpoint.js';
import { tailRows } from '../../src/ui/watch/answer-rows.js';
import { startFakeOpenAI, type FakeServer } from '../helpers/fake-openai-server.js';
import { scenario, task } from '../helpers/model-scenarios.js';
import { KEYS, press, waitForFrame } from './ink-helpers.js';

let srv: FakeServer;
let dir: string;
beforeAll(async () => {
  srv = await startFakeOpenAI();
  dir = await mkdtemp(join(tmpdir(), 'clplay-watch-'));
});
afterAll(async () => {
  await srv.close();
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => cleanup());

const ep = (): Endpoint => ({ baseUrl: srv.url, model: 'fake-model', apiKey: 'x', keySource: '', params: { retries: 0, timeoutSeconds: 5 } });

async function setup(auto = false) {
  const s = scenario('watched', [task('t1', '[t1] First?'), task('t2', '[t2] Second?')]);
  const run = newModelRun(s, ep(), { history: 'own' });
  const store = new RunStore(dir);
  await store.create(run);
  const session = new WatchSession({ scenario: s, run, client: await createChatClient(ep()), store, auto, batchMs: 30 });
  return { s, run, store, session };
}


/** Polls `get` until `ok` holds (saves land a moment after the frame that announces them). */
async function eventually<T>(get: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 3000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await get();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('watch screen', () => {
  it('streams the answer in, shows the verdicts, and Enter asks the next task', async () => {
    const words = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    srv.setScript((req) => {
      const last: string = req.body.messages[req.body.messages.length - 1].content;
      const id = /\[(t\d)\]/.exec(last)![1];
      return { text: `ANSWER-${id} ${words} END-${id}`, chunks: 30, chunkDelayMs: 15 };
    });
    const { session, store, run } = await setup();
    const ui = render(<WatchScreen session={session} model="fake-model" size={{ columns: 120, rows: 30 }} />);
    void session.start();
    // Mid-stream: part of the answer is there, the end is not yet.
    const mid = await waitForFrame(ui.lastFrame, (f) => /word\d/.test(f) && f.includes('answering'), 4000);
    expect(mid).not.toContain('END-t1');
    const done = await waitForFrame(ui.lastFrame, (f) => f.includes('END-t1') && f.includes('✓'), 4000);
    expect(done).toContain('Says ANSWER-t1.');
    expect(done).toMatch(/solved/);
    await press(ui.stdin, KEYS.enter);
    await waitForFrame(ui.lastFrame, (f) => f.includes('END-t2') && f.includes('Task 2/2'), 4000);
    // The frame can show the verdicts a moment before the save lands: wait for the file.
    const saved = await eventually(() => store.load(run.id), (r) => r.status === 'finished');
    expect(saved.tasks.map((t) => t.status)).toEqual(['solved', 'solved']);
    expect(saved.status).toBe('finished');
  });

  it('Esc stops a reply: kept, marked cut off, graded as it stands', async () => {
    srv.setScript({ text: 'ANSWER-t1 ' + 'slow '.repeat(200), chunks: 200, chunkDelayMs: 20 });
    const { session, store, run } = await setup();
    const ui = render(<WatchScreen session={session} model="fake-model" size={{ columns: 120, rows: 30 }} />);
    void session.start();
    await waitForFrame(ui.lastFrame, (f) => f.includes('slow'), 4000);
    await press(ui.stdin, KEYS.escape);
    const f = await waitForFrame(ui.lastFrame, (fr) => fr.includes('cut off'), 4000);
    expect(f).toMatch(/solved, cut off/);
    const saved = await eventually(() => store.load(run.id), (r) => r.tasks[0]?.cutOff === true);
    expect(saved.tasks[0]).toMatchObject({ cutOff: true, status: 'solved' });
    expect(saved.tasks[0]!.answer!.length).toBeLessThan(1000);
    expect(saved.tasks[0]!.answer).toMatch(/^ANSWER-t1 slow/);
  });

  it('auto-run plays every task by itself; quitting keeps the run', async () => {
    srv.setScript((req) => {
      const last: string = req.body.messages[req.body.messages.length - 1].content;
      return { text: `ANSWER-${/\[(t\d)\]/.exec(last)![1]}` };
    });
    const { session, store, run } = await setup(true);
    const ui = render(<WatchScreen session={session} model="fake-model" size={{ columns: 80, rows: 24 }} />);
    void session.start();

    await waitForFrame(ui.lastFrame, (f) => f.includes("all tasks done"), 4000);
    await press(ui.stdin, 'q');
    const saved = await store.load(run.id);
    expect(saved.tasks.map((t) => t.status)).toEqual(['solved', 'solved']);
  });

  it('a finished answer with more rows than the panel holds is clipped, not drawn row over row', async () => {
    const lines = ['ANSWER-t1 alpha alpha alpha alpha alpha alpha', 'bravo', '', 'charlie charlie', '', 'delta', 'echo echo echo echo', 'foxtrot', 'golf', 'hotel'];
    srv.setScript({ text: lines.join('\n'), chunks: 3, chunkDelayMs: 5 });
    const s = scenario('watched', [
      task('t1', '[t1] First?', {
        rubric: [
          { text: 'Says ANSWER-t1.', check: { type: 'includes', value: 'ANSWER-t1' } },
          { text: 'Mentions zulu.', check: { type: 'includes', value: 'zulu' } },
          { text: 'Explains why.' },
        ],
      }),
    ]);
    const run = newModelRun(s, ep(), { history: 'own' });
    const store = new RunStore(dir);
    await store.create(run);
    const session = new WatchSession({ scenario: s, run, client: await createChatClient(ep()), store, batchMs: 30 });
    const ui = render(<WatchScreen session={session} model="fake-model" size={{ columns: 120, rows: 18 }} />);
    void session.start();
    const done = await waitForFrame(ui.lastFrame, (f) => f.includes('all tasks done'), 4000);
    const rows = done.replace(/\x1b\[[0-9;]*m/g, '').split('\n').map((r) => r.slice(r.indexOf('│') + 1).trim());
    // every answer row shown is a whole row of the answer, in order, and the first comes first
    const shown = rows.filter((r) => lines.some((l) => l && (r.includes(l.slice(0, 5)))));
    expect(shown[0]).toBe(lines[0]);
    expect(shown[1]).toBe('bravo');
    expect(rows.some((r) => r.startsWith('✓ Says ANSWER-t1.'))).toBe(true);
    await session.close();
  });

  it("the task's prompt loses the author's hard wrap", async () => {
    srv.setScript({ text: 'ANSWER-t1' });
    const prompt = '[t1] The quarry of the previous task also flies flags on its gantry, which the rulebook\ndescribes in its appendix. What does a blue flag mean there?';
    const s = scenario('watched', [task('t1', prompt)]);
    const run = newModelRun(s, ep(), { history: 'own' });
    const store = new RunStore(dir);
    await store.create(run);
    const session = new WatchSession({ scenario: s, run, client: await createChatClient(ep()), store, batchMs: 30 });
    const ui = render(<WatchScreen session={session} model="fake-model" size={{ columns: 140, rows: 24 }} />);
    const f = await waitForFrame(ui.lastFrame, (x) => x.includes('[t1]'), 4000);
    expect(f).toMatch(/rulebook describes/);
    await session.close();
  });

  it('wraps only the tail of a long reply', () => {
    const long = Array.from({ length: 5000 }, (_, i) => `line ${i}`).join('\n');
    expect(tailRows(long, 40, 3)).toEqual(['line 4997', 'line 4998', 'line 4999']);
    const oneLine = 'x'.repeat(100_000) + 'END';
    const rows = tailRows(oneLine, 50, 2);
    expect(rows[rows.length - 1]!.endsWith('END')).toBe(true);
  });
});
