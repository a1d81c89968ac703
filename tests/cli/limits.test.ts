// Limits on what clplay reads, counted on the bytes read: an endless answer file is refused in
// one line; the limit comes from the settings; a zip bomb given to `saves merge` is refused.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('limits', () => {
  it('check --answer-file /dev/zero: refused at the limit, one line, exit 2', () => {
    const cfg = mkdtempSync(join(tmpdir(), 'clplay-limits-cfg-'));
    const r = runCli(['check', 'sorrel-language', '--task', 'arithmetic', '--answer-file', '/dev/zero'], { env: { CLPLAY_CONFIG_DIR: cfg } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('clplay: the answer file /dev/zero is larger than 4 MB (the limit for an answer file; see limits.answerFileMB)\n');
    writeFileSync(join(cfg, 'config.json'), JSON.stringify({ limits: { answerFileMB: 0.001 } }));
    const small = runCli(['check', 'sorrel-language', '--task', 'arithmetic', '--answer-file', '-'], { env: { CLPLAY_CONFIG_DIR: cfg }, input: 'x'.repeat(2000) });
    expect(small.code).toBe(2);
    expect(small.stderr).toMatch(/larger than 1 KB/);
  });

  it('saves merge of a zip bomb: one refused line, exit 1, nothing merged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clplay-limits-bomb-'));
    const zip = join(dir, 'bomb.zip');
    execFileSync('python3', ['-c', `import zipfile\nz=zipfile.ZipFile(${JSON.stringify(zip)},'w',zipfile.ZIP_DEFLATED)\nfor i in range(3): z.writestr(f'r{i}.json', b' '*(16*1024*1024))\nz.close()`]);
    const target = mkdtempSync(join(tmpdir(), 'clplay-limits-target-'));
    const r = runCli(['saves', 'merge', zip, '--saves', target], { env: { CLPLAY_CONFIG_DIR: dir } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^clplay: refused .*bomb\.zip: refused: it unpacks to \d+ times its own size \(a zip bomb\?\); the limit is 200 \(limits\.archiveRatio\)\n$/);
    expect(r.stdout).toMatch(/0 merged, 0 unchanged, 0 conflicted \(kept side by side\), 1 refused/);
  });
});
