// `clplay results` on eval.py's graded output for the CL-bench fixture: solved / graded overall
// and per category as eval.py's summary counts them (score 1 / rows, by metadata.context_category,
// "Unknown" when missing), a category outside the four under its own name.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const FIXTURE = join(__dirname, '../fixtures/clbench-rows.jsonl');

/** eval.py's calculate_statistics, restated: Score 1 / Total samples, overall and per context_category. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function evalSummary(graded: any[]) {
  const cat = new Map<string, { total: number; s1: number }>();
  for (const g of graded) {
    const c = g.metadata?.context_category ?? 'Unknown';
    const x = cat.get(c) ?? { total: 0, s1: 0 };
    x.total++;
    if (g.score === 1) x.s1++;
    cat.set(c, x);
  }
  return { total: graded.length, s1: graded.filter((g) => g.score === 1).length, cat };
}

describe('results on imported CL-bench graded output', () => {
  it('prints the same solved / graded as eval.py, overall and per category', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clplay-fixture-results-'));
    try {
      const scen = join(dir, 'scenarios');
      const saves = join(dir, 'saves');
      const imp = runCli(['import', FIXTURE, '--out', scen]);
      expect(imp.code, imp.stderr).toBe(0);
      // One graded row per task (the fixture's duplicate line is one task), as eval.py writes them.
      const seen = new Set<string>();
      const rows = readFileSync(FIXTURE, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
        .filter((r) => (seen.has(r.metadata.task_id) ? false : (seen.add(r.metadata.task_id), true)));
      const graded = rows.map((r, i) => {
        const score = i % 3 === 0 ? 1 : 0;
        // The judge answers one entry per item eval.py lists (empty items are not listed).
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const n = r.rubrics.filter((x: any) => String(x !== null && typeof x === 'object' ? (x.rubric_criteria ?? '') : (x ?? 'None')).trim() !== '').length;
        const status = Array.from({ length: n }, (_, k) => (score === 1 || k > 0 ? 'yes' : 'no'));
        return { idx: r.metadata.task_id, ...r, model_output: `answer ${i}`, grading_rationale: 'checked', requirement_status: status, score };
      });
      const file = join(dir, 'fixture-model_graded.jsonl');
      writeFileSync(file, graded.map((g) => JSON.stringify(g)).join('\n') + '\n');
      const ir = runCli(['import-results', file, '--scenarios', scen, '--saves', saves]);
      expect(ir.code, ir.stderr).toBe(0);

      const want = evalSummary(graded);
      const report = JSON.parse(runCli(['results', '--json', '--scenarios', scen, '--saves', saves]).stdout);
      const model = report.overall.groups.find((g: { group: string }) => g.group === 'fixture-model');
      expect([model.solved, model.solved + model.failed]).toEqual([want.s1, want.total]);
      const byCategory = new Map<string, [number, number]>();
      for (const c of report.categories) {
        const g = c.groups.find((x: { group: string }) => x.group === 'fixture-model');
        const label = { 'rule-system-application': 'Rule System Application', 'procedural-task-execution': 'Procedural Task Execution', 'empirical-discovery-simulation': 'Empirical Discovery & Simulation' }[c.scope as string] ?? c.scope;
        byCategory.set(label, [g.solved, g.solved + g.failed]);
      }
      expect(Object.fromEntries(byCategory)).toEqual(Object.fromEntries([...want.cat].map(([k, v]) => [k, [v.s1, v.total]])));

      const plain = runCli(['results', '--plain', '--scenarios', scen, '--saves', saves]).stdout;
      expect(plain).toContain('\nMock\n');
      expect(plain).toContain('\nUnknown\n');
      expect(plain).toMatch(new RegExp(`fixture-model\\s+-\\s+\\d+\\s+${want.s1}/${want.total}\\s`));
      expect(plain).toMatch(/\+\/- \(sd of\)/);
      expect(plain).toMatch(/% \(\d+ scenarios\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('counts as eval.py does where the list and the score disagree, the score is a string, or the list is short', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clplay-fixture-disagree-'));
    try {
      const scen = join(dir, 'scenarios');
      const saves = join(dir, 'saves');
      expect(runCli(['import', FIXTURE, '--out', scen]).code).toBe(0);
      const seen = new Set<string>();
      const rows = readFileSync(FIXTURE, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
        .filter((r) => (seen.has(r.metadata.task_id) ? false : (seen.add(r.metadata.task_id), true)));
      // Each row a case eval.py meets in real output; `score` is written as raw JSON text so 1.0 stays 1.0.
      const cases: [string, unknown][] = [
        ['1', ['yes', 'no']], // list says no, score 1: solved
        ['0', ['yes', 'yes', 'yes', 'yes']], // list all yes, score 0: not solved
        ['"1"', ['yes', 'yes', 'yes', 'yes', 'yes', 'yes']], // a string score: not solved
        ['1', ['yes', 'yes']], // a row that is fine
        ['true', ['yes']], // Python: True == 1, solved
        ['1.0', ['yes', 'yes']], // Python: 1.0 == 1, solved
        ['1', []], // a short (empty) list, score 1: solved
        ['null', ['yes']], // no score: not solved
        ['2', ['yes', 'yes']], // neither 0 nor 1: not solved
        ['"yes"', ['yes']], // a word: not solved
      ];
      expect(rows.length).toBe(cases.length);
      const lines = rows.map((r, i) => {
        const [score, status] = cases[i]!;
        const row = JSON.stringify({ idx: r.metadata.task_id, ...r, model_output: `answer ${i}`, grading_rationale: 'checked', requirement_status: status, score: 0 });
        return row.replace(/"score":0}$/, `"score":${score}}`);
      });
      const file = join(dir, 'fixture-model_graded.jsonl');
      writeFileSync(file, lines.join('\n') + '\n');
      // eval.py's count, in Python's terms: score == 1 holds for 1, 1.0 and True
      const pySolved = cases.filter(([score]) => ['1', '1.0', 'true'].includes(score)).length;
      expect(pySolved).toBe(5);
      const ir = runCli(['import-results', file, '--scenarios', scen, '--saves', saves]);
      expect(ir.code, ir.stderr).toBe(0);
      expect(ir.stdout).toContain(`eval.py counts ${pySolved}/${cases.length} solved in this file`);
      // every disagreement is shown, one line each: list vs score, string score, short list, odd scores
      expect(ir.stdout).toMatch(/row\(s\) where the judge's per-item list and its score disagree/);
      expect(ir.stdout).toContain('"1" (a string)');
      const report = JSON.parse(runCli(['results', '--json', '--scenarios', scen, '--saves', saves]).stdout);
      const model = report.overall.groups.find((g: { group: string }) => g.group === 'fixture-model');
      expect([model.solved, model.solved + model.failed]).toEqual([pySolved, cases.length]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
