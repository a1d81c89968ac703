// Stream timing: recorded once in playTask (every model attempt), compact, and optional in the
// run file (older runs load without it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StreamTimingRecorder, usableTiming } from '../../../src/core/replay/stream-timing.js';
import { checkRunShape } from '../../../src/core/runs/schema.js';
import { WatchSession } from '../../../src/core/model/watch-session.js';
import { createChatClient } from '../../../src/core/model/client.js';
import { newModelRun } from '../../../src/core/model/player.js';
import { startFakeOpenAI, type FakeServer } from '../../helpers/fake-openai-server.js';
import { scenario, task } from '../../helpers/model-scenarios.js';
import { endpointOf, recordRun } from '../../helpers/recorded-run.js';

let srv: FakeServer;
beforeAll(async () => {
  srv = await startFakeOpenAI();
});
afterAll(async () => {
  await srv.close();
});

describe('StreamTimingRecorder', () => {
  it('folds deltas within the step into one point, and starts again on a retry', () => {
    const r = new StreamTimingRecorder(1000, { stepMs: 50 });
    r.add(5, 1100);
    r.add(5, 1120); // within 50 ms of the last point: folded
    r.add(3, 1200);
    expect(r.result()).toEqual({ chunks: [[10, 100], [13, 200]] });
    r.reset();
    expect(r.result()).toBeUndefined();
    r.add(4, 1500);
    expect(r.result()).toEqual({ chunks: [[4, 500]] });
  });

  it('a huge reply stays a bounded list: points thin out, the last offset is the whole length', () => {
    const r = new StreamTimingRecorder(0, { stepMs: 10, maxPoints: 100 });
    // 2 MB in 8-character deltas, one every 20 ms.
    const n = (2 * 1024 * 1024) / 8;
    for (let k = 1; k <= n; k++) r.add(8, k * 20);
    const t = r.result()!;
    expect(t.chunks.length).toBeLessThanOrEqual(101);
    expect(t.chunks.at(-1)![0]).toBe(2 * 1024 * 1024);
    expect(JSON.stringify(t).length).toBeLessThan(3000);
    expect(usableTiming(t, 2 * 1024 * 1024)).toBe(t);
  });

  it('a timing that does not fit its answer is not used', () => {
    expect(usableTiming({ chunks: [[5, 10], [3, 20]] }, 3)).toBeUndefined();
    expect(usableTiming({ chunks: [[5, 10], [9, 5]] }, 9)).toBeUndefined();
    expect(usableTiming({ chunks: [[5, 10]] }, 6)).toBeUndefined();
    expect(usableTiming({ chunks: [[6, 10]] }, 6)).toEqual({ chunks: [[6, 10]] });
  });
});

describe('recorded by the player against the loopback server', () => {
  it('a streamed run saves [offset, ms] pairs ending at the answer, on the injected clock', async () => {
    srv.setScript({ text: 'ANSWER-t1 because the lantern moves two squares.', chunks: 6 });
    const s = scenario('timed', [task('t1', 'Q1?')]);
    const run = await recordRun(srv, s);
    const t = run.tasks[0]!;
    expect(t.answer).toBe('ANSWER-t1 because the lantern moves two squares.');
    // The clock reads 100 ms later each time: the start, then one reading per delta.
    expect(t.timing!.chunks.map((p) => p[1])).toEqual([100, 200, 300, 400, 500, 600]);
    expect(t.timing!.chunks.at(-1)![0]).toBe(t.answer!.length);
    expect(t.timing!.chunks.map((p) => p[0])).toEqual([...t.timing!.chunks.map((p) => p[0])].sort((a, b) => a - b));
  });

  it('watch records it too (the same playTask)', async () => {
    srv.setScript({ text: 'ANSWER-t1 in several pieces here', chunks: 4 });
    const s = scenario('watched', [task('t1', 'Q1?')]);
    const ep = endpointOf(srv);
    const run = newModelRun(s, ep, { history: 'own' });
    const session = new WatchSession({ scenario: s, run, client: await createChatClient(ep) });
    await session.start();
    expect(run.tasks[0]!.timing!.chunks.at(-1)![0]).toBe(run.tasks[0]!.answer!.length);
    await session.close();
  });

  it('a run file without timing still loads; a damaged timing is refused naming the field', () => {
    const base = { schemaVersion: 1, id: 'r1', scenarioId: 's', scenarioHash: 'h', player: { kind: 'model', model: 'm', baseUrl: 'u', params: {} }, history: 'own', startedAt: 'x', status: 'finished' };
    const old = { ...base, tasks: [{ taskId: 't1', answer: 'a', verdicts: [], status: 'solved' }] };
    expect('run' in checkRunShape(old)).toBe(true);
    const bad = { ...base, tasks: [{ taskId: 't1', answer: 'a', verdicts: [], status: 'solved', timing: { chunks: [[1, 'soon']] } }] };
    const r = checkRunShape(bad);
    expect('problem' in r && r.problem).toMatch(/^tasks\[0\]\.timing\.chunks\[0\]\[1\]: expected a number/);
  });
});
