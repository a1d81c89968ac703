import { describe, expect, it } from 'vitest';
import { continuableRuns, lastResults } from '../../../src/core/play/resume.js';
import { compareRows } from '../../../src/core/play/compare.js';
import { newHumanRun } from '../../../src/core/play/session.js';
import type { RunRecord } from '../../../src/core/runs/types.js';
import { tinyScenario } from './fixtures.js';

const scenario = tinyScenario();
const pass = { status: 'pass' as const, reason: '' };
const fail = { status: 'fail' as const, reason: '' };

function human(id: string, name: string, at: number, status: RunRecord['status'] = 'in-progress'): RunRecord {
  const r = newHumanRun({ id, scenario, player: { kind: 'human', name }, at });
  return { ...r, status };
}

describe('continue and last results', () => {
  it('offers only this player unfinished runs of loaded scenarios, newest first', () => {
    const runs = [
      human('a', 'Ada', 1000),
      human('b', 'Ada', 5000),
      human('c', 'Bob', 9000),
      human('d', 'Ada', 9000, 'finished'),
      { ...human('e', 'Ada', 9000), scenarioId: 'gone' },
      { ...human('f', 'Ada', 9500), tasks: [] },
    ];
    const list = continuableRuns(runs, [scenario], 'Ada');
    expect(list.map((c) => c.run.id)).toEqual(['b', 'a']);
    expect(list[0]!.changed).toBe(false);
    expect(continuableRuns([{ ...human('x', 'Ada', 0), scenarioHash: 'old' }], [scenario], 'Ada')[0]!.changed).toBe(true);
  });

  it('keeps the newest finished run per scenario', () => {
    const m = lastResults([human('a', 'Ada', 1000, 'finished'), human('b', 'Ada', 3000, 'finished'), human('c', 'Ada', 5000)], 'Ada');
    expect(m.get('tiny')!.id).toBe('b');
  });
});

describe('summary comparison', () => {
  it('puts this run first, then humans, then models, with their solve rates', () => {
    const mine = human('me', 'Ada', 0, 'finished');
    mine.tasks = [
      { ...mine.tasks[0]!, verdicts: [pass], status: 'solved', activeMs: 60_000 },
      { ...mine.tasks[1]!, verdicts: [fail, pass], status: 'failed', activeMs: 120_000 },
    ];
    const bob = human('bob', 'Bob', 0, 'finished');
    bob.tasks = bob.tasks.map((t, i) => ({ ...t, verdicts: i ? [pass, pass] : [pass], status: 'solved' as const }));
    const model: RunRecord = {
      ...human('m', 'x', 0, 'finished'),
      player: { kind: 'model', model: 'gpt-x', baseUrl: 'http://x', params: {} },
      tasks: bob.tasks.map((t) => ({ ...t, verdicts: t.verdicts.map(() => fail), status: 'failed' as const, latencyMs: 2000 })),
    };
    const unfinished = human('u', 'Cy', 0);
    const rows = compareRows([model, bob, mine, unfinished], scenario, mine);
    expect(rows.map((r) => r.who)).toEqual(['Ada', 'Bob', 'gpt-x']);
    expect(rows[0]!.self).toBe(true);
    expect(rows[0]!.solveRate).toBe(0.5);
    expect(rows[0]!.rubricRate).toBeCloseTo(2 / 3);
    expect(rows[0]!.msPerTask).toBe(90_000);
    expect(rows[1]!.solveRate).toBe(1);
    expect(rows[2]!.kind).toBe('model');
    expect(rows[2]!.rubricRate).toBe(0);
    expect(rows[2]!.msPerTask).toBe(2000);
  });
});
