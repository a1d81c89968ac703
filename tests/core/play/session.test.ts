import { describe, expect, it } from 'vitest';
import {
  activeNow,
  initPlay,
  isFinished,
  newHumanRun,
  playReducer,
  submitAnswer,
  type PlayAction,
  type PlayState,
} from '../../../src/core/play/session.js';
import { pausedMs } from '../../../src/core/play/baseline.js';
import type { Verdict } from '../../../src/core/grading/verdict.js';
import { tinyScenario } from './fixtures.js';

const T0 = Date.parse('2025-01-01T10:00:00.000Z');
const scenario = tinyScenario();
const player = { kind: 'human' as const, name: 'Ada' };
const run = (reveal?: 'task' | 'end') => newHumanRun({ id: 'r1', scenario, player, reveal, at: T0 });
const apply = (s: PlayState, ...as: PlayAction[]) => as.reduce(playReducer, s);
const pass: Verdict = { status: 'pass', by: 'check', reason: 'ok' };
const fail: Verdict = { status: 'fail', by: 'check', reason: 'no' };

describe('play session', () => {
  it('creates one empty result per task in scenario order', () => {
    const r = run('end');
    expect(r.tasks.map((t) => t.taskId)).toEqual(['t1', 't2']);
    expect(r.status).toBe('in-progress');
    expect(r.reveal).toBe('end');
    expect(r.player).toEqual(player);
    expect(r.scenarioHash).toBe('h1');
  });

  it('wall time includes pauses, active time excludes them', () => {
    let s = apply(initPlay(run()), { type: 'open', at: T0 });
    s = apply(s, { type: 'pause', at: T0 + 10_000 }, { type: 'resume', at: T0 + 40_000 });
    expect(activeNow(s, T0 + 45_000)).toBe(15_000);
    s = apply(s, { type: 'submit', answer: '70 marks', verdicts: [pass], at: T0 + 50_000 });
    const t = s.run.tasks[0]!;
    expect(t.wallMs).toBe(50_000);
    expect(t.activeMs).toBe(20_000);
    expect(t.pauses).toEqual([{ at: new Date(T0 + 10_000).toISOString(), ms: 30_000, kind: 'pause' }]);
    expect(t.wallMs! - pausedMs(t.pauses)).toBe(t.activeMs);
    expect(t.status).toBe('solved');
    expect(s.index).toBe(1);
  });

  it('the clock does not run while paused (ticks change nothing)', () => {
    let s = apply(initPlay(run()), { type: 'open', at: T0 }, { type: 'pause', at: T0 + 1000 });
    s = apply(s, { type: 'tick', at: T0 + 60_000 });
    expect(activeNow(s, T0 + 90_000)).toBe(1000);
  });

  it('counts edits and records pastes with their sizes; submit drops the draft', () => {
    let s = apply(
      initPlay(run()),
      { type: 'open', at: T0 },
      { type: 'draft', text: '7', at: T0 + 1 },
      { type: 'draft', text: '70', at: T0 + 2 },
      { type: 'draft', text: '70 marks, because 10 x 7', at: T0 + 3, pasted: 22 },
    );
    const t = s.run.tasks[0]!;
    expect(t.edits).toBe(3);
    expect(t.draft).toBe('70 marks, because 10 x 7');
    expect(t.pastes).toEqual([{ at: new Date(T0 + 3).toISOString(), chars: 22 }]);
    s = apply(s, { type: 'submit', answer: t.draft!, verdicts: [pass], at: T0 + 4 });
    expect(s.run.tasks[0]!.draft).toBeUndefined();
    expect(s.run.tasks[0]!.answer).toBe('70 marks, because 10 x 7');
  });

  it('records searches (trimmed, non-empty)', () => {
    const s = apply(
      initPlay(run()),
      { type: 'open', at: T0 },
      { type: 'search', query: ' glass ', at: T0 + 1 },
      { type: 'search', query: '   ', at: T0 + 2 },
    );
    expect(s.run.tasks[0]!.searches).toEqual(['glass']);
  });

  it('remembers where the reader was, and keeps it while the context is hidden', () => {
    const total = 1000;
    let s = apply(initPlay(run()), { type: 'open', at: T0 }, { type: 'view', span: { from: 400, to: 500, total }, at: T0 + 1000 });
    expect(s.run.tasks[0]!.readerAt).toBe(400);
    s = apply(s, { type: 'view', span: { from: 0, to: 0, total }, at: T0 + 2000 });
    expect(s.run.tasks[0]!.readerAt).toBe(400);
  });

  it('tracks the seen share of the context and dwell time, not while paused', () => {
    const total = 1000;
    let s = apply(
      initPlay(run()),
      { type: 'view', span: { from: 0, to: 100, total }, at: T0 },
      { type: 'open', at: T0 },
    );
    expect(s.run.tasks[0]!.linesSeenFraction).toBeCloseTo(0.1);
    s = apply(s, { type: 'view', span: { from: 50, to: 250, total }, at: T0 + 5000 });
    expect(s.run.tasks[0]!.linesSeenFraction).toBeCloseTo(0.25);
    s = apply(s, { type: 'pause', at: T0 + 6000 }, { type: 'view', span: { from: 900, to: 1000, total }, at: T0 + 7000 });
    expect(s.run.tasks[0]!.linesSeenFraction).toBeCloseTo(0.25);
    s = apply(s, { type: 'resume', at: T0 + 20_000 }, { type: 'tick', at: T0 + 21_000 });
    const t = s.run.tasks[0]!;
    expect(t.seen).toEqual([[0, 250]]);
    expect(t.dwellMs![0]).toBe(5000); // 0..100 for 5 s
    expect(t.dwellMs![1]).toBe(1000); // 50..250 for 1 s before the pause
    expect(t.dwellMs![9]).toBe(1000); // after resume, the span seen is 900..1000 for 1 s
    expect(t.dwellMs!.reduce((a, b) => a + b, 0)).toBe(t.activeMs);
  });

  it('a continued run turns the time clplay was not running into a closed pause', () => {
    let s = apply(initPlay(run()), { type: 'open', at: T0 }, { type: 'draft', text: 'half', at: T0 + 1000 });
    s = apply(s, { type: 'tick', at: T0 + 8000 });
    // the process dies here; later the saved run is loaded again
    const saved = JSON.parse(JSON.stringify(s.run));
    let r = apply(initPlay(saved), { type: 'open', at: T0 + 3_600_000 });
    expect(r.index).toBe(0);
    expect(r.run.tasks[0]!.draft).toBe('half');
    r = apply(r, { type: 'submit', answer: 'half', verdicts: [fail], at: T0 + 3_610_000 });
    const t = r.run.tasks[0]!;
    expect(t.activeMs).toBe(18_000);
    expect(t.pauses).toEqual([{ at: new Date(T0 + 8000).toISOString(), ms: 3_600_000 - 8000, kind: 'closed' }]);
    expect(t.wallMs).toBe(3_610_000);
    expect(t.wallMs! - pausedMs(t.pauses)).toBe(t.activeMs);
    expect(t.status).toBe('failed');
  });

  it('a close while paused records the pause up to the close', () => {
    let s = apply(initPlay(run()), { type: 'open', at: T0 }, { type: 'pause', at: T0 + 2000 }, { type: 'close', at: T0 + 5000 });
    expect(s.run.tasks[0]!.pauses).toEqual([{ at: new Date(T0 + 2000).toISOString(), ms: 3000, kind: 'pause' }]);
    s = apply(s, { type: 'open', at: T0 + 9000 }, { type: 'submit', answer: 'x', verdicts: [fail], at: T0 + 10_000 });
    const t = s.run.tasks[0]!;
    expect(t.activeMs).toBe(3000);
    expect(t.wallMs! - pausedMs(t.pauses)).toBe(3000);
  });

  it('finishes the run after the last task and ignores later actions', () => {
    let s = apply(initPlay(run()), { type: 'open', at: T0 });
    s = submitAnswer(s, scenario, '70', T0 + 1000, () => [pass]);
    s = apply(s, { type: 'open', at: T0 + 2000 });
    const grades: string[] = [];
    s = submitAnswer(s, scenario, '35', T0 + 3000, (task, answer) => {
      grades.push(`${task.id}:${answer}`);
      return [pass, { status: 'pending', reason: 'no check' }];
    });
    expect(grades).toEqual(['t2:35']);
    expect(isFinished(s)).toBe(true);
    expect(s.run.status).toBe('finished');
    expect(s.run.endedAt).toBe(new Date(T0 + 3000).toISOString());
    expect(s.run.tasks[1]!.status).toBe('pending');
    expect(s.run.tasks[1]!.wallMs).toBe(1000);
    const after = apply(s, { type: 'draft', text: 'late', at: T0 + 4000 });
    expect(after).toBe(s);
  });

  it('a continued run starts at the first task not submitted', () => {
    let s = apply(initPlay(run()), { type: 'open', at: T0 });
    s = apply(s, { type: 'submit', answer: '70', verdicts: [pass], at: T0 + 1000 });
    expect(initPlay(JSON.parse(JSON.stringify(s.run))).index).toBe(1);
  });
});

describe('play session: drafts', () => {
  it('merges the chunks of one long paste into one paste event', () => {
    const s = apply(
      initPlay(run()),
      { type: 'open', at: T0 },
      { type: 'draft', text: 'x'.repeat(4000), at: T0 + 1, pasted: 4000 },
      { type: 'draft', text: 'x'.repeat(5000), at: T0 + 2, pasted: 1000, continued: true },
      { type: 'draft', text: 'x'.repeat(5001), at: T0 + 900 },
      { type: 'draft', text: 'x'.repeat(5011), at: T0 + 1000, pasted: 10 },
    );
    expect(s.run.tasks[0]!.pastes!.map((p) => p.chars)).toEqual([5000, 10]);
  });

  it('every draft carries the active time so far (a crash loses no clock time before it)', () => {
    let s = apply(initPlay(run()), { type: 'open', at: T0 }, { type: 'draft', text: 'a', at: T0 + 5000 });
    expect(s.run.tasks[0]!.activeMs).toBe(5000);
    expect(s.run.tasks[0]!.lastActiveAt).toBe(new Date(T0 + 5000).toISOString());
    s = apply(initPlay(JSON.parse(JSON.stringify(s.run))), { type: 'open', at: T0 + 65_000 });
    expect(s.run.tasks[0]!.pauses).toEqual([{ at: new Date(T0 + 5000).toISOString(), ms: 60_000, kind: 'closed' }]);
  });
});
