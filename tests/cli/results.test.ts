// `clplay results`, `export`, `saves merge` and `import-results` as a script would use them:
// the table, the JSON and the CSV must agree with each other and with hand-computed values.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { humanRun, modelRun, task } from '../helpers/runs.js';

let saves: string;

beforeAll(() => {
  saves = mkdtempSync(join(tmpdir(), 'clplay-results-cli-'));
  const runs = [
    humanRun('h1', 'ana', 'quarry', [task('t1', ['pass', 'pass'], { activeMs: 100_000 }), task('t2', ['fail', 'pass'], { activeMs: 200_000 })]),
    humanRun('h2', 'ben', 'quarry', [task('t1', ['pass', 'pending'], { activeMs: 50_000 }), task('t2', ['pass', 'pass'], { activeMs: 70_000 })]),
    modelRun('m1', 'gpt-x', 'quarry', [task('t1', ['fail', 'pass']), task('t2', ['pass', 'pass'])], { repeat: 1 }),
    modelRun('m2', 'gpt-x', 'quarry', [task('t1', ['pass', 'pass']), task('t2', ['pass', 'pass'])], { repeat: 2 }),
  ];
  for (const r of runs) writeFileSync(join(saves, `${r.id}.json`), JSON.stringify(r));
  writeFileSync(join(saves, 'stray.json'), '{"not": "a run"}');
});

describe('clplay results and export', () => {
  it('prints a plain table when stdout is not a terminal, naming a foreign file', () => {
    const r = runCli(['results', '--saves', saves]);
    expect(r.code).toBe(0);
    // humans: ana t1 solved, t2 failed; ben t1 pending, t2 solved -> 2/3; model: 3/4, runs 50% and 100%.
    expect(r.stdout).toMatch(/humans\s+2\s+2\s+2\/3\s+66\.7%\s+-\s+85\.7%\s+1\s+0\s+1m25s/);
    expect(r.stdout).toMatch(/gpt-x\s+-\s+2\s+3\/4\s+75\.0%\s+35\.4% \(2 repeats\)\s+87\.5%\s+0\s+0\s+-/);
    expect(r.stdout).toContain('Solve rate by category');
    expect(r.stdout).toContain('CL-bench');
    expect(r.stderr).toMatch(/stray\.json: not a clplay run/);
  });

  it('--json, csv and jsonl agree with the table', () => {
    const json = JSON.parse(runCli(['results', '--json', '--saves', saves]).stdout);
    const humans = json.overall.groups.find((g: { group: string }) => g.group === 'humans');
    expect(humans).toMatchObject({ solved: 2, failed: 1, pending: 1, players: 2 });
    const csv = runCli(['export', '--format', 'csv', '--saves', saves]).stdout.trim().split('\r\n');
    expect(csv[0]).toMatch(/^scenario,category,task,player_kind,player,model/);
    const solved = csv.slice(1).filter((l) => l.split(',')[9] === 'solved');
    expect(solved).toHaveLength(2 + 3);
    const jsonl = runCli(['export', '--format', 'jsonl', '--player', 'ana', '--saves', saves]).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(jsonl.map((r: { status: string }) => r.status)).toEqual(['solved', 'failed']);
  });

  it('filters, and rejects a bad filter with one line', () => {
    const r = runCli(['results', '--json', '--model', 'gpt-x', '--saves', saves]);
    expect(JSON.parse(r.stdout).overall.groups.map((g: { group: string }) => g.group)).toEqual(['gpt-x']);
    const bad = runCli(['results', '--since', 'yesterday', '--saves', saves]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/--since "yesterday" is not a date/);
    expect(runCli(['export', '--format', 'xls', '--saves', saves]).stderr).toMatch(/--format "xls" is not known/);
  });

  it('merges saves from another machine twice without change, and reports a conflict', () => {
    const target = mkdtempSync(join(tmpdir(), 'clplay-merge-target-'));
    const first = runCli(['saves', 'merge', saves, '--saves', target]);
    // stray.json is not a run: refused by name, so the merge exits 1 after merging the rest.
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/refused .*stray\.json: not a clplay run/);
    expect(first.stdout).toMatch(/4 merged, 0 unchanged, 0 conflicted \(kept side by side\), 1 refused/);
    const second = runCli(['saves', 'merge', saves, '--saves', target]);
    expect(second.stdout).toMatch(/0 merged, 4 unchanged, 0 conflicted/);
    const other = mkdtempSync(join(tmpdir(), 'clplay-merge-other-'));
    mkdirSync(join(other, 'nested'));
    writeFileSync(join(other, 'nested', 'h1.json'), JSON.stringify(humanRun('h1', 'ana', 'quarry', [task('t1', ['fail'])])));
    const third = runCli(['saves', 'merge', other, '--saves', target]);
    expect(third.stdout).toMatch(/conflict: run h1 .* both kept/);
    expect(readdirSync(target).filter((f) => f.endsWith('.json'))).toHaveLength(5);
  });
});
