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
import { press as pressNow, tick, waitForFrame } from './ink-helpers.js';
import { App } from '../../src/ui/app.js';
import type { AppDeps } from '../../src/ui/app-context.js';
import { versusSetup } from '../../src/commands/versus-setup.js';
import type { CommandIO } from '../../src/commands/types.js';
import { UserError } from '../../src/core/errors.js';

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

/** Keys, after a moment for the screen's key handlers to attach (they follow its first frame). */
async function press(stdin: { write: (s: string) => void }, ...keys: string[]): Promise<void> {
  await tick(30);
  await pressNow(stdin, ...keys);
}

// The whole app with `--vs`: versusSetup (the real one, endpoint probe included) against the
// loopback server; the person's and the model's runs in a temp saves folder.
describe('play --vs in the app', () => {
  const io = (env: NodeJS.ProcessEnv): CommandIO =>
    ({ stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env, cwd: dir }) as unknown as CommandIO;
  const duel = () =>
    scenario('duel-app', [
      task('t1', '[t1] q1'),
      task('t2', '[t2] q2', {
        rubric: [
          { text: 'Says ANSWER-t2.', check: { type: 'includes', value: 'ANSWER-t2' } },
          { text: 'Explains why.' },
        ],
      }),
    ]);

  async function setup(saves: string, extra: Record<string, string> = {}) {
    const s = duel();
    const args = { values: { vs: 'rival', 'base-url': srv.url, saves, ...extra }, positionals: [s.id] };
    const versus = (await versusSetup(args, io({ CLPLAY_CONFIG_DIR: join(saves, 'config') }), s))!;
    const store = new RunStore(saves);
    const deps: AppDeps = {
      scenarios: [s],
      store,
      player: 'Ada',
      reveal: 'task',
      start: { screen: 'play', scenario: s },
      grade: (t, answer) => gradeByChecks(t, answer),
      newRunId: () => `person-${Math.random().toString(36).slice(2, 8)}`,
      size: { columns: 100, rows: 34 },
      draftDelayMs: 30,
      versus,
    };
    return { s, deps, store };
  }

  async function answer(ui: ReturnType<typeof render>, text: string) {
    await waitForFrame(ui.lastFrame, (f) => f.includes('Enter submits'), 4000);
    await press(ui.stdin, ...text.split(''));
    await press(ui.stdin, '\r');
  }

  it('hidden until the person submits, then both answers and verdicts side by side; the person judges both sides; leaving saves both runs', async () => {
    srv.setScript((req) => {
      const last: string = req.body.messages[req.body.messages.length - 1].content;
      const id = /\[(t\d)\]/.exec(last)![1];
      return { text: `MODEL-SAYS ANSWER-${id}`, chunks: 4, chunkDelayMs: 5 };
    });
    const saves = await mkdtemp(join(tmpdir(), 'clplay-versus-app-'));
    const { deps, store } = await setup(saves);
    const ui = render(<App deps={deps} />);
    // (the column is narrow: its line wraps)
    await waitForFrame(ui.lastFrame, (f) => f.includes('rival has answered'), 4000);
    expect(ui.frames.join('\n')).not.toContain('MODEL-SAYS');
    await answer(ui, 'no idea');
    let f = await waitForFrame(ui.lastFrame, (x) => x.includes('MODEL-SAYS ANSWER-t1') && x.includes('+ pass'), 4000);
    expect(f).toContain('You: Not solved · 0 of 1 items passed');
    expect(f).toContain('rival: Solved · 1 of 1 items passed');
    expect(f).toMatch(/\[you\] +rival +rubric item/);
    expect(f).toMatch(/▸ ✗ fail +✓ pass +Says ANSWER-t1\./);
    expect(f).toMatch(/Your answer: +│ rival's answer:/);
    expect(f).toMatch(/no idea +│ MODEL-SAYS ANSWER-t1/);
    expect(f).toContain('Tab you/model');

    // Tab: the keys now change the model's verdicts; - overrides its check
    await press(ui.stdin, '\t');
    await waitForFrame(ui.lastFrame, (x) => /you +\[rival\]/.test(x));
    await press(ui.stdin, '-');
    f = await waitForFrame(ui.lastFrame, (x) => x.includes('rival: Not solved'));
    expect(f).toMatch(/✗ fail +✗ fail +Says ANSWER-t1\./);
    expect(f).toContain('rival: person:Ada: Ada overrode pass (check) with fail');

    await press(ui.stdin, '\r');
    await answer(ui, 'ANSWER-t2 because');
    f = await waitForFrame(ui.lastFrame, (x) => x.includes('MODEL-SAYS ANSWER-t2') && x.includes('Enter: the summary'), 4000);
    expect(f).toMatch(/✓ pass +✓ pass +Says ANSWER-t2\./);
    expect(f).toMatch(/… pending +… pending +Explains why\./);
    await press(ui.stdin, '\r');
    f = await waitForFrame(ui.lastFrame, (x) => x.includes('Versus rival'), 4000);
    expect(f).toContain('rival: solved 0 of 2 tasks (1 pending)');
    expect(f).toMatch(/1\. t1 · you ✗ failed · rival ✗ failed/);

    // leaving: both runs saved, linked by one matchId
    await press(ui.stdin, 'q');
    let runs: RunRecord[] = [];
    for (let i = 0; i < 100; i++) {
      runs = (await store.list()).runs;
      if (runs.length === 2 && runs.every((r) => r.status !== 'in-progress')) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const person = runs.find((r) => r.player.kind === 'human')!;
    const model = runs.find((r) => r.player.kind === 'model')!;
    expect(person.matchId).toMatch(/^m-/);
    expect(model.matchId).toBe(person.matchId);
    expect(model.status).toBe('finished');
    expect(model.tasks.map((t) => t.answer)).toEqual(['MODEL-SAYS ANSWER-t1', 'MODEL-SAYS ANSWER-t2']);
    expect(model.tasks[0]!.verdicts[0]).toMatchObject({ status: 'fail', by: 'person:Ada', previous: [{ status: 'pass', by: 'check' }] });
    expect(model.tasks[0]!.status).toBe('failed');
    expect(person.tasks.map((t) => t.answer)).toEqual(['no idea', 'ANSWER-t2 because']);
    ui.unmount();
    await rm(saves, { recursive: true, force: true });
  });

  it('--reveal end: the model column shows only progress; its answers and verdicts appear in the summary', async () => {
    srv.setScript((req) => {
      const last: string = req.body.messages[req.body.messages.length - 1].content;
      return { text: `MODEL-SAYS ANSWER-${/\[(t\d)\]/.exec(last)![1]}` };
    });
    const saves = await mkdtemp(join(tmpdir(), 'clplay-versus-app-'));
    const { deps } = await setup(saves);
    const ui = render(<App deps={{ ...deps, reveal: 'end' }} />);
    // (the column is narrow: its line wraps)
    await waitForFrame(ui.lastFrame, (f) => f.includes('rival has answered'), 4000);
    await answer(ui, 'ANSWER-t1');
    await waitForFrame(ui.lastFrame, (x) => x.includes('Task 2 of 2'));
    await answer(ui, 'hmm');
    const f = await waitForFrame(ui.lastFrame, (x) => x.includes('Versus rival') && x.includes('rival ✓ solved'), 4000);
    expect(ui.frames.filter((x) => !x.includes('Summary')).join('\n')).not.toContain('MODEL-SAYS');
    expect(f).toMatch(/1\. t1 · you ✓ solved · rival ✓ solved/);
    expect(f).toContain('MODEL-SAYS ANSWER-t1');
    ui.unmount();
    await rm(saves, { recursive: true, force: true });
  });

  it('--reveal never: neither side\'s answers or verdicts are shown, only that the model played and where its run is', async () => {
    srv.setScript((req) => {
      const last: string = req.body.messages[req.body.messages.length - 1].content;
      return { text: `MODEL-SAYS ANSWER-${/\[(t\d)\]/.exec(last)![1]}` };
    });
    const saves = await mkdtemp(join(tmpdir(), 'clplay-versus-app-'));
    const { deps } = await setup(saves);
    const ui = render(<App deps={{ ...deps, reveal: 'never' }} />);
    await waitForFrame(ui.lastFrame, (f) => f.includes('rival has answered'), 4000);
    await answer(ui, 'ANSWER-t1');
    await waitForFrame(ui.lastFrame, (x) => x.includes('Task 2 of 2'));
    await answer(ui, 'hmm');
    const f = await waitForFrame(ui.lastFrame, (x) => x.includes('Versus rival') && x.includes('ended 2 of 2') && x.includes('Enter home'), 4000);
    expect(f.replace(/\s+/g, ' ')).toContain('rival ended 2 of 2 tasks; its answers and verdicts stay hidden (--reveal never)');
    expect(f).toMatch(/Its run: \S+/);
    expect(ui.frames.join('\n')).not.toContain('MODEL-SAYS');
    expect(f).not.toContain('+ pass');
    ui.unmount();
    await rm(saves, { recursive: true, force: true });
  });

  it('Ctrl+C mid-match saves both runs; continuing the person\'s run continues the same model run', async () => {
    srv.setScript((req) => {
      const last: string = req.body.messages[req.body.messages.length - 1].content;
      return { text: `MODEL-SAYS ANSWER-${/\[(t\d)\]/.exec(last)![1]}` };
    });
    const saves = await mkdtemp(join(tmpdir(), 'clplay-versus-app-'));
    const { deps, store } = await setup(saves);
    let ui = render(<App deps={deps} />);
    await waitForFrame(ui.lastFrame, (f) => f.includes('rival has answered'), 4000);
    await answer(ui, 'ANSWER-t1');
    await waitForFrame(ui.lastFrame, (x) => x.includes('MODEL-SAYS ANSWER-t1'), 4000);
    await press(ui.stdin, '\r');
    await waitForFrame(ui.lastFrame, (x) => x.includes('Task 2 of 2'));
    const asked = srv.chats().length;
    await press(ui.stdin, '\x03');
    await waitForFrame(ui.lastFrame, (x) => x.includes('Leave clplay?'));
    await press(ui.stdin, 'y');
    let runs: RunRecord[] = [];
    for (let i = 0; i < 100; i++) {
      runs = (await store.list()).runs;
      if (runs.length === 2 && runs.some((r) => r.player.kind === 'model' && r.endedAt)) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const person = runs.find((r) => r.player.kind === 'human')!;
    const first = runs.find((r) => r.player.kind === 'model')!;
    expect(first.matchId).toBe(person.matchId);
    expect(person.status).toBe('in-progress');
    expect(first.tasks[0]!.answer).toBe('MODEL-SAYS ANSWER-t1');
    ui.unmount();

    // clplay play again: the unfinished run is offered; continuing it continues its match
    ui = render(<App deps={deps} />);
    await waitForFrame(ui.lastFrame, (x) => x.includes('unfinished run'), 4000);
    await press(ui.stdin, 'y');
    await waitForFrame(ui.lastFrame, (x) => x.includes('Task 2 of 2') && x.includes('rival has answered'), 4000);
    await answer(ui, 'ANSWER-t2');
    await waitForFrame(ui.lastFrame, (x) => x.includes('MODEL-SAYS ANSWER-t2') && x.includes('Enter: the summary'), 4000);
    await press(ui.stdin, '\r');
    await waitForFrame(ui.lastFrame, (x) => x.includes('Versus rival'), 4000);
    await press(ui.stdin, 'q');
    for (let i = 0; i < 100; i++) {
      runs = (await store.list()).runs;
      if (runs.every((r) => r.status === 'finished')) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(runs).toHaveLength(2); // no second model run
    const model = runs.find((r) => r.player.kind === 'model')!;
    expect(model.id).toBe(first.id);
    expect(model.matchId).toBe(person.matchId);
    expect(model.status).toBe('finished');
    expect(model.tasks.map((t) => t.answer)).toEqual(['MODEL-SAYS ANSWER-t1', 'MODEL-SAYS ANSWER-t2']);
    // task 1 was not asked again
    expect(srv.chats().slice(asked - 1).filter((r) => JSON.stringify(r.body).includes('[t1] q1') && !JSON.stringify(r.body).includes('[t2]'))).toHaveLength(0);
    ui.unmount();
    await rm(saves, { recursive: true, force: true });
  });

  it('a refused key or an unreachable server is one line before the screen opens', async () => {
    const saves = await mkdtemp(join(tmpdir(), 'clplay-versus-app-'));
    const s = duel();
    const env = { CLPLAY_CONFIG_DIR: join(saves, 'config') };
    const refused = await startFakeOpenAI();
    // a server that refuses every key
    const deny = (await import('node:http')).createServer((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'Incorrect API key provided: sk-abc...xyz', type: 'invalid_request_error' } }));
    });
    await new Promise<void>((r) => deny.listen(0, '127.0.0.1', r));
    const port = (deny.address() as import('node:net').AddressInfo).port;
    await refused.close(); // its port is now closed: connection refused
    try {
      await expect(versusSetup({ values: { vs: 'rival', 'base-url': refused.url, saves }, positionals: [] }, io(env), s)).rejects.toThrow(
        /^--vs rival: cannot reach http:\/\/127\.0\.0\.1:\d+\/v1: connection refused - is the server running\?$/,
      );
      const err = await versusSetup({ values: { vs: 'rival', 'base-url': `http://127.0.0.1:${port}/v1`, saves }, positionals: [] }, io(env), s).catch((e) => e);
      expect(err).toBeInstanceOf(UserError);
      expect(err.message).toMatch(/^--vs rival: http:\/\/127\.0\.0\.1:\d+\/v1 refused the API key \(401\): check OPENAI_API_KEY/);
      expect(err.message).not.toContain('\n');
      // not a loopback URL and no key: says what to set, without a request
      await expect(versusSetup({ values: { vs: 'rival', 'base-url': 'https://models.example.com/v1', saves }, positionals: [] }, io(env), s)).rejects.toThrow(/no API key for https:\/\/models\.example\.com\/v1: set OPENAI_API_KEY/);
    } finally {
      deny.close();
      await rm(saves, { recursive: true, force: true });
    }
  });
});
