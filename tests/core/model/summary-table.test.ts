// The final table of `clplay run` counts a solve rate as `clplay results` does: solved / decided.
import { describe, expect, it } from 'vitest';
import { summaryTable } from '../../../src/core/model/progress.js';
import type { BatchSummary, RunSummary } from '../../../src/core/model/runner.js';

const run = (scenarioId: string, repeat: number, solved: number, failed: number, pending: number, unplayed: number): RunSummary => ({
  id: `${scenarioId}-${repeat}`,
  scenarioId,
  repeat,
  status: 'stopped',
  tasks: solved + failed + pending + unplayed,
  solved,
  failed,
  pending,
  errors: 0,
  unplayed,
  tries: 0,
  solveRate: 0,
  rubricRate: null,
});

describe('run summary table', () => {
  it('divides by decided tasks and shows "-" where nothing is decided yet', () => {
    const runs = [run('a', 1, 1, 1, 2, 0), run('b', 1, 0, 0, 0, 4)];
    const sum: BatchSummary = {
      batchId: 'b1', model: 'm', baseUrl: 'u', history: 'own', noContext: false, runs,
      tasks: 8, solved: 1, failed: 1, pending: 2, errors: 0, unplayed: 4,
      solveRateByRepeat: [0.5], solveRateMean: 0.5, solveRateSd: 0,
    };
    const text = summaryTable(sum);
    expect(text).toMatch(/^a\s+1\s+4\s+1\s+1\s+2\s+0\s+0\s+50\.0%$/m);
    expect(text).toMatch(/^b\s+1\s+4\s+0\s+0\s+0\s+0\s+4\s+-$/m);
    expect(text).toMatch(/^total\s+2\s+8\s+1\s+1\s+2\s+0\s+4\s+50\.0%$/m);
  });
});
