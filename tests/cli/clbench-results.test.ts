// Upstream results beside clplay's: import CL-bench rows, import eval.py's graded output as model
// runs, read them in `results`, and export infer.py rows that reproduce the source messages.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chainRows, toJsonl, type Row } from '../helpers/clbench-rows.js';
import { runCli } from '../helpers/cli.js';

describe('CL-bench results round trip', () => {
  it('imports graded rows as model runs, idempotently, and exports rows eval.py can grade', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clplay-clbench-results-'));
    const scen = join(dir, 'scenarios');
    const saves = join(dir, 'saves');
    const rows: Row[] = [
      ...chainRows({ contextId: 'c0ffee00-aaaa', system: 'Be exact.', first: 'RULEBOOK\nThe lantern moves two squares.\nQ1: how far?', turns: [{ given: 'Two.', prompt: 'Q2: and back?' }] }),
      ...chainRows({ contextId: 'beef0000-bbbb', first: 'Q: what colour means stop?\nIn this quarry green means stop.', turns: [], category: 'Domain Knowledge Reasoning', subCategory: 'Lifestyle' }),
    ];
    writeFileSync(join(dir, 'in.jsonl'), toJsonl(rows));
    const imp = runCli(['import', join(dir, 'in.jsonl'), '--out', scen]);
    expect(imp.code, imp.stderr).toBe(0);

    const outputs = ['Two squares.', 'Two back.', 'Green.'];
    const graded = rows.map((r, i) => ({
      idx: r.metadata.task_id,
      ...r,
      model_output: outputs[i],
      grading_rationale: i === 2 ? 'JSON parse failed (3 attempts): {"Grading Rat' : 'checked',
      requirement_status: i === 0 ? ['yes', 'yes'] : i === 1 ? ['yes', 'no'] : [],
      score: i === 0 ? 1 : 0,
    }));
    const gradedFile = join(dir, 'my-model_graded.jsonl');
    writeFileSync(gradedFile, graded.map((g) => JSON.stringify(g)).join('\n') + '\nnot json\n');

    const first = runCli(['import-results', gradedFile, '--scenarios', scen, '--saves', saves]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/3 graded rows read; 3 tasks in 2 runs of my-model \(repeat 1\); 2 runs added, 0 already there; 1 rows skipped/);
    expect(first.stderr).toMatch(/my-model_graded\.jsonl:4: /);
    const again = runCli(['import-results', gradedFile, '--scenarios', scen, '--saves', saves]);
    expect(again.stdout).toMatch(/0 runs added, 2 already there/);

    const results = JSON.parse(runCli(['results', '--json', '--scenarios', scen, '--saves', saves]).stdout);
    const model = results.overall.groups.find((g: { group: string }) => g.group === 'my-model');
    // As eval.py counts: task 1 solved (score 1), tasks 2 and 3 not (score 0); task 3's empty list
    // leaves its items unscored (shown, not folded in), and the disagreement is printed.
    expect(first.stdout).toMatch(/eval.py counts 1\/3 solved in this file/);
    expect(first.stdout).toMatch(/1 row\(s\) where the judge's per-item list and its score disagree[^\n]*\n {2}line 3 \(task_id [^)]+\): the list has 0 entries for 2 items -> not solved/);
    expect(model).toMatchObject({ solved: 1, failed: 2, pending: 0, items: { pass: 3, fail: 1, pending: 0, unscored: 2 } });

    const exported = runCli(['export', '--format', 'clbench', '--scenarios', scen, '--saves', saves]).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(exported).toHaveLength(3);
    for (const row of rows) {
      const e = exported.find((x: { idx: string }) => x.idx === row.metadata.task_id);
      expect(JSON.stringify(e.messages)).toBe(JSON.stringify(row.messages));
      expect(e.rubrics).toEqual(row.rubrics);
      expect(e.metadata).toMatchObject(row.metadata);
    }
    expect(exported.map((e: { model_output: string }) => e.model_output).sort()).toEqual([...outputs].sort());
  });
});
