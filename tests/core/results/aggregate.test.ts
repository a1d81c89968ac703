import { describe, expect, it } from 'vitest';
import { attemptsOf } from '../../../src/core/results/attempts.js';
import { aggregate, perTask } from '../../../src/core/results/aggregate.js';
import { judgeAgreement } from '../../../src/core/results/agreement.js';
import { categoryBars, timeVsSolve } from '../../../src/core/results/charts.js';
import { toCsv, toJsonl } from '../../../src/core/results/export.js';
import { filterRuns } from '../../../src/core/results/filter.js';
import { humanRun, modelRun, task } from '../../helpers/runs.js';

// Two people, one model over three repeats (one of them without context), one pending item.
const runs = [
  humanRun('h1', 'ana', 'quarry', [task('t1', ['pass', 'pass'], { activeMs: 60_000 }), task('t2', ['pass', 'fail'], { activeMs: 180_000 })]),
  humanRun('h2', 'ben', 'quarry', [task('t1', ['pass', 'pending'], { activeMs: 90_000 }), task('t2', ['pass', 'pass'], { activeMs: 400_000, pastes: [{ at: 'x', chars: 300 }] })]),
  modelRun('m1', 'gpt-x', 'quarry', [task('t1', ['fail', 'pass']), task('t2', ['pass', 'pass'])], { repeat: 1 }),
  modelRun('m2', 'gpt-x', 'quarry', [task('t1', ['fail', 'fail']), task('t2', ['fail', 'pass'])], { repeat: 2 }),
  modelRun('m3', 'gpt-x', 'quarry', [task('t1', ['pass', 'pass']), task('t2', ['unscored', 'pass'])], { repeat: 3, noContext: true }),
];

describe('results aggregate', () => {
  const rows = attemptsOf(runs);
  const report = aggregate(rows);

  it('computes the humans group by hand', () => {
    const h = report.overall.groups.find((g) => g.group === 'humans')!;
    // ana: t1 solved, t2 failed; ben: t1 pending (one item pending), t2 solved.
    expect(h).toMatchObject({ players: 2, runs: 2, attempts: 4, solved: 2, failed: 1, pending: 1, pasted: 1 });
    expect(h.solveRate).toBeCloseTo(2 / 3);
    // items: pass 6, fail 1, pending 1 -> 6/7 decided.
    expect(h.rubricPassRate).toBeCloseTo(6 / 7);
    expect(h.items).toEqual({ pass: 6, fail: 1, pending: 1, unscored: 0 });
    // active times 60, 90, 180, 400 s -> median 135 s.
    expect(h.medianActiveMs).toBe(135_000);
  });

  it('keeps a model with and without context apart, with mean and spread over repeats', () => {
    const m = report.overall.groups.find((g) => g.group === 'gpt-x')!;
    expect(m).toMatchObject({ runs: 2, solved: 1, failed: 3, pending: 0 });
    // per-run solve rates 0.5 and 0 -> mean 0.25, sample sd 0.3536
    expect(m.runSolveRateMean).toBeCloseTo(0.25);
    expect(m.runSolveRateSd).toBeCloseTo(Math.SQRT1_2 / 2);
    const nc = report.overall.groups.find((g) => g.group === 'gpt-x (no context)')!;
    expect(nc).toMatchObject({ solved: 1, failed: 0, pending: 1 });
    expect(nc.items.unscored).toBe(1);
    // Humans are listed first.
    expect(report.overall.groups[0]!.group).toBe('humans');
  });

  it('shows each task with every player side by side', () => {
    const t = perTask(rows);
    expect(t.map((r) => r.taskId)).toEqual(['t1', 't2']);
    expect(t[0]).toMatchObject({ humansSolved: 1, humansTried: 2, modelsSolved: 1, modelsTried: 3 });
    expect(t[0]!.cells).toHaveLength(5);
  });

  it('agrees across csv, jsonl and the table', () => {
    const csv = toCsv(rows).trim().split('\r\n');
    expect(csv).toHaveLength(1 + rows.length);
    const jsonl = toJsonl(rows).trim().split('\n').map((l) => JSON.parse(l));
    const solvedCsv = csv.slice(1).filter((l) => l.split(',')[9] === 'solved').length;
    const solvedJson = jsonl.filter((r) => r.status === 'solved').length;
    const solvedTable = report.overall.groups.reduce((n, g) => n + g.solved, 0);
    expect(solvedCsv).toBe(solvedTable);
    expect(solvedJson).toBe(solvedTable);
    expect(jsonl.find((r) => r.run === 'h2' && r.task === 't2')).toMatchObject({ pasted: true, paste_chars: 300, active_seconds: 400 });
  });

  it('draws charts that carry their numbers', () => {
    const chart = categoryBars(report.categories);
    expect(chart).toContain('rule-system-application');
    expect(chart).toMatch(/humans\s+█+·*\s+66\.7%\s+\(2\/3 solved, 1 pending\)/);
    const time = timeVsSolve(rows);
    expect(time).toMatch(/< 2 min\s+█+\s+100\.0%\s+\(1\/1 solved\)/);
  });

  it('filters by player, model and date', () => {
    expect(filterRuns(runs, { player: ['ANA'] }).map((r) => r.id)).toEqual(['h1']);
    expect(filterRuns(runs, { model: ['gpt-x'] })).toHaveLength(3);
    expect(filterRuns(runs, { until: '2026-11-19' })).toHaveLength(0);
    expect(filterRuns(runs, { since: '2026-11-20', until: '2026-11-20' })).toHaveLength(5);
  });
});

describe('judge agreement', () => {
  it('compares the latest person and judge decision on an item', () => {
    const r = humanRun('a1', 'ana', 'quarry', [task('t1', ['pass', 'pass', 'fail'])]);
    const [i0, i1, i2] = r.tasks[0]!.verdicts;
    // item 0: judge said pass, person confirmed pass; item 1: judge fail, person overrode to pass.
    Object.assign(i0!, { by: 'person:ana', previous: [{ status: 'pass', by: 'judge:j1', reason: 'ok' }] });
    Object.assign(i1!, { by: 'person:ana', previous: [{ status: 'fail', by: 'judge:j1', reason: 'no' }] });
    Object.assign(i2!, { by: 'judge:j1' });
    const a = judgeAgreement([r]);
    expect(a).toMatchObject({ compared: 2, agreed: 1 });
    expect(a.rate).toBe(0.5);
    expect(a.disagreements[0]).toMatchObject({ itemIndex: 1, personStatus: 'pass', judgeStatus: 'fail', judge: 'j1' });
  });
});

describe('the +/- of a solve rate', () => {
  it('is over repeats when a group has several, each repeat pooled over its scenarios', () => {
    const rs = [
      modelRun('a1', 'm', 'quarry', [task('t1', ['pass']), task('t2', ['pass'])], { repeat: 1 }),
      modelRun('b1', 'm', 'harbour', [task('t1', ['fail']), task('t2', ['pass'])], { repeat: 1 }),
      modelRun('a2', 'm', 'quarry', [task('t1', ['fail']), task('t2', ['fail'])], { repeat: 2 }),
      modelRun('b2', 'm', 'harbour', [task('t1', ['fail']), task('t2', ['pass'])], { repeat: 2 }),
    ];
    const g = aggregate(attemptsOf(rs)).overall.groups[0]!;
    // repeat 1: 3/4, repeat 2: 1/4 -> sd of [0.75, 0.25]
    expect(g.spread).toEqual({ sd: expect.closeTo(Math.SQRT2 / 4, 6), over: 'repeats', n: 2 });
  });

  it('is over scenarios with one repeat, and absent below two values', () => {
    const rs = [
      modelRun('a1', 'm', 'quarry', [task('t1', ['pass']), task('t2', ['pass'])], { repeat: 1 }),
      modelRun('b1', 'm', 'harbour', [task('t1', ['fail']), task('t2', ['pass'])], { repeat: 1 }),
    ];
    const g = aggregate(attemptsOf(rs)).overall.groups[0]!;
    expect(g.spread).toEqual({ sd: expect.closeTo(Math.SQRT2 / 4, 6), over: 'scenarios', n: 2 });
    expect(aggregate(attemptsOf(rs.slice(0, 1))).overall.groups[0]!.spread).toBeNull();
  });
});
