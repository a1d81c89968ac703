import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONTEXT_DELIMITER } from '../../../src/core/clbench/messages.js';
import { importClbench } from '../../../src/core/clbench/import.js';
import { loadLibrary } from '../../../src/core/scenario/library.js';
import { createChatClient } from '../../../src/core/model/client.js';
import type { Endpoint } from '../../../src/core/model/endpoint.js';
import { newModelRun, playRun } from '../../../src/core/model/player.js';
import { runBatch, summarizeBatch } from '../../../src/core/model/runner.js';
import { createJudge } from '../../../src/core/judge/judge.js';
import { fileCache } from '../../../src/core/judge/cache.js';
import { RunStore } from '../../../src/core/runs/store.js';
import { startFakeOpenAI, type FakeServer } from '../../helpers/fake-openai-server.js';
import { chainRows, toJsonl } from '../../helpers/clbench-rows.js';
import { scenario, task } from '../../helpers/model-scenarios.js';

const FAST = { baseMs: 5, capMs: 20, maxRetryAfterMs: 2000 };
const KEY = 'sk-proj-VERYSECRETKEY-0123456789abcdef';
let srv: FakeServer;
let dir: string;
beforeAll(async () => {
  srv = await startFakeOpenAI();
});
afterAll(async () => {
  await srv.close();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clplay-player-'));
  srv.requests.length = 0;
  srv.setScript({});
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function ep(over: Partial<Endpoint['params']> = {}): Endpoint {
  return { baseUrl: srv.url, model: 'fake-model', apiKey: KEY, keySource: 'OPENAI_API_KEY', params: { retries: 3, timeoutSeconds: 5, ...over } };
}
/** Replies "ANSWER-<task id>" for the task named in the last user message. */
const echoTask = (req: { body: { messages: { content: string }[] } }) => {
  const last = req.body.messages[req.body.messages.length - 1]!.content;
  const id = /\[(t\d+)\]/.exec(last)?.[1] ?? 'none';
  return { text: `ANSWER-${id} (reply to ${id})` };
};

const three = () =>
  scenario('three', [task('t1', '[t1] First question?', { given: 'GIVEN-1' }), task('t2', '[t2] Second?', { given: 'GIVEN-2' }), task('t3', '[t3] Third?')]);

describe('what the model is sent', () => {
  it('--history own: its own earlier answers, exactly', async () => {
    srv.setScript(echoTask);
    const s = three();
    const run = newModelRun(s, ep(), { history: 'own' });
    const store = new RunStore(dir);
    await store.create(run);
    await playRun(s, run, { client: await createChatClient(ep(), { backoff: FAST }), store });
    const sent = srv.chats().map((r) => r.body.messages);
    expect(sent).toHaveLength(3);
    expect(sent[2]).toEqual([
      { role: 'system', content: s.system },
      { role: 'user', content: s.context + CONTEXT_DELIMITER + '[t1] First question?' },
      { role: 'assistant', content: 'ANSWER-t1 (reply to t1)' },
      { role: 'user', content: '[t2] Second?' },
      { role: 'assistant', content: 'ANSWER-t2 (reply to t2)' },
      { role: 'user', content: '[t3] Third?' },
    ]);
    const saved = await store.load(run.id);
    expect(saved.status).toBe('finished');
    expect(saved.tasks.map((t) => [t.status, t.tries, t.answer])).toEqual([
      ['solved', 1, 'ANSWER-t1 (reply to t1)'],
      ['solved', 1, 'ANSWER-t2 (reply to t2)'],
      ['solved', 1, 'ANSWER-t3 (reply to t3)'],
    ]);
    expect(saved.tasks[0]!.usage?.completionTokens).toBeGreaterThan(0);
  });

  it('--history given: the scenario\'s given answers', async () => {
    srv.setScript(echoTask);
    const s = three();
    const run = newModelRun(s, ep(), { history: 'given' });
    await playRun(s, run, { client: await createChatClient(ep(), { backoff: FAST }) });
    const last = srv.chats()[2]!.body.messages;
    expect(last.filter((m: { role: string }) => m.role === 'assistant').map((m: { content: string }) => m.content)).toEqual(['GIVEN-1', 'GIVEN-2']);
  });

  it('--no-context: the context is sent nowhere', async () => {
    srv.setScript(echoTask);
    const s = three();
    const run = newModelRun(s, ep(), { history: 'own', noContext: true });
    await playRun(s, run, { client: await createChatClient(ep(), { backoff: FAST }) });
    expect(srv.chats()).toHaveLength(3);
    for (const r of srv.chats()) expect(r.raw).not.toContain('CONTEXT OF three');
    expect(srv.chats()[0]!.body.messages[1]).toEqual({ role: 'user', content: '[t1] First question?' });
    expect(run.noContext).toBe(true);
  });

  it('an imported CL-bench chain is sent byte for byte as its source rows (history given, over HTTP)', async () => {
    const rows = chainRows({
      contextId: 'ctx-0001-aaaa',
      system: 'You are a helpful assistant.\n\nRules: answer \u201cprecisely\u201d.  ',
      first: 'Here is the rulebook:\r\n\u00a0Lanterns move two squares.\tTabs stay.\n\nQuestion: how far does a lantern move? ',
      turns: [
        { given: 'Two squares.\n', prompt: 'And on a river square? \u{1F30A}' },
        { given: 'It cannot enter.', prompt: '' + 'Summarise both answers.' },
      ],
    });
    const file = join(dir, 'bench.jsonl');
    await writeFile(file, toJsonl(rows));
    const out = join(dir, 'imported');
    await importClbench(file, out);
    const lib = await loadLibrary([out]);
    expect(lib.problems).toEqual([]);
    const s = lib.scenarios[0]!;
    srv.setScript({ text: 'model reply' });
    const run = newModelRun(s, ep(), { history: 'given' });
    await playRun(s, run, { client: await createChatClient(ep(), { backoff: FAST }) });
    const chats = srv.chats();
    expect(chats).toHaveLength(rows.length);
    rows.forEach((row, k) => {
      // The messages array as it went over the wire, byte for byte.
      const sentMessages = JSON.stringify(chats[k]!.body.messages);
      expect(sentMessages).toBe(JSON.stringify(row.messages));
    });
    // The rubric items have no check: pending until judged.
    expect(run.tasks.every((t) => t.status === 'pending')).toBe(true);
  });
});

describe('faults: every task ends answered or failed with its error, tries recorded', () => {
  it('500s, 429 + retry-after, a cut stream and a timeout are retried; a hopeless task fails visibly', async () => {
    const seen = new Map<string, number>();
    srv.setScript((req) => {
      const last: string = req.body.messages[req.body.messages.length - 1].content;
      const id = /\[(\w+)\]/.exec(last)![1]!;
      const n = (seen.get(id) ?? 0) + 1;
      seen.set(id, n);
      const ok = { text: `ANSWER-${id}` };
      if (id === 'a500') return n <= 2 ? { status: 500 } : ok;
      if (id === 'a429') return n === 1 ? { status: 429, headers: { 'retry-after': '0.2' } } : ok;
      if (id === 'acut') return n === 1 ? { text: `ANSWER-${id} and much more text here`, cut: true } : ok;
      if (id === 'ahang') return n === 1 ? { hang: true } : ok;
      if (id === 'dead') return { status: 503 };
      return ok;
    });
    const tasks = ['a500', 'a429', 'acut', 'ahang', 'dead'].map((id) => task(id, `[${id}] question`, { given: 'G' }));
    const s = scenario('faults', tasks);
    const store = new RunStore(dir);
    // The timeout is only for the hanging task: long enough that a loaded machine never times out an answered one.
    const res = await runBatch([s], { endpoint: ep({ timeoutSeconds: 2, retries: 3 }), history: 'given', repeat: 1 }, {
      store,
      client: await createChatClient(ep({ timeoutSeconds: 2, retries: 3 }), { backoff: FAST }),
      concurrency: 5,
      existing: [],
    });
    const run = await store.load(res.runs[0]!.id);
    const by = Object.fromEntries(run.tasks.map((t) => [t.taskId, t]));
    expect(by.a500).toMatchObject({ status: 'solved', tries: 3 });
    expect(by.a429).toMatchObject({ status: 'solved', tries: 2 });
    expect(by.acut).toMatchObject({ status: 'solved', tries: 2, answer: 'ANSWER-acut' });
    expect(by.ahang).toMatchObject({ status: 'solved', tries: 2 });
    expect(by.dead).toMatchObject({ status: 'failed', tries: 4 });
    expect(by.dead!.error).toMatch(/failed with 503.*after 4 tries/);
    expect(by.dead!.answer).toBeUndefined();
    expect(by.dead!.verdicts.every((v) => v.status === 'fail' && v.by === 'error')).toBe(true);
    expect(res.stats).toMatchObject({ total: 5, done: 5, solved: 4, failedToAnswer: 1 });
    expect(res.stats.retries).toBe(2 + 1 + 1 + 1 + 3);
    const sum = summarizeBatch(res, { endpoint: ep(), history: 'given', repeat: 1 }, [s]);
    expect(sum).toMatchObject({ tasks: 5, solved: 4, failed: 1, errors: 1 });
  });

  it('under own history, the tasks after a failed one end failed as not attempted; a rerun tries them again', async () => {
    let broken = true;
    srv.setScript((req) => (broken && req.body.messages.length === 4 ? { status: 500 } : echoTask(req)));
    const s = three();
    const store = new RunStore(dir);
    const config = { endpoint: ep({ retries: 1 }), history: 'own' as const, repeat: 1 };
    const client = await createChatClient(ep({ retries: 1 }), { backoff: FAST });
    const first = await runBatch([s], config, { store, client, concurrency: 2, existing: [] });
    let run = await store.load(first.runs[0]!.id);
    expect(run.tasks.map((t) => t.status)).toEqual(['solved', 'failed', 'failed']);
    expect(run.status).toBe('finished'); // every task ended (two of them failed)
    const firstEnd = run.endedAt;
    expect(run.tasks[1]!.tries).toBe(2);
    expect(run.tasks[2]!.error).toMatch(/not attempted: task t2 before it has no answer/);
    expect(srv.chats()).toHaveLength(3);
    broken = false;
    const again = await runBatch([s], config, { store, client, concurrency: 2, existing: (await store.list()).runs });
    expect(again.runs[0]!.id).toBe(run.id);
    expect(again.stats).toMatchObject({ total: 2, skipped: 1 });
    run = await store.load(run.id);
    expect(run.tasks.map((t) => t.status)).toEqual(['solved', 'solved', 'solved']);
    expect(run.status).toBe('finished');
    expect(run.endedAt! >= firstEnd!).toBe(true);
    expect(run.tasks[1]!.error).toBeUndefined();
    expect(srv.chats()).toHaveLength(5);
  });

  it.each([
    [401, /refused the API key \(401\): check OPENAI_API_KEY/],
    [403, /denied access \(403\)/],
    [404, /answered 404 for model "fake-model": check --model and --base-url/],
  ])('a %i from the endpoint stops the batch without recording a model result', async (status, line) => {
    srv.setScript({ status });
    const scen = Array.from({ length: 3 }, (_, k) => scenario(`c${k}`, [task('t1', '[t1] q', { given: 'G1' }), task('t2', '[t2] q')]));
    const store = new RunStore(dir);
    const res = await runBatch(scen, { endpoint: ep(), history: 'given', repeat: 1 }, {
      store,
      client: await createChatClient(ep(), { backoff: FAST }),
      concurrency: 2,
      existing: [],
    });
    expect(res.fatal).toMatch(line);
    expect(res.stopped).toBe(true);
    expect(res.stats.done).toBe(0);
    expect(res.stats.failedToAnswer).toBe(0);
    // Nothing about the model is recorded: no task has an answer, an error or a verdict.
    const saved = (await store.list()).runs;
    expect(saved.length).toBeGreaterThan(0);
    for (const run of saved) {
      expect(run.status).toBe('stopped');
      for (const t of run.tasks) expect(t).toEqual({ taskId: t.taskId, verdicts: [], status: 'pending' });
    }
    expect(summarizeBatch(res, { endpoint: ep(), history: 'given', repeat: 1 }, scen).solveRateByRepeat).toEqual([]);
  });

  it('a refused key stops the batch with one line, and the key is in no saved file', async () => {
    srv.setScript({ status: 401, body: { error: { message: `Incorrect API key provided: ${KEY}` } } });
    const scen = Array.from({ length: 4 }, (_, k) => scenario(`s${k}`, [task('t1', '[t1] q'), task('t2', '[t2] q')]));
    const store = new RunStore(dir);
    const res = await runBatch(scen, { endpoint: ep(), history: 'own', repeat: 1 }, {
      store,
      client: await createChatClient(ep(), { backoff: FAST }),
      concurrency: 1,
      existing: [],
    });
    expect(res.fatal).toMatch(/refused the API key \(401\)/);
    expect(srv.chats().length).toBeLessThan(8);
    // Judge cache and a successful run too: then look for the key everywhere.
    srv.setScript({ text: JSON.stringify({ 'List of Requirement Satisfaction Status': [{ item: 1, satisfied: 'yes', reason: 'ok' }] }) });
    const judged = scenario('judged', [task('t1', '[t1] q', { rubric: [{ text: 'Explains it.' }] })]);
    const client = await createChatClient(ep(), { backoff: FAST });
    await runBatch([judged], { endpoint: ep(), history: 'own', repeat: 1, judgeName: 'fake-model' }, {
      store,
      client,
      judge: createJudge(client, { cache: await fileCache(dir) }),
      concurrency: 1,
      existing: [],
    });
    const files = await readdir(dir);
    expect(files.some((f) => f === 'judge-cache.jsonl')).toBe(true);
    for (const f of files) {
      const text = await readFile(join(dir, f), 'utf8');
      expect(text).not.toContain(KEY);
      expect(text).not.toContain('VERYSECRET');
    }
  });
});

describe('judging inside a run', () => {
  it('checks grade checked items; the judge gets only the rest; resume judges what is left', async () => {
    const s = scenario('mixed', [
      task('t1', '[t1] q', { rubric: [{ text: 'Says ANSWER-t1.', check: { type: 'includes', value: 'ANSWER-t1' } }, { text: 'Cites the river rule.' }, { text: 'Is polite.' }] }),
    ]);
    srv.setScript((req) => {
      if (req.body.messages[0].content.startsWith('You are a strict grader')) {
        return { text: JSON.stringify({ 'List of Requirement Satisfaction Status': [{ item: 1, satisfied: 'yes', reason: 'cites it' }, { item: 2, satisfied: 'no', reason: 'curt' }] }) };
      }
      return echoTask(req);
    });
    const store = new RunStore(dir);
    const client = await createChatClient(ep(), { backoff: FAST });
    const judge = createJudge(client, { cache: await fileCache(dir) });
    const res = await runBatch([s], { endpoint: ep(), history: 'own', repeat: 1, judgeName: 'fake-model' }, { store, client, judge, concurrency: 1, existing: [] });
    const run = await store.load(res.runs[0]!.id);
    expect(run.tasks[0]!.verdicts.map((v) => [v.status, v.by])).toEqual([
      ['pass', 'check'],
      ['pass', 'judge:fake-model'],
      ['fail', 'judge:fake-model'],
    ]);
    const judgeReq = srv.chats().find((r) => r.body.messages[0].content.startsWith('You are a strict grader'))!;
    const user: string = judgeReq.body.messages[1].content;
    expect(user).toContain('1. Cites the river rule.\n2. Is polite.');
    expect(user).not.toContain('Says ANSWER-t1');
    expect(user).not.toContain('CONTEXT OF');
    expect(run.judge).toBe('fake-model');
  });
});
