// Damaged run files next to good ones, as a merged saves folder may hold them: results and export
// work and name the damaged file and field; `run --resume` on a damaged run says it is damaged;
// `saves merge` counts what it merged and refused, exit 1 only when something was refused.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { humanRun, modelRun, task } from '../helpers/runs.js';

let saves: string;
beforeAll(() => {
  saves = mkdtempSync(join(tmpdir(), 'clplay-untrusted-runs-'));
  const good = humanRun('h1', 'ana', 'quarry', [task('t1', ['pass'])]);
  writeFileSync(join(saves, 'h1.json'), JSON.stringify(good));
  writeFileSync(join(saves, 'm-null.json'), JSON.stringify({ ...modelRun('m-null', 'gpt-x', 'quarry', []), batchId: 'b-000000000000', tasks: [null] }));
  writeFileSync(join(saves, 'h-xx.json'), JSON.stringify({ ...good, id: 'h-xx', tasks: [{ ...good.tasks[0], verdicts: 'xx' }] }));
});

describe('damaged run files', () => {
  it('results: the good runs are counted, each damaged file named with its field', () => {
    const r = runCli(['results', '--saves', saves]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/internal error|Cannot read/);
    expect(r.stderr).toMatch(/m-null\.json: damaged run: tasks\[0\]: expected an object, got null/);
    expect(r.stderr).toMatch(/h-xx\.json: damaged run: tasks\[0\]\.verdicts: expected a list, got "xx"/);
    expect(r.stdout).toMatch(/humans\s+1\s+1\s+1\/1/);
  });

  it('export: the good runs are exported', () => {
    const r = runCli(['export', '--format', 'jsonl', '--saves', saves]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toContain('"h1"');
  });

  it('run --resume on a damaged run says it is damaged, not "no saved run"', () => {
    const r = runCli(['run', '--resume', 'm-null', '--saves', saves], { env: { OPENAI_API_KEY: 'sk-x', CLPLAY_CONFIG_DIR: saves } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/m-null\.json: damaged run: tasks\[0\]: expected an object, got null/);
    expect(r.stderr).not.toMatch(/no saved run/);
  });

  it('saves merge: damaged entries refused by name, the rest merged, then counts; exit 1', () => {
    const target = mkdtempSync(join(tmpdir(), 'clplay-untrusted-merge-'));
    const r = runCli(['saves', 'merge', saves, '--saves', target]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
    expect(r.stdout).toMatch(/1 merged, 0 unchanged, 0 conflicted \(kept side by side\), 2 refused/);
    const clean = mkdtempSync(join(tmpdir(), 'clplay-untrusted-clean-'));
    writeFileSync(join(clean, 'h1.json'), JSON.stringify(humanRun('h1', 'ana', 'quarry', [task('t1', ['pass'])])));
    const again = runCli(['saves', 'merge', clean, '--saves', target]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/0 merged, 1 unchanged, 0 conflicted \(kept side by side\), 0 refused/);
  });
});
