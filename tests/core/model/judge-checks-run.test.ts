// `run --judge-checks`: the judge also sees check-graded items; its verdict sits beside the
// check's, and a later run with --judge-checks asks only about checks without a second opinion.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createChatClient } from '../../../src/core/model/client.js';
import type { Endpoint } from '../../../src/core/model/endpoint.js';
import { runBatch } from '../../../src/core/model/runner.js';
import { VersusMatch } from '../../../src/core/model/versus.js';
import { createJudge } from '../../../src/core/judge/judge.js';
import { judgeAgreement } from '../../../src/core/results/agreement.js';
import { RunStore } from '../../../src/core/runs/store.js';
import { startFakeOpenAI, type FakeServer } from '../../helpers/fake-openai-server.js';
import { scenario, task } from '../../helpers/model-scenarios.js';

const FAST = { baseMs: 5, capMs: 20, maxRetryAfterMs: 2000 };
let srv: FakeServer;
let dir: string;
beforeAll(async () => {
  srv = await startFakeOpenAI();
});
afterAll(async () => {
  await srv.close();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clplay-judge-checks-'));
  srv.requests.length = 0;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ep = (): Endpoint => ({ baseUrl: srv.url, model: 'fake-model', apiKey: 'k', keySource: 'none', params: { retries: 0, timeoutSeconds: 5 } });
const isJudge = (req: { body: { messages: { content: string }[] } }) => req.body.messages[0]!.content.startsWith('You are a strict grader');

describe('run --judge-checks', () => {
  it("sends check-graded items to the judge and records where it disagrees beside the check's verdict", async () => {
    // A hedged answer the includes-check passes; the judge (rightly) does not.
    const s = scenario('hedge', [
      task('t1', '[t1] What is the fee?', { rubric: [{ text: 'States the fee is 296.', check: { type: 'includes', value: '296' } }, { text: 'Gives one value only.' }] }),
    ]);
    srv.setScript((req) => {
      if (isJudge(req)) {
        const user = req.body.messages[1].content as string;
        const items = [
          ...(user.includes('States the fee') ? [{ satisfied: 'no', reason: 'hedges between 284 and 296' }] : []),
          ...(user.includes('Gives one value') ? [{ satisfied: 'no', reason: 'three values' }] : []),
        ].map((it, i) => ({ item: i + 1, ...it }));
        return { text: JSON.stringify({ 'List of Requirement Satisfaction Status': items }) };
      }
      return { text: 'The fee is 284, 296 or 314.' };
    });
    const store = new RunStore(dir);
    const client = await createChatClient(ep(), { backoff: FAST });
    const config = { endpoint: ep(), history: 'own' as const, repeat: 1, judgeName: 'fake-model' };

    // First without --judge-checks: the judge sees only item 2.
    const plain = createJudge(client);
    const first = await runBatch([s], config, { store, client, judge: plain, concurrency: 1, existing: [] });
    const judged = srv.chats().filter(isJudge);
    expect(judged).toHaveLength(1);
    expect(judged[0]!.body.messages[1].content).toContain('1. Gives one value only.');
    expect(judged[0]!.body.messages[1].content).not.toContain('States the fee');

    // Again with --judge-checks: only the check's second opinion is asked for; the answer stays.
    srv.requests.length = 0;
    const withChecks = createJudge(client, { judgeChecks: true });
    await runBatch([s], config, { store, client, judge: withChecks, concurrency: 1, existing: (await store.list()).runs });
    const asked = srv.chats();
    expect(asked.every(isJudge)).toBe(true);
    expect(asked).toHaveLength(1);
    expect(asked[0]!.body.messages[1].content).toContain('1. States the fee is 296.');
    expect(asked[0]!.body.messages[1].content).not.toContain('Gives one value');
    const run = await store.load(first.runs[0]!.id);
    expect(run.tasks[0]!.verdicts[0]).toMatchObject({ status: 'pass', by: 'check', judgeOpinion: { status: 'fail', by: 'judge:fake-model', reason: 'hedges between 284 and 296', protocol: 'clplay' } });
    // The check's verdict still counts; the disagreement is on record for the author.
    expect(run.tasks[0]!.status).toBe('failed');
    const a = judgeAgreement([run]);
    expect(a.checks.disagreements).toEqual([expect.objectContaining({ taskId: 't1', itemIndex: 0, checkStatus: 'pass', judgeStatus: 'fail', judgeReason: 'hedges between 284 and 296' })]);

    // Nothing left to ask.
    srv.requests.length = 0;
    await runBatch([s], config, { store, client, judge: withChecks, concurrency: 1, existing: (await store.list()).runs });
    expect(srv.chats()).toHaveLength(0);
  });
});

describe('play --vs --judge-checks', () => {
  it("the model's checked items get the judge's second opinion too", async () => {
    const s = scenario('duel', [task('t1', '[t1] q1')]);
    srv.setScript((req) => {
      if (isJudge(req)) return { text: JSON.stringify({ 'List of Requirement Satisfaction Status': [{ item: 1, satisfied: 'yes', reason: 'says it' }] }) };
      return { text: 'ANSWER-t1' };
    });
    const store = new RunStore(dir);
    const client = await createChatClient(ep(), { backoff: FAST });
    const match = new VersusMatch({ scenario: s, client, endpoint: ep(), judge: createJudge(client, { judgeChecks: true }), store, history: 'own' });
    match.ensure(0);
    await match.settled(0);
    await match.close();
    const saved = await store.load(match.run.id);
    expect(saved.tasks[0]!.verdicts[0]).toMatchObject({ status: 'pass', by: 'check', judgeOpinion: { status: 'pass', reason: 'says it' } });
    expect(judgeAgreement([saved]).checks).toMatchObject({ compared: 1, agreed: 1, disagreements: [] });
  });
});
