// Results must scale linearly with saved runs: these tests count work, not time.
import { describe, expect, it } from 'vitest';
import { attemptsOf } from '../../../src/core/results/attempts.js';
import { aggregate } from '../../../src/core/results/aggregate.js';
import { groupBy } from '../../../src/core/stats.js';
import { humanRun, modelRun, task } from '../../helpers/runs.js';

describe('grouping at scale', () => {
  it('groupBy reads each row key once and keeps first-seen order', () => {
    let calls = 0;
    const rows = Array.from({ length: 10_000 }, (_, i) => ({ id: i, g: `g${i % 7}` }));
    const groups = groupBy(rows, (r) => {
      calls++;
      return r.g;
    });
    expect(calls).toBe(10_000);
    expect([...groups.keys()]).toEqual(['g0', 'g1', 'g2', 'g3', 'g4', 'g5', 'g6']);
    expect(groups.get('g3')!.map((r) => r.id).slice(0, 3)).toEqual([3, 10, 17]);
    expect([...groups.values()].reduce((n, g) => n + g.length, 0)).toBe(10_000);
  });

  it('aggregates 10,000 runs with a bounded number of reads per attempt', () => {
    const runs = Array.from({ length: 10_000 }, (_, i) =>
      i % 2
        ? humanRun(`h${i}`, `p${i % 50}` /* odd i only: 25 people */, `s${i % 20}`, [task('t1', ['pass', 'pass'])])
        : modelRun(`m${i}`, `model-${i % 3}`, `s${i % 20}`, [task('t1', ['fail', 'pass'])], { repeat: 1 + (i % 3) }),
    );
    const rows = attemptsOf(runs);
    expect(rows).toHaveLength(10_000);
    // Count every read of the fields grouping looks at: a scan per row would read them n^2 times.
    let reads = 0;
    const counted = rows.map((r) => {
      const copy = { ...r };
      for (const k of ['group', 'runId', 'scenarioId', 'category'] as const) {
        const v = copy[k];
        Object.defineProperty(copy, k, {
          get() {
            reads++;
            return v;
          },
        });
      }
      return copy;
    });
    const report = aggregate(counted);
    expect(reads).toBeLessThan(20 * 10_000);
    const humans = report.overall.groups.find((g) => g.group === 'humans')!;
    expect(humans).toMatchObject({ attempts: 5_000, solved: 5_000, players: 25 });
    expect(report.scenarios).toHaveLength(20);
  });
});
