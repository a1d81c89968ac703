import { describe, expect, it } from 'vitest';
import { addDwell, addRange, baselineRows, formatClock, seenFraction } from '../../../src/core/play/baseline.js';
import { newHumanRun } from '../../../src/core/play/session.js';
import { tinyScenario } from './fixtures.js';

describe('ranges of the context seen', () => {
  it('merges overlapping and touching ranges and keeps them sorted', () => {
    let r = addRange([], 10, 20);
    r = addRange(r, 30, 40);
    r = addRange(r, 0, 5);
    expect(r).toEqual([[0, 5], [10, 20], [30, 40]]);
    r = addRange(r, 18, 30);
    expect(r).toEqual([[0, 5], [10, 40]]);
    r = addRange(r, 5, 10);
    expect(r).toEqual([[0, 40]]);
    expect(addRange(r, 7, 7)).toEqual([[0, 40]]);
  });
  it('computes the seen share, clipped to the context', () => {
    expect(seenFraction([[0, 25], [50, 75]], 100)).toBe(0.5);
    expect(seenFraction([[90, 200]], 100)).toBe(0.1);
    expect(seenFraction([], 0)).toBe(0);
  });
  it('adds dwell time to the tenth holding the middle of the view', () => {
    const d = addDwell(undefined, 0, 20, 100, 300);
    expect(d).toHaveLength(10);
    expect(d[0]).toBe(300);
    expect(addDwell(d, 80, 100, 100, 50)[8]).toBe(50);
    expect(addDwell(d, 95, 100, 100, 50)[9]).toBe(50);
  });
});

describe('baseline rows', () => {
  it('reports pasted share so a pasted answer is detectable', () => {
    const run = newHumanRun({ id: 'r', scenario: tinyScenario(), player: { kind: 'human', name: 'A' }, at: 0 });
    run.tasks[0] = {
      ...run.tasks[0]!,
      answer: 'x'.repeat(100),
      pastes: [{ at: '', chars: 95 }],
      wallMs: 60_000,
      activeMs: 40_000,
      pauses: [{ at: '', ms: 20_000 }],
      submittedAt: 'x',
    };
    const [row, open] = baselineRows(run);
    expect(row!.pastedShare).toBeCloseTo(0.95);
    expect(row!.activeMs).toBe(40_000);
    expect(row!.pauses).toBe(1);
    expect(open!.submitted).toBe(false);
  });
  it('formats clocks', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(65_400)).toBe('1:05');
    expect(formatClock(3_723_000)).toBe('1:02:03');
  });
});
