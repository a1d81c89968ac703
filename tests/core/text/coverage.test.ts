import { describe, expect, it } from 'vitest';
import { LineCoverage } from '../../../src/core/text/coverage.js';

describe('LineCoverage', () => {
  it('accumulates on-screen time per line and the fraction seen', () => {
    const c = new LineCoverage(100);
    c.view(0, 20, 1000);
    c.view(10, 30, 3000); // lines 0-19 had 2 s
    c.hide(4000); // lines 10-29 had 1 s more
    const s = c.summary();
    expect(s.seen).toBe(30);
    expect(s.fraction).toBeCloseTo(0.3);
    expect(s.ranges).toEqual([
      [0, 10, 2000],
      [10, 20, 3000],
      [20, 30, 1000],
    ]);
  });

  it('clamps ranges and handles an empty text', () => {
    const c = new LineCoverage(5);
    c.view(-3, 50, 0);
    expect(c.summary(10).seen).toBe(5);
    expect(new LineCoverage(0).summary().fraction).toBe(0);
  });
});
