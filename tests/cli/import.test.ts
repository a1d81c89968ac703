// `clplay import` through the built CLI (npm run build first): exit codes, the summary, bad lines
// on stderr with their numbers, and scenario files that `clplay validate` accepts.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainRows, toJsonl } from '../helpers/clbench-rows.js';
import { CLI_PATH, runCli } from '../helpers/cli.js';

let dir: string;
const rows = [
  ...chainRows({ contextId: '0a1b2c3d-aaaa', system: 'Be exact.', first: '# Glorp Manual\nA glorp is 7 blips.\n\nHow many blips in two glorps?', turns: [{ given: '14', prompt: 'And in three?' }] }),
  ...chainRows({ contextId: '9f8e7d6c-bbbb', first: 'Ledger...\n\nWhat is the total?', turns: [], category: 'Domain Knowledge Reasoning', subCategory: 'Finance' }),
];

beforeAll(() => {
  if (!existsSync(CLI_PATH)) throw new Error('dist/clplay.js is missing: run `npm run build` first');
  dir = mkdtempSync(join(tmpdir(), 'clplay-import-cli-'));
  writeFileSync(join(dir, 'good.jsonl'), toJsonl(rows, '\r\n'));
  writeFileSync(join(dir, 'some-bad.jsonl'), toJsonl([rows[0]!, '{"messages": oops', rows[1]!, rows[2]!]));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('clplay import', () => {
  it('imports a clean file: exit 0, a summary, files that validate', () => {
    const r = runCli(['import', 'good.jsonl', '--out', 'out'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Imported good\.jsonl into out\//);
    expect(r.stdout).toMatch(/contexts:\s+2\n/);
    expect(r.stdout).toMatch(/scenarios:\s+2 /);
    expect(r.stdout).toMatch(/tasks:\s+3\n/);
    expect(r.stdout).toMatch(/rubric items:\s+6\n/);
    expect(r.stdout).toMatch(/skipped lines:\s+0\n/);
    expect(r.stdout).toMatch(/--scenarios out/);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['clbench-0a1b2c3d-1.json', 'clbench-9f8e7d6c-1.json']);
    const v = runCli(['validate', join(dir, 'out')]);
    expect(v.stderr).toBe('');
    expect(v.code).toBe(0);
  });

  it('reports bad lines with their numbers on stderr, imports the rest, exits 1', () => {
    const r = runCli(['import', 'some-bad.jsonl', '--out', 'out2', '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^some-bad\.jsonl:2: not valid JSON \(.*\); skipped\n$/);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ lines: 4, contexts: 2, chains: 2, tasks: 3, skippedLines: 1, written: 2 });
  });

  it('fails with one line for a missing file or a missing argument', () => {
    const missing = runCli(['import', 'nope.jsonl'], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^clplay: cannot read .*nope\.jsonl: no such file\n$/);
    const none = runCli(['import'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^clplay: give the CL-bench JSONL file/);
  });
});
