// A script that reads only the start of clplay's output (`clplay export | head`) closes the pipe
// early: clplay stops quietly, with no unhandled EPIPE and no stack trace.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_PATH, REPO } from '../helpers/cli.js';
import { humanRun, task } from '../helpers/runs.js';

describe('output into a pipe that closes early', () => {
  it('export | head: no stack trace, a quiet exit', async () => {
    const saves = mkdtempSync(join(tmpdir(), 'clplay-epipe-'));
    const long = 'x'.repeat(2000);
    for (let i = 0; i < 20; i++) {
      const r = humanRun(`h${i}`, `p${i}`, 'sorrel-language', [task('arithmetic', ['pass'], { answer: long }), task('loop-and-truth', ['fail'], { answer: long })]);
      writeFileSync(join(saves, `${r.id}.json`), JSON.stringify(r));
    }
    const child = spawn(process.execPath, [CLI_PATH, 'export', '--format', 'jsonl', '--saves', saves], {
      cwd: REPO,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    // read the first chunk, then close the pipe like `head -c` does
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|node:events|at .*\(node:/);
    expect(code).toBe(0);
  }, 30_000);
});
