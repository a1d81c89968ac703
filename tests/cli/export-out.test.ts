// `export --out FILE` never replaces a file silently: without --force an existing file is left
// exactly as it was and one line says what to do.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { humanRun, task } from '../helpers/runs.js';

const made: string[] = [];
afterEach(() => {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
});

describe('export --out', () => {
  it('refuses to overwrite an existing file without --force, and replaces it with --force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clplay-export-out-'));
    made.push(dir);
    const saves = join(dir, 'saves');
    mkdirSync(saves);
    writeFileSync(join(saves, 'h1.json'), JSON.stringify(humanRun('h1', 'ana', 'quarry', [task('t1', ['pass'])])));
    writeFileSync(join(dir, 'baseline.csv'), 'a week of baseline notes');

    const refused = runCli(['export', '--format', 'csv', '--saves', saves, '--out', 'baseline.csv'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('clplay: baseline.csv already exists; add --force to replace it, or choose another --out\n');
    expect(readFileSync(join(dir, 'baseline.csv'), 'utf8')).toBe('a week of baseline notes');

    const fresh = runCli(['export', '--format', 'csv', '--saves', saves, '--out', 'new.csv'], { cwd: dir });
    expect(fresh.code).toBe(0);
    expect(readFileSync(join(dir, 'new.csv'), 'utf8')).toContain('ana');

    const forced = runCli(['export', '--format', 'csv', '--saves', saves, '--out', 'baseline.csv', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'baseline.csv'), 'utf8')).toBe(readFileSync(join(dir, 'new.csv'), 'utf8'));
  });
});
