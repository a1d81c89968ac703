// `saves merge` as an attacker or an unlucky colleague would feed it: damaged runs, a corrupt
// local copy, a conflict on the longest run id, a zip bomb, too many entries. Every bad entry is
// refused (or kept side by side) with a line, and the merge goes on with the rest.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveEntries } from '../../../src/core/results/archive.js';
import { mergeSaves } from '../../../src/core/results/merge.js';
import { DEFAULT_LIMITS } from '../../../src/core/limits.js';
import { RUN_ID, RunStore } from '../../../src/core/runs/store.js';
import type { RunRecord } from '../../../src/core/runs/types.js';
import { humanRun, task } from '../../helpers/runs.js';

const tmp = (name: string) => mkdtempSync(join(tmpdir(), `clplay-${name}-`));
const storeTarget = (store: RunStore) => ({
  load: async (id: string) => ((await store.has(id)) ? store.load(id) : undefined),
  create: (run: RunRecord) => store.create(run),
});
const py = (code: string) => execFileSync('python3', ['-c', code]);

describe('saves merge goes on past every bad entry', () => {
  it('refuses damaged incoming runs by file and field, keeps the rest', async () => {
    const src = tmp('merge-src');
    const a = humanRun('r-a', 'ana', 'quarry', [task('t1', ['pass'])]);
    writeFileSync(join(src, '1-null.json'), JSON.stringify({ ...a, id: 'r-null', tasks: [null] }));
    writeFileSync(join(src, '2-ok.json'), JSON.stringify(a));
    writeFileSync(join(src, '3-verdicts.json'), JSON.stringify({ ...a, id: 'r-v', tasks: [{ ...a.tasks[0], verdicts: 'xx' }] }));
    const store = new RunStore(tmp('merge-dst'));
    const r = await mergeSaves([src], storeTarget(store));
    expect(r.added).toEqual(['r-a']);
    expect(r.refused).toHaveLength(2);
    expect(r.refused.join('\n')).toMatch(/1-null\.json: damaged run: tasks\[0\]: expected an object, got null/);
    expect(r.refused.join('\n')).toMatch(/3-verdicts\.json: damaged run: tasks\[0\]\.verdicts: expected a list, got "xx"/);
    expect((await store.list()).problems).toEqual([]);
  });

  it('a corrupt local copy: the incoming run is kept beside it, and later runs still merge', async () => {
    const dst = tmp('merge-corrupt-dst');
    writeFileSync(join(dst, 'r-a.json'), '{"schemaVersion": 1, "id": "r-a", "tas');
    const src = tmp('merge-corrupt-src');
    const a = humanRun('r-a', 'ana', 'quarry', [task('t1', ['pass'])]);
    const b = humanRun('r-b', 'ben', 'quarry', [task('t1', ['fail'])]);
    writeFileSync(join(src, 'r-a.json'), JSON.stringify(a));
    writeFileSync(join(src, 'r-b.json'), JSON.stringify(b));
    const store = new RunStore(dst);
    const r = await mergeSaves([src], storeTarget(store));
    expect(r.refused).toEqual([]);
    expect(r.added).toEqual(['r-b']);
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]!.why).toMatch(/the saved copy is damaged: .*r-a\.json: not valid JSON/);
    expect((await store.load(r.conflicts[0]!.keptAs)).tasks).toEqual(a.tasks);
    // Merging again changes nothing.
    const again = await mergeSaves([src], storeTarget(store));
    expect(again.added).toEqual([]);
    expect(again.conflicts).toEqual([]);
    expect(again.unchanged.sort()).toEqual([r.conflicts[0]!.keptAs, 'r-b'].sort());
  });

  it('a conflict on a 128-character run id is kept under an id that is still valid', async () => {
    const long = `r${'x'.repeat(127)}`;
    expect(RUN_ID.test(long)).toBe(true);
    const mine = humanRun(long, 'ana', 'quarry', [task('t1', ['pass'])]);
    const dst = tmp('merge-long-dst');
    const store = new RunStore(dst);
    await store.create(mine);
    const src = tmp('merge-long-src');
    writeFileSync(join(src, 'a.json'), JSON.stringify({ ...mine, tasks: [task('t1', ['fail'])] }));
    writeFileSync(join(src, 'b.json'), JSON.stringify(humanRun('r-b', 'ben', 'quarry', [task('t1', ['fail'])])));
    const r = await mergeSaves([src], storeTarget(store));
    expect(r.refused).toEqual([]);
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]!.keptAs.length).toBeLessThanOrEqual(128);
    expect(RUN_ID.test(r.conflicts[0]!.keptAs)).toBe(true);
    expect(r.added).toEqual(['r-b']);
    expect((await store.list()).runs).toHaveLength(3);
  });
});

describe('archives through node-tar and yauzl, with limits', () => {
  const limits = { ...DEFAULT_LIMITS.archive };

  it('a zip bomb is refused from its headers, in one line, before anything is inflated', async () => {
    const dir = tmp('bomb');
    const zip = join(dir, 'bomb.zip');
    // 16 MB of zeros deflates to ~16 KB: a ratio near 1000.
    py(`import zipfile\nz=zipfile.ZipFile(${JSON.stringify(zip)},'w',zipfile.ZIP_DEFLATED)\nz.writestr('run.json', b'0'*(16*1024*1024))\nz.close()`);
    const r = await mergeSaves([zip], { load: async () => undefined, create: async () => {} }, dir, limits);
    expect(r.refused).toHaveLength(1);
    expect(r.refused[0]).toMatch(/bomb\.zip: refused: .*(times its own size|more than)/);
    expect(r.refused[0]).not.toContain('\n');
  });

  it('a tar.gz bomb is refused from its headers too', async () => {
    const dir = tmp('tbomb');
    const tgz = join(dir, 'bomb.tar.gz');
    py(`import tarfile,io\nt=tarfile.open(${JSON.stringify(tgz)},'w:gz')\ndata=b'0'*(16*1024*1024)\ni=tarfile.TarInfo('run.json');i.size=len(data)\nt.addfile(i,io.BytesIO(data))\nt.close()`);
    const r = await mergeSaves([tgz], { load: async () => undefined, create: async () => {} }, dir, limits);
    expect(r.refused).toHaveLength(1);
    expect(r.refused[0]).toMatch(/bomb\.tar\.gz: refused: it unpacks to \d+ times its own size/);
  });

  it('too many entries, or one entry too large, is refused with the limit named', async () => {
    const dir = tmp('many');
    const zip = join(dir, 'many.zip');
    py(`import zipfile\nz=zipfile.ZipFile(${JSON.stringify(zip)},'w')\nfor i in range(30): z.writestr(f'f{i}.json', '{}')\nz.close()`);
    await expect(async () => {
      for await (const _ of archiveEntries(zip, { ...limits, entries: 10 })) void _;
    }).rejects.toThrow(/more than 10 entries .*limits\.archiveEntries/);
    await expect(async () => {
      for await (const _ of archiveEntries(zip, { ...limits, entryBytes: 1 })) void _;
    }).rejects.toThrow(/f0\.json unpacks to 2 bytes, more than the 1 bytes allowed/);
  });

  it('reads zip64 archives and streams entries one at a time, skipping what is not wanted', async () => {
    const dir = tmp('zip64');
    const zip = join(dir, 'z64.zip');
    const a = humanRun('r-a', 'ana', 'quarry', [task('t1', ['pass'])]);
    py(
      `import zipfile\nz=zipfile.ZipFile(${JSON.stringify(zip)},'w',zipfile.ZIP_DEFLATED,allowZip64=True)\nwith z.open('saves/r-a.json','w',force_zip64=True) as f: f.write(${JSON.stringify(JSON.stringify(a))}.encode())\nz.writestr('notes.txt','hello')\nz.close()`,
    );
    const names: string[] = [];
    for await (const e of archiveEntries(zip, limits, (n) => n.endsWith('.json'))) names.push(e.name);
    expect(names).toEqual(['saves/r-a.json']);
    const store = new RunStore(tmp('z64-dst'));
    const r = await mergeSaves([zip], storeTarget(store), dir, limits);
    expect(r.added).toEqual(['r-a']);
  });

  it('a corrupt archive is one refused line; the other paths still merge', async () => {
    const dir = tmp('corrupt');
    writeFileSync(join(dir, 'junk.zip'), Buffer.from('PK\u0003\u0004 this is not really a zip'));
    writeFileSync(join(dir, 'junk.tar.gz'), Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]));
    const src = tmp('corrupt-src');
    writeFileSync(join(src, 'r-a.json'), JSON.stringify(humanRun('r-a', 'ana', 'quarry', [task('t1', ['pass'])])));
    const store = new RunStore(tmp('corrupt-dst'));
    const r = await mergeSaves([join(dir, 'junk.zip'), join(dir, 'junk.tar.gz'), src], storeTarget(store), dir, limits);
    expect(r.added).toEqual(['r-a']);
    expect(r.refused).toHaveLength(2);
    expect(r.refused[0]).toMatch(/junk\.zip: not a readable zip archive/);
    expect(r.refused[1]).toMatch(/junk\.tar\.gz: not a readable tar archive/);
  });
});
