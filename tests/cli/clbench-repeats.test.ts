// Repeats through the CL-bench round trip: a graded file with a task id twice imports as two
// repeats (said in one line), and `export --format clbench` writes one file per repeat, so no
// file holds a task id twice (upstream's resume skips ids already written).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repeatPath } from '../../src/core/results/export-clbench.js';
import { chainRows, toJsonl } from '../helpers/clbench-rows.js';
import { runCli } from '../helpers/cli.js';

describe('CL-bench repeats', () => {
  it('names repeat files before the extension', () => {
    expect(repeatPath('out/my-model.jsonl', 2)).toBe('out/my-model.repeat-2.jsonl');
    expect(repeatPath('rows', 1)).toBe('rows.repeat-1');
    expect(repeatPath('./a.b/rows', 3)).toBe('./a.b/rows.repeat-3');
  });

  it('import-results makes repeats of repeated task ids; export writes one file per repeat', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clplay-clbench-repeats-'));
    const scen = join(dir, 'scenarios');
    const saves = join(dir, 'saves');
    const rows = chainRows({ contextId: 'feed0000-cccc', first: 'LEDGER RULES\nA marked crate counts twice.\nQ1: how many?', turns: [{ given: 'Four.', prompt: 'Q2: and unmarked?' }] });
    writeFileSync(join(dir, 'in.jsonl'), toJsonl(rows));
    expect(runCli(['import', join(dir, 'in.jsonl'), '--out', scen]).code).toBe(0);
    const g = (i: number, output: string, score: unknown) => ({ idx: rows[i]!.metadata.task_id, ...rows[i]!, model_output: output, grading_rationale: 'r', requirement_status: ['yes', 'yes'], score });
    // Task 1 twice (two repeats of one model, concatenated), task 2 once.
    const graded = [g(0, 'Four crates.', 1), g(1, 'Two.', 0), g(0, 'Five crates.', 0)];
    const file = join(dir, 'm_graded.jsonl');
    writeFileSync(file, graded.map((x) => JSON.stringify(x)).join('\n') + '\n');
    const imp = runCli(['import-results', file, '--scenarios', scen, '--saves', saves]);
    expect(imp.code, imp.stderr).toBe(0);
    expect(imp.stdout).toMatch(/3 graded rows read; 3 tasks in 2 runs of m \(repeats 1-2\)/);
    expect(imp.stdout).toMatch(/1 task id\(s\) appear more than once; their rows became repeats 1 to 2 in input order \(feed0000-cccc-task-1: 2 rows\)/);
    expect(imp.stdout).toMatch(/eval.py counts 1\/3 solved/);
    // Task 2's all-yes list with score 0 is shown, not resolved.
    expect(imp.stdout).toMatch(/line 2 \(task_id feed0000-cccc-task-2\): the list marks every item "yes" but the Overall Score is 0 \(eval.py counts it not solved\) -> not solved/);

    const toStdout = runCli(['export', '--format', 'clbench', '--scenarios', scen, '--saves', saves]);
    expect(toStdout.code).toBe(0);
    expect(toStdout.stderr).toMatch(/up to 2 answers to the same task \(repeats\).*give --out FILE to get FILE\.repeat-1 \.\.\. FILE\.repeat-2/);
    expect(toStdout.stdout.trim().split('\n')).toHaveLength(3);

    const out = runCli(['export', '--format', 'clbench', '--out', join(dir, 'rows.jsonl'), '--scenarios', scen, '--saves', saves]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toMatch(/wrote 2 rows \(clbench, repeat 1\) to .*rows\.repeat-1\.jsonl/);
    expect(out.stderr).toMatch(/wrote 1 rows \(clbench, repeat 2\) to .*rows\.repeat-2\.jsonl/);
    const read = (k: number) => readFileSync(join(dir, `rows.repeat-${k}.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { idx: string; model_output: string });
    const one = read(1);
    const two = read(2);
    expect(new Set(one.map((r) => r.idx)).size).toBe(one.length);
    expect(one.map((r) => r.model_output).sort()).toEqual(['Four crates.', 'Two.']);
    expect(two.map((r) => [r.idx, r.model_output])).toEqual([['feed0000-cccc-task-1', 'Five crates.']]);
  });
});

describe('exported rubrics', () => {
  it('put an empty string back where the import left out an empty item, so eval.py numbers alike', async () => {
    const { upstreamRubrics } = await import('../../src/core/results/export-clbench.js');
    expect(upstreamRubrics([{ text: 'A.' }, { text: 'C.', number: 3 }, { text: 'D.', number: 4 }])).toEqual(['A.', '', 'C.', 'D.']);
    expect(upstreamRubrics([{ text: 'A.' }, { text: 'B.' }])).toEqual(['A.', 'B.']);
  });
});
