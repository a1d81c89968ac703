// Limits on what clplay reads, counted on the bytes read: an endless answer file is refused in
// one line; the limit comes from the settings; a zip bomb given to `saves merge` is refused.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

  it('a context file over limits.scenarioMB is refused by validate, list and play, naming the file, line and field', () => {
    const cfg = mkdtempSync(join(tmpdir(), 'clplay-limits-cfg-'));
    const pack = mkdtempSync(join(tmpdir(), 'clplay-limits-pack-'));
    // The example scenario with its context moved to a 40 KB file beside it.
    const yaml = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'example-harbour-levy.yaml'), 'utf8');
    const m = /^context: \|\n((?: {2}.*\n|\n)+)/m.exec(yaml)!;
    expect(m).not.toBeNull();
    const context = m[1]!.replace(/^ {2}/gm, '') + '\nAnnex. ' + 'Filler text for size. '.repeat(2000) + '\n';
    writeFileSync(join(pack, 'context.md'), context);
    writeFileSync(join(pack, 'levy.yaml'), yaml.replace(m[0], 'contextFile: context.md\n'));
    const env = { CLPLAY_CONFIG_DIR: cfg, CLPLAY_CACHE_DIR: join(cfg, 'cache') };
    expect(runCli(['validate', pack], { env }).code).toBe(0);
    writeFileSync(join(cfg, 'config.json'), JSON.stringify({ limits: { scenarioMB: 0.02 } }));
    const v = runCli(['validate', pack], { env });
    expect(v.code).toBe(1);
    expect(v.stdout + v.stderr).toMatch(/levy\.yaml:\d+:\d+ contextFile: "context\.md" is (larger than 20 KB|\d+(\.\d)? KB); a context file may be at most 20\.5 KB \(the setting limits\.scenarioMB\)/);
    // list (which caches scenarios) and play refuse it too: the cache does not bypass the limit.
    const l = runCli(['list', '--scenarios', pack, '--json'], { env });
    expect(l.stdout).not.toContain('example-harbour-levy');
    const p = runCli(['play', join(pack, 'levy.yaml')], { env });
    expect(p.code).not.toBe(0);
    expect(p.stderr).toMatch(/limits\.scenarioMB/);
    expect(p.stderr).not.toMatch(/\n\s+at /);
    // The scenario file itself counts too.
    copyFileSync(join(pack, 'levy.yaml'), join(pack, 'big.yaml'));
    writeFileSync(join(pack, 'big.yaml'), yaml.replace('id: example-harbour-levy', 'id: big-levy') + '# ' + 'x'.repeat(30_000) + '\n');
    expect(runCli(['validate', join(pack, 'big.yaml')], { env }).stdout).toMatch(/big\.yaml:1:1 .*scenario files may be at most 20\.5 KB .*limits\.scenarioMB/);
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
