// A run recorded against the loopback server (real openai SDK, streaming) replays offline - the
// server is closed first - with the same text and verdicts, at the recorded pace (on a virtual
// clock), faster with a speed, at once with instant, and never saved.
import { beforeAll, describe, expect, it } from 'vitest';
import { ReplaySession, NO_TIMING_NOTE } from '../../../src/core/replay/replay-session.js';
import { VirtualClock } from '../../../src/core/replay/virtual-clock.js';
import { offsetAt, taskTimeline } from '../../../src/core/replay/timeline.js';
import type { RunRecord } from '../../../src/core/runs/types.js';
import { startFakeOpenAI } from '../../helpers/fake-openai-server.js';
import { scenario, task } from '../../helpers/model-scenarios.js';
import { recordRun } from '../../helpers/recorded-run.js';

const s = scenario('replayed', [task('t1', '[t1] First?'), task('t2', '[t2] Second?')]);
const A1 = 'ANSWER-t1: the lantern moves two squares, so it lands on C4.';
const A2 = 'I think it is t9, not the one asked.';
let run: RunRecord;
let frozen: string;
beforeAll(async () => {
  const srv = await startFakeOpenAI((req) => (JSON.stringify(req.body.messages.at(-1)).includes('[t1]') ? { text: A1, chunks: 6 } : { text: A2, chunks: 3 }));
  const saved: string[] = [];
  run = await recordRun(srv, s, { store: { save: async (r) => void saved.push(JSON.stringify(r)) } });
  // Offline from here on: the replay must not need the server.
  await srv.close();
  // As read back from its file.
  run = JSON.parse(saved.at(-1)!) as RunRecord;
  frozen = JSON.stringify(run);
});

function replay(o: Partial<ConstructorParameters<typeof ReplaySession>[0]> = {}) {
  const clock = new VirtualClock();
  const session = new ReplaySession({ scenario: s, run, clock, ...o });
  return { clock, session, st: () => session.getState() };
}

describe('replaying a recorded run', () => {
  it('the answer grows at the recorded pace, then the same verdicts, then the next task after the gap', async () => {
    const { clock, session, st } = replay();
    const points = run.tasks[0]!.timing!.chunks;
    expect(points.map((p) => p[1])).toEqual([100, 200, 300, 400, 500, 600]);
    await session.start();
    expect(st()).toMatchObject({ index: 0, phase: 'answering', text: '' });
    clock.advance(100);
    expect(st().text).toBe(A1.slice(0, points[0]![0]));
    clock.advance(250); // 350 ms in
    expect(st().text).toBe(A1.slice(0, points[2]![0]));
    expect(st().phase).toBe('answering');
    clock.advance(350); // 700 ms: submitted
    expect(st()).toMatchObject({ phase: 'done', text: A1 });
    expect(st().result!.verdicts).toEqual(run.tasks[0]!.verdicts);
    expect(st().result!.status).toBe('solved');
    expect(session.solvedSoFar()).toBe(1);
    clock.advance(1499);
    expect(st().index).toBe(0);
    clock.advance(1);
    expect(st()).toMatchObject({ index: 1, phase: 'answering', text: '' });
    clock.advance(10_000);
    expect(st()).toMatchObject({ index: 1, phase: 'done', text: A2, finished: true });
    expect(st().result!.status).toBe('failed');
    expect(session.note).toBeUndefined();
    await session.close();
    expect(JSON.stringify(run)).toBe(frozen);
  });

  it('--speed 2 plays twice as fast', async () => {
    const { clock, session, st } = replay({ speed: 2 });
    await session.start();
    clock.advance(175); // 350 ms of the recording
    expect(st().text).toBe(A1.slice(0, run.tasks[0]!.timing!.chunks[2]![0]));
    clock.advance(175);
    expect(st().phase).toBe('done');
  });

  it('--instant shows each task complete at once and steps with next', async () => {
    const { session, st } = replay({ instant: true });
    await session.start();
    expect(st()).toMatchObject({ index: 0, phase: 'done', text: A1, auto: false });
    session.next();
    expect(st()).toMatchObject({ index: 1, phase: 'done', text: A2, finished: true });
  });

  it('pause holds the position; jump and previous move between tasks', async () => {
    const { clock, session, st } = replay();
    await session.start();
    clock.advance(250);
    const at = st().text;
    session.togglePause();
    clock.advance(5000);
    expect(st().text).toBe(at);
    expect(session.paused).toBe(true);
    session.togglePause();
    clock.advance(50); // 300 ms in
    expect(st().text).toBe(A1.slice(0, run.tasks[0]!.timing!.chunks[2]![0]));
    session.jump(1);
    expect(st()).toMatchObject({ index: 1, text: '' });
    session.previous();
    expect(st()).toMatchObject({ index: 0, phase: 'answering' });
    session.finishTask();
    expect(st()).toMatchObject({ index: 0, phase: 'done', text: A1 });
  });

  it('a run saved without timing replays at a steady pace, with a one-line note', async () => {
    const old = JSON.parse(frozen) as RunRecord;
    for (const t of old.tasks) delete t.timing;
    const clock = new VirtualClock();
    const session = new ReplaySession({ scenario: s, run: old, clock });
    expect(session.note).toBe(NO_TIMING_NOTE);
    await session.start();
    const tl = taskTimeline(old.tasks[0]);
    expect(tl.answeredMs).toBeGreaterThanOrEqual(300); // the floor of the steady pace
    clock.advance(100); // two frames of 50 ms
    const half = session.getState().text;
    expect(half.length).toBeGreaterThan(0);
    expect(half.length).toBeLessThan(A1.length);
    expect(half).toBe(A1.slice(0, offsetAt(tl, clock.now())));
    clock.advance(tl.answeredMs);
    expect(session.getState()).toMatchObject({ phase: 'done', text: A1 });
  });

  it('a live judge verdict appears when it was given: judging until then', () => {
    const t = structuredClone(run.tasks[0]!);
    t.verdicts = [{ status: 'pass', by: 'judge:fake', reason: 'ok', at: new Date(Date.parse(t.submittedAt!) + 2000).toISOString() }];
    const tl = taskTimeline(t);
    expect(tl.judgedMs).toBe(tl.answeredMs + 2000);
  });
});
