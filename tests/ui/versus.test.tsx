// Versus against a loopback server: the model answers each task in the background, its answer
// hidden until the person submits; then both sides; two runs linked by one matchId.
import React from 'react';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { VersusMatch } from '../../src/core/model/versus.js';
import { createChatClient } from '../../src/core/model/client.js';
import { RunStore } from '../../src/core/runs/store.js';
import { RUN_SCHEMA_VERSION, type RunRecord, type TaskResult } from '../../src/core/runs/types.js';
import type { Endpoint } from '../../src/core/model/endpoint.js';
import { gradeByChecks } from '../../src/core/grading/grade.js';
import { taskStatus } from '../../src/core/grading/verdict.js';
import { VersusPanel } from '../../src/ui/versus/VersusPanel.js';
import { startFakeOpenAI, type FakeServer } from '../helpers/fake-openai-server.js';
import { scenario, task } from '../helpers/model-scenarios.js';
import { waitForFrame } from './ink-helpers.js';

let srv: FakeServer;
let dir: string;
beforeAll(async () => {
  srv = await startFakeOpenAI();
  dir = await mkdtemp(join(tmpdir(), 'clplay-versus-'));
});
afterAll(async () => {
  await srv.close();
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => cleanup());

const ep = (): Endpoint => ({ baseUrl: srv.url, model: 'rival', apiKey: 'x', keySource: '', params: { retries: 0, timeoutSeconds: 5 } });

function personRun(s: ReturnType<typeof scenario>): RunRecord {
  return {
    schemaVersion: RUN_SCHEMA_VERSION,
    id: `person-${Date.now()}`,
    scenarioId: s.id,
    scenarioHash: s.hash,
    player: { kind: 'human', name: 'ada' },
    history: 'own',
    startedAt: new Date().toISOString(),
    status: 'in-progress',
    tasks: s.tasks.map((t) => ({ taskId: t.id, verdicts: [], status: 'pending' })),
  };
}

describe('versus', () => {
  it('answers in the background, hidden until the person submits, then side by side', async () => {
    srv.setScript((req) => {
      const last: string = req.body.messages[req.body.messages.length - 1].content;
      const id = /\[(t\d)\]/.exec(last)![1];
      return { text: `MODEL-SAYS ANSWER-${id}`, chunks: 6, chunkDelayMs: 10 };
    });
    const s = scenario('duel', [task('t1', '[t1] q1'), task('t2', '[t2] q2')]);
    const store = new RunStore(dir);
    const match = new VersusMatch({ scenario: s, client: await createChatClient(ep()), endpoint: ep(), store, history: 'own' });
    const mine = personRun(s);
    match.link(mine);
    expect(mine.matchId).toBe(match.matchId);

    const t = s.tasks[0]!;
    const Harness = ({ result }: { result?: TaskResult }) => <VersusPanel match={match} index={0} task={t} personResult={result} width={50} height={10} label="rival" />;
    const ui = render(<Harness result={mine.tasks[0]} />);
    // The model is asked when the task is on screen; its text is never shown before submission.
    await waitForFrame(ui.lastFrame, (f) => f.includes('has answered (hidden until you submit)'), 4000);
    expect(ui.frames.join('\n')).not.toContain('MODEL-SAYS');
    expect(srv.chats()).toHaveLength(1); // only task 1 so far

    // The person submits a wrong answer: both sides appear, item by item.
    const answer = 'I think it is something else';
    const verdicts = gradeByChecks(t, answer);
    const submitted: TaskResult = { taskId: 't1', answer, verdicts, status: taskStatus(verdicts) };
    ui.rerender(<Harness result={submitted} />);
    const f = await waitForFrame(ui.lastFrame, (fr) => fr.includes('MODEL-SAYS'), 2000);
    expect(f).toMatch(/rival: solved/);
    expect(f).toMatch(/you\s+model/);
    expect(f).toMatch(/✗ ✓ Says ANSWER-t1\./);

    // The model's run is saved on its own, linked by the match id; closing after task 1 stops it.
    await match.close();
    const saved = await store.load(match.run.id);
    expect(saved.matchId).toBe(match.matchId);
    expect(saved.player).toMatchObject({ kind: 'model', model: 'rival' });
    expect(saved.tasks[0]).toMatchObject({ status: 'solved', answer: 'MODEL-SAYS ANSWER-t1' });
    expect(saved.tasks[1]!.answer).toBeUndefined();
    expect(saved.status).toBe('stopped');
  });

  it('asks tasks in order, own history from its own answers', async () => {
    srv.requests.length = 0;
    srv.setScript((req) => {
      const last: string = req.body.messages[req.body.messages.length - 1].content;
      return { text: `MINE-${/\[(t\d)\]/.exec(last)![1]}` };
    });
    const s = scenario('duel2', [task('t1', '[t1] q1'), task('t2', '[t2] q2'), task('t3', '[t3] q3')]);
    const match = new VersusMatch({ scenario: s, client: await createChatClient(ep()), endpoint: ep(), store: new RunStore(dir), history: 'own' });
    match.ensure(2); // the person jumped ahead: tasks 1..3 are asked in order
    await match.settled(2);
    const sent = srv.chats().map((r) => r.body.messages.filter((m: { role: string }) => m.role === 'assistant').map((m: { content: string }) => m.content));
    expect(sent).toEqual([[], ['MINE-t1'], ['MINE-t1', 'MINE-t2']]);
    expect(match.view(2, false)).toMatchObject({ phase: 'done', revealed: false });
    expect(match.view(2, false).result).toBeUndefined();
    expect(match.view(2, true).result?.answer).toBe('MINE-t3');
    await match.close();
    expect(match.run.status).toBe('finished');
  });
});
