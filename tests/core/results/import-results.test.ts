import { describe, expect, it } from 'vitest';
import { gradedRowsToRuns, gradedToResult, indexBySourceId } from '../../../src/core/results/import-results.js';
import { resultStatus } from '../../../src/core/grading/verdict.js';
import type { Scenario, Task } from '../../../src/core/scenario/schema.js';

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
const seven: Task = { id: 't7', prompt: 'p', sourceId: 'uuid-7', rubric: Array.from({ length: 7 }, (_, i) => ({ text: `item ${i + 1}` })) };

const opts = { model: 'Some Model', judge: 'gpt-5.1', repeat: 1, batchId: 'b', now: '2026-11-29T00:00:00.000Z' };
const statusOf = (r: ReturnType<typeof gradedToResult>) => resultStatus(r.verdicts, r.judgement);

describe('import-results counts as eval.py does', () => {
  it('turns requirement_status into item verdicts by the upstream judge; the score decides the task', () => {
    const r = gradedToResult({ model_output: 'x', requirement_status: ['yes', 'No'], grading_rationale: 'r', score: 0 }, scenario.tasks[0]!, 'gpt-5.1', opts.now);
    expect(r.verdicts.map((x) => x.status)).toEqual(['pass', 'fail']);
    expect(r.verdicts[0]).toMatchObject({ by: 'judge:gpt-5.1', protocol: 'clbench' });
    expect(r.judgement).toMatchObject({ protocol: 'clbench', upstream: 'not solved', score: 0 });
    expect(r.judgement.disagreement).toBeUndefined();
    expect(statusOf(r)).toBe('failed');
  });

  it('list all yes, score 0: not solved (7/7 items, 0 tasks), the disagreement shown', () => {
    const r = gradedToResult({ model_output: 'x', requirement_status: Array(7).fill('yes'), score: 0 }, seven, 'j', opts.now);
    expect(r.verdicts.every((v) => v.status === 'pass')).toBe(true);
    expect(statusOf(r)).toBe('failed');
    expect(r.judgement.disagreement).toMatch(/every item "yes" but the Overall Score is 0/);
  });

  it('list with "no" entries, score 1: solved, as eval.py counts it, the disagreement shown', () => {
    const r = gradedToResult({ model_output: 'x', requirement_status: ['yes', 'no', 'yes', 'yes', 'no', 'yes', 'yes'], score: 1 }, seven, 'j', opts.now);
    expect(statusOf(r)).toBe('solved');
    expect(r.judgement.disagreement).toMatch(/items 2, 5 "no" but the Overall Score is 1/);
  });

  it('a string score "1" is not solved; 1.0 and true are', () => {
    expect(statusOf(gradedToResult({ model_output: 'x', requirement_status: Array(7).fill('yes'), score: '1' }, seven, 'j', opts.now))).toBe('failed');
    expect(statusOf(gradedToResult({ model_output: 'x', requirement_status: Array(7).fill('yes'), score: true }, seven, 'j', opts.now))).toBe('solved');
    expect(statusOf(gradedToResult({ model_output: 'x', requirement_status: Array(7).fill('yes'), score: 1.0 }, seven, 'j', opts.now))).toBe('solved');
  });

  it('a short list leaves the missing items unscored, and the score still decides', () => {
    const r = gradedToResult({ model_output: 'x', requirement_status: ['yes', 'yes', 'yes', 'yes', 'yes'], score: 1, grading_rationale: 'fine' }, seven, 'j', opts.now);
    expect(r.verdicts.map((v) => v.status)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'unscored', 'unscored']);
    expect(statusOf(r)).toBe('solved');
    expect(r.judgement.disagreement).toMatch(/5 entries for 7 items/);
    const none = gradedToResult({ model_output: 'x', requirement_status: [], grading_rationale: 'odd', score: 0 }, seven, 'j', opts.now);
    expect(none.verdicts.every((v) => v.status === 'unscored' && v.raw === 'odd')).toBe(true);
    expect(statusOf(none)).toBe('failed');
  });

  it('an empty model output fails every item, as upstream scores it 0', () => {
    const r = gradedToResult({ model_output: '  ', score: 0, requirement_status: [] }, scenario.tasks[1]!, 'j', opts.now);
    expect(r.verdicts[0]!.status).toBe('fail');
    expect(statusOf(r)).toBe('failed');
  });

  it('a person deciding an item makes the item verdicts count again', () => {
    const r = gradedToResult({ model_output: 'x', requirement_status: ['yes', 'yes'], score: 0 }, scenario.tasks[0]!, 'j', opts.now);
    expect(resultStatus([{ ...r.verdicts[0]!, by: 'person:ana' }, r.verdicts[1]!], r.judgement)).toBe('solved');
  });
});

describe('import-results runs', () => {
  it('groups rows into one run per scenario with deterministic ids and reports unknown tasks', () => {
    const index = indexBySourceId([scenario]);
    const rows = [
      { line: 1, row: { metadata: { task_id: 'uuid-2' }, model_output: 'b', requirement_status: ['yes'], score: 1 } },
      { line: 2, row: { metadata: { task_id: 'uuid-1' }, model_output: 'a', requirement_status: ['yes', 'yes'], score: 1 } },
      { line: 3, row: { metadata: { task_id: 'nope' }, model_output: 'a', score: 1 } },
    ];
    const out = gradedRowsToRuns(rows, index, opts);
    expect(out.runs).toHaveLength(1);
    expect(out.runs[0]!.id).toBe('clbench-some-model-r1-clbench-abcd1234-1');
    expect(out.runs[0]!.tasks.map((t) => t.status)).toEqual(['solved', 'solved']);
    expect(out.runs[0]!.history).toBe('given');
    expect(out.unknown[0]).toMatch(/line 3: task_id "nope"/);
    // eval.py counts every row of its file.
    expect(out.upstream).toEqual({ solved: 3, total: 3 });
    expect(out.repeats).toEqual([]);
    expect(gradedRowsToRuns(rows, index, opts).runs[0]!.id).toBe(out.runs[0]!.id);
  });

  it('repeated task ids become repeats 1, 2, ... in input order, with a line saying so', () => {
    const index = indexBySourceId([scenario]);
    const rows = [
      { line: 1, row: { metadata: { task_id: 'uuid-1' }, model_output: 'first', requirement_status: ['yes', 'yes'], score: 1 } },
      { line: 2, row: { metadata: { task_id: 'uuid-2' }, model_output: 'b', requirement_status: ['no'], score: 0 } },
      { line: 3, row: { metadata: { task_id: 'uuid-1' }, model_output: 'second', requirement_status: ['yes', 'no'], score: 0 } },
      { line: 4, row: { metadata: { task_id: 'uuid-1' }, model_output: 'third', requirement_status: ['yes', 'yes'], score: '1' } },
    ];
    const out = gradedRowsToRuns(rows, index, { ...opts, repeat: 2 });
    expect(out.runs.map((r) => [r.id, r.repeat])).toEqual([
      ['clbench-some-model-r2-clbench-abcd1234-1', 2],
      ['clbench-some-model-r3-clbench-abcd1234-1', 3],
      ['clbench-some-model-r4-clbench-abcd1234-1', 4],
    ]);
    expect(out.runs.map((r) => r.tasks[0]!.answer)).toEqual(['first', 'second', 'third']);
    expect(out.runs.map((r) => r.tasks[0]!.status)).toEqual(['solved', 'failed', 'failed']);
    expect(out.repeats).toEqual(['1 task id(s) appear more than once; their rows became repeats 2 to 4 in input order (uuid-1: 3 rows)']);
    expect(out.disagreements).toEqual([expect.stringMatching(/^line 4 \(task_id uuid-1\): the Overall Score is "1" \(a string\), which eval.py counts as not solved -> not solved$/)]);
    expect(out.upstream).toEqual({ solved: 1, total: 4 });
  });
});
