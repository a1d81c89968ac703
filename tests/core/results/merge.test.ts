import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeSaves, type MergeTarget } from '../../../src/core/results/merge.js';
import type { RunRecord } from '../../../src/core/runs/types.js';
import { humanRun, task } from '../../helpers/runs.js';

function memoryTarget(initial: RunRecord[] = []): MergeTarget & { runs: Map<string, RunRecord> } {
  const runs = new Map(initial.map((r) => [r.id, structuredClone(r)]));
  return {
    runs,
    async load(id) {
      return runs.get(id);
    },
    async create(run) {
      if (runs.has(run.id)) throw new Error(`would overwrite ${run.id}`);
      runs.set(run.id, structuredClone(run));
    },
  };
}

function laptop(name: string, runs: RunRecord[]): string {
  const dir = mkdtempSync(join(tmpdir(), `clplay-merge-${name}-`));
  for (const r of runs) writeFileSync(join(dir, `${r.id}.json`), JSON.stringify(r, null, 2));
  return dir;
}

describe('saves merge', () => {
  const a = humanRun('r-a', 'ana', 'quarry', [task('t1', ['pass'])]);
  const b = humanRun('r-b', 'ben', 'quarry', [task('t1', ['fail'])]);

  it('adds new runs, and merging twice changes nothing', async () => {
    const target = memoryTarget();
    const dir = laptop('one', [a, b]);
    const first = await mergeSaves([dir], target);
    expect(first.added.sort()).toEqual(['r-a', 'r-b']);
    const second = await mergeSaves([dir], target);
    expect(second.added).toEqual([]);
    expect(second.unchanged.sort()).toEqual(['r-a', 'r-b']);
    expect(target.runs.size).toBe(2);
  });

  it('does not call key order or formatting a conflict', async () => {
    const target = memoryTarget([a]);
    const reordered = Object.fromEntries(Object.entries(a).reverse());
    const dir = mkdtempSync(join(tmpdir(), 'clplay-merge-order-'));
    writeFileSync(join(dir, 'x.json'), JSON.stringify(reordered));
    const r = await mergeSaves([dir], target);
    expect(r.unchanged).toEqual(['r-a']);
  });

  it('reports a conflict and keeps both, idempotently', async () => {
    const target = memoryTarget([a]);
    const changed = { ...a, tasks: [task('t1', ['fail'])] };
    const dir = laptop('conflict', [changed]);
    const r1 = await mergeSaves([dir], target);
    expect(r1.conflicts).toHaveLength(1);
    expect(r1.conflicts[0]!.id).toBe('r-a');
    expect(target.runs.get('r-a')).toEqual(a);
    const kept = target.runs.get(r1.conflicts[0]!.keptAs)!;
    expect(kept.tasks[0]!.status).toBe('failed');
    const r2 = await mergeSaves([dir], target);
    expect(r2.conflicts).toEqual([]);
    expect(target.runs.size).toBe(2);
  });

  it('reads tar.gz and zip archives, and skips foreign files with a reason', async () => {
    const dir = laptop('arch', [a, b]);
    writeFileSync(join(dir, 'notes.json'), '{"hello": 1}');
    writeFileSync(join(dir, 'broken.json'), '{"schemaVersion": 1, ');
    const out = mkdtempSync(join(tmpdir(), 'clplay-merge-out-'));
    execFileSync('tar', ['-czf', join(out, 'saves.tar.gz'), '-C', dir, '.']);
    execFileSync('python3', ['-c', `import zipfile,os\nz=zipfile.ZipFile(${JSON.stringify(join(out, 'saves.zip'))},'w',zipfile.ZIP_DEFLATED)\nfor f in os.listdir(${JSON.stringify(dir)}): z.write(os.path.join(${JSON.stringify(dir)},f),'sub/'+f)\nz.close()`]);
    const t1 = memoryTarget();
    const r = await mergeSaves([join(out, 'saves.tar.gz')], t1);
    expect(r.added.sort()).toEqual(['r-a', 'r-b']);
    expect(r.refused.join('\n')).toMatch(/notes\.json: not a clplay run/);
    expect(r.refused.join('\n')).toMatch(/broken\.json: not valid JSON/);
    const t2 = memoryTarget();
    const rz = await mergeSaves([join(out, 'saves.zip')], t2);
    expect(rz.added.sort()).toEqual(['r-a', 'r-b']);
  });

  it('names a missing path', async () => {
    const r = await mergeSaves(['/nonexistent/clplay-saves'], memoryTarget());
    expect(r.refused[0]).toMatch(/no such file or folder/);
  });
});
