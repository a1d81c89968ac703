import { describe, expect, it } from 'vitest';
import { gradedRowsToRuns, indexBySourceId, verdictsFromGraded } from '../../../src/core/results/import-results.js';
import type { Scenario } from '../../../src/core/scenario/schema.js';

const scenario: Scenario = {
  id: 'clbench-abcd1234-1',
  title: 'Imported',
  category: 'rule-system-application',
  subcategory: 'Game Mechanics',
  origin: 'niche',
  language: 'en',
  estimatedMinutes: 20,
  context: 'ctx',
  path: '/x.json',
  hash: 'h',
  tasks: [
    { id: 't1', prompt: '', sourceId: 'uuid-1', rubric: [{ text: 'a' }, { text: 'b' }] },
    { id: 't2', prompt: 'next', sourceId: 'uuid-2', rubric: [{ text: 'c' }] },
  ],
  source: { format: 'cl-bench', contextId: 'abcd1234-ctx' },
};

const opts = { model: 'Some Model', judge: 'gpt-5.1', repeat: 1, batchId: 'b', now: '2026-11-29T00:00:00.000Z' };

describe('import-results', () => {
  it('turns requirement_status into verdicts by the upstream judge', () => {
    const v = verdictsFromGraded({ model_output: 'x', requirement_status: ['yes', 'No'], grading_rationale: 'r' }, 2, 'gpt-5.1', opts.now);
    expect(v.map((x) => x.status)).toEqual(['pass', 'fail']);
    expect(v[0]!.by).toBe('judge:gpt-5.1');
  });

  it('marks an unusable judgement unscored, keeping the raw rationale - never pass or fail', () => {
    const v = verdictsFromGraded({ model_output: 'x', requirement_status: [], grading_rationale: 'JSON parse failed: {"Grading' }, 2, 'j', opts.now);
    expect(v.map((x) => x.status)).toEqual(['unscored', 'unscored']);
    expect(v[0]!.raw).toContain('JSON parse failed');
    const odd = verdictsFromGraded({ model_output: 'x', requirement_status: ['yes', 'maybe'] }, 2, 'j', opts.now);
    expect(odd.map((x) => x.status)).toEqual(['pass', 'unscored']);
  });

  it('an empty model output fails every item, as upstream scores it 0', () => {
    expect(verdictsFromGraded({ model_output: '  ' }, 1, 'j', opts.now)[0]!.status).toBe('fail');
  });

  it('groups rows into one run per scenario with deterministic ids and reports unknown tasks', () => {
    const index = indexBySourceId([scenario]);
    const rows = [
      { line: 1, row: { metadata: { task_id: 'uuid-2' }, model_output: 'b', requirement_status: ['yes'] } },
      { line: 2, row: { metadata: { task_id: 'uuid-1' }, model_output: 'a', requirement_status: ['yes', 'yes'] } },
      { line: 3, row: { metadata: { task_id: 'nope' }, model_output: 'a' } },
    ];
    const { runs, unknown } = gradedRowsToRuns(rows, index, opts);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.id).toBe('clbench-some-model-r1-clbench-abcd1234-1');
    expect(runs[0]!.tasks.map((t) => t.status)).toEqual(['solved', 'solved']);
    expect(runs[0]!.history).toBe('given');
    expect(unknown[0]).toMatch(/line 3: task_id "nope"/);
    expect(gradedRowsToRuns(rows, index, opts).runs[0]!.id).toBe(runs[0]!.id);
  });
});
